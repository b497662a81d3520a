import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Issue 12: the current password of `PUT /v2/authentication/me/password` is a password check like
 * sign-in, so guessing it through someone's open session is throttled the same way (429 with
 * Retry-After).
 */
let engine: TestEngine;

beforeAll(async () => {
  engine = await startTestEngine({ seedDemoData: true }, { BATON_SIGNIN_USER_FAILURES: '2', BATON_SIGNIN_LOCKOUT_SECONDS: '60', BATON_SIGNIN_MAX_LOCKOUT_SECONDS: '120' });
});
afterAll(async () => {
  await engine?.stop();
});

describe('PUT /v2/authentication/me/password, wrong current passwords', () => {
  it('given more wrong current passwords than the user may try, then 429 with Retry-After, and the session stays', async () => {
    await send(engine, 'POST', '/v2/users', { username: 'guessed', password: 'the real password' });
    const signIn = await send(engine, 'POST', '/v2/authentication/sign-in', { username: 'guessed', password: 'the real password' }, null as unknown as string);
    const change = (currentPassword: string) =>
      engine.request('/v2/authentication/me/password', { method: 'PUT', user: null, headers: { Authorization: `Bearer ${signIn.body.token}` }, json: { currentPassword, newPassword: 'a new password here' } });

    // Two free attempts; the third is checked too, and makes the next one wait.
    for (const guess of ['guess number one', 'guess number two', 'guess number three']) {
      const answer = await change(guess);
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { code: string }).code).toBe('PASSWORD.CURRENT_MISMATCH');
    }
    const fourth = await change('guess number four');
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await fourth.json()) as { code: string }).code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    // The guesses did not end the session.
    expect((await engine.request('/v2/authentication/me', { user: null, headers: { Authorization: `Bearer ${signIn.body.token}` } })).status).toBe(200);
    // The password verified at sign-in a moment ago is no guess: it passes during the wait
    // (security.md, "Sign-in throttling": a pair verified in the last minute is let through).
    expect((await change('the real password')).status).toBe(204);
  });
});
