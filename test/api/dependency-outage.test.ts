import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalProcessXml } from '../fixtures/minimal-process.js';
import { deploy } from '../support/deploy.js';
import { eventually } from '../support/eventually.js';
import { OwnMariaDbServer } from '../support/mariadb-server.js';
import { OwnRedisServer } from '../support/redis-server.js';
import { basicAuth, startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * The database or Redis going away under a running engine (issue 8, item 7): requests that need
 * it are answered 503 problem+json with `Retry-After` instead of 500 INTERNAL, and the engine
 * serves again by itself once it is back. This file runs a MariaDB and a Redis server of its
 * own, so stopping them touches no other test.
 */
const mariadb = new OwnMariaDbServer();
const redis = new OwnRedisServer();
let engine: TestEngine;

beforeAll(async () => {
  await Promise.all([mariadb.install(), redis.start()]);
  engine = await startTestEngine({}, { DB_HOST: mariadb.host, DB_PORT: String(mariadb.port), REDIS_URL: redis.url });
  expect((await deploy(engine, [{ name: 'outage.bpmn', content: minimalProcessXml('outage') }])).status).toBe(200);
}, 120_000);
afterAll(async () => {
  await mariadb.start().catch(() => undefined);
  await redis.start().catch(() => undefined);
  await engine?.stop();
  await Promise.all([mariadb.remove(), redis.stop()]);
}, 120_000);

const search = () => engine.request('/v2/process-definitions/search', { json: {} });
const start = () => engine.request('/v2/process-instances', { json: { processDefinitionId: 'outage' } });
const signIn = (username: string) => engine.request('/v2/authentication/sign-in', { user: null, json: { username, password: username } });

async function expectUnavailable(response: Response, code: string): Promise<void> {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('5');
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(await response.json()).toMatchObject({ status: 503, title: 'UNAVAILABLE', code });
}

describe('MariaDB down', () => {
  it('answers 503 DATABASE.UNAVAILABLE with Retry-After to reads, commands and sign-ins, and serves again once it is back', async () => {
    expect((await search()).status).toBe(200);
    await mariadb.stop();

    await expectUnavailable(await search(), 'DATABASE.UNAVAILABLE');
    await expectUnavailable(await start(), 'DATABASE.UNAVAILABLE');
    await expectUnavailable(await signIn('emma'), 'DATABASE.UNAVAILABLE');
    await expectUnavailable(await engine.request('/v2/topology', { user: null, headers: { Authorization: basicAuth('frank') } }), 'DATABASE.UNAVAILABLE');
    expect((await engine.request('/health/ready', { user: null })).status).toBe(503);

    await mariadb.start();
    await eventually(() => search().then((response) => response.status), (status) => status === 200, 'searches to work again', 60_000);
    expect((await start()).status).toBe(200);
    // The failed sign-in was not a wrong password: it did not count against emma.
    expect((await signIn('emma')).status).toBe(200);
  }, 120_000);
});

describe('Redis down', () => {
  it('answers 503 REDIS.UNAVAILABLE with Retry-After where a password is to be checked (the throttle counts in Redis), and signs in again once it is back', async () => {
    await redis.stop();
    await expectUnavailable(await signIn('mia'), 'REDIS.UNAVAILABLE');
    await expectUnavailable(await engine.request('/v2/topology', { user: null, headers: { Authorization: basicAuth('anna') } }), 'REDIS.UNAVAILABLE');

    await redis.start();
    await eventually(() => signIn('mia').then((response) => response.status), (status) => status === 200, 'sign-in to work again', 60_000);
  }, 120_000);
});
