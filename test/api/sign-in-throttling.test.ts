import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { basicAuth, startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Throttling of password checks (issue 8, item 5), against the real Redis the counters live in.
 * The engine trusts the loopback proxy, so `X-Forwarded-For` picks the client address each
 * request is counted for; the second engine does not, and shows that the header is then ignored.
 */
let engine: TestEngine;
let untrusting: TestEngine;
beforeAll(async () => {
  [engine, untrusting] = await Promise.all([
    startTestEngine(
      {},
      {
        BATON_TRUST_PROXY: 'loopback',
        BATON_SIGNIN_USER_FAILURES: '3',
        BATON_SIGNIN_ADDRESS_FAILURES: '5',
        BATON_SIGNIN_LOCKOUT_SECONDS: '60',
        BATON_SIGNIN_MAX_LOCKOUT_SECONDS: '120',
      },
    ),
    startTestEngine({}, { BATON_SIGNIN_USER_FAILURES: '1000', BATON_SIGNIN_ADDRESS_FAILURES: '2', BATON_SIGNIN_LOCKOUT_SECONDS: '1', BATON_SIGNIN_MAX_LOCKOUT_SECONDS: '2' }),
  ]);
});
afterAll(async () => {
  await Promise.all([engine?.stop(), untrusting?.stop()]);
});

let nextAddress = 1;
/** A client address no other test uses. */
const freshAddress = () => `198.51.100.${nextAddress++}`;

function signIn(username: string, password: string, from = freshAddress(), on = engine): Promise<Response> {
  return on.request('/v2/authentication/sign-in', { user: null, json: { username, password }, headers: { 'X-Forwarded-For': from } });
}

async function statuses(attempts: Array<() => Promise<Response>>): Promise<number[]> {
  const seen: number[] = [];
  for (const attempt of attempts) seen.push((await attempt()).status);
  return seen;
}

const wrong = (username: string) => () => signIn(username, 'not-the-password');

describe('per user name', () => {
  it('after the free failures, makes each attempt wait — from any address, the right password too, sign-in and Basic alike (429 + Retry-After)', async () => {
    expect(await statuses([wrong('emma'), wrong('emma'), wrong('emma'), wrong('emma')])).toEqual([401, 401, 401, 401]);

    const refused = await signIn('emma', 'emma');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await refused.json()).toMatchObject({
      status: 429,
      title: 'RESOURCE_EXHAUSTED',
      code: 'AUTH.TOO_MANY_ATTEMPTS',
      detail: `Too many failed sign-in attempts for this user or from this address; try again in ${retryAfter} s`,
    });

    const basic = await engine.request('/v2/topology', { user: null, headers: { Authorization: basicAuth('emma'), 'X-Forwarded-For': freshAddress() } });
    expect(basic.status).toBe(429);
    expect(basic.headers.get('retry-after')).not.toBeNull();

    expect((await signIn('frank', 'frank')).status).toBe(200);
  });

  it('counts an unknown user name exactly like a known one, so throttling tells nothing about which names exist', async () => {
    const attempts = (username: string) => [wrong(username), wrong(username), wrong(username), wrong(username), wrong(username)];
    expect(await statuses(attempts('ghost'))).toEqual([401, 401, 401, 401, 429]);
    expect(await statuses(attempts('mia'))).toEqual([401, 401, 401, 401, 429]);
  });

  it("forgets a user's failures when the right password comes", async () => {
    const right = () => signIn('anna', 'anna');
    expect(await statuses([wrong('anna'), wrong('anna'), right, wrong('anna'), wrong('anna'), wrong('anna'), wrong('anna'), wrong('anna')])).toEqual([
      401, 401, 200, 401, 401, 401, 401, 429,
    ]);
    // A password verified in the last minute is no guess: it is let through without a new check.
    expect((await right()).status).toBe(200);
  });

  it('doubles the wait with each further failure, up to the maximum', async () => {
    const userKey = `${engine.config.redis.bullPrefix}:signin:user:${createHash('sha256').update('doubling').digest('hex').slice(0, 32)}`;
    /** Ends the current wait as if its time had passed. */
    const waitEnds = () => engine.infrastructure.redis.hdel(userKey, 'until');
    const waitAfterNextFailure = async () => {
      expect((await wrong('doubling')()).status).toBe(401);
      const refused = await wrong('doubling')();
      expect(refused.status).toBe(429);
      return Number(refused.headers.get('retry-after'));
    };

    expect(await statuses([wrong('doubling'), wrong('doubling'), wrong('doubling')])).toEqual([401, 401, 401]);
    const first = await waitAfterNextFailure();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(60);
    await waitEnds();
    const second = await waitAfterNextFailure();
    expect(second).toBeGreaterThan(60);
    expect(second).toBeLessThanOrEqual(120);
    await waitEnds();
    const third = await waitAfterNextFailure();
    expect(third).toBeGreaterThan(60);
    expect(third).toBeLessThanOrEqual(120);
  });

  it('counts a burst of concurrent guesses before checking any, so none slips past the limit', async () => {
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn('burst-target', `guess-${i}`)));
    const counts = burst.reduce<Record<number, number>>((seen, response) => ({ ...seen, [response.status]: (seen[response.status] ?? 0) + 1 }), {});
    // Three free attempts, and the fourth, which starts the first wait.
    expect(counts).toEqual({ 401: 4, 429: 16 });
  });

  it("checks a client's burst of requests with the same right credentials once, instead of counting each", async () => {
    const from = freshAddress();
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => engine.request('/v2/authentication/me', { user: null, headers: { Authorization: basicAuth('worker'), 'X-Forwarded-For': from } })),
    );
    expect(burst.map((response) => response.status)).toEqual(Array.from({ length: 20 }, () => 200));
  });
});

describe('per client address', () => {
  it('throttles an address that sprays guesses over many user names, and no other address', async () => {
    const sprayer = freshAddress();
    const guess = (i: number) => () => signIn(`spray-${i}`, 'password1', sprayer);
    expect(await statuses([guess(1), guess(2), guess(3), guess(4), guess(5), guess(6), () => signIn('demo', 'demo', sprayer)])).toEqual([
      401, 401, 401, 401, 401, 401, 429,
    ]);
    expect((await signIn('demo', 'demo', freshAddress())).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless BATON_TRUST_PROXY trusts the proxy, and lets the wait end after at most the maximum', async () => {
    // Each guess claims another address; untrusted, they all count for the one real peer.
    const retryAfters: number[] = [];
    let guess = 0;
    await eventually(
      async () => {
        guess++;
        const response = await signIn(`user-${guess}`, 'x', `192.0.2.${guess}`, untrusting);
        if (response.status === 429) retryAfters.push(Number(response.headers.get('retry-after')));
        return response.status;
      },
      (status) => status === 429,
      'a 429 for the peer address',
    );
    expect(retryAfters.every((seconds) => seconds >= 1 && seconds <= 2)).toBe(true);
    await eventually(() => signIn('demo', 'demo', freshAddress(), untrusting).then((response) => response.status), (status) => status === 200, 'the wait to end');
  });
});
