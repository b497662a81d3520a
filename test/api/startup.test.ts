import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '#runtime';
import { startEngine } from '../../apps/engine/src/engine-app.js';
import { startTestEngine } from '../support/test-engine.js';

const silent = pino({ level: 'silent' });

describe('engine start-up', () => {
  it('refuses to start when MySQL cannot be reached, saying where and how to start it', async () => {
    const config = loadConfig({ PORT: '0', DB_PORT: '1', DB_NAME: 'baton_never_created' });
    await expect(startEngine(config, silent)).rejects.toThrow(/Cannot reach MySQL at 127\.0\.0\.1:1 .*\n(.|\n)*start-stop-daemon(.|\n)*DB_HOST/);
  });

  it('refuses to start when Redis cannot be reached, saying where and how to start it', async () => {
    const config = loadConfig({ PORT: '0', REDIS_URL: 'redis://127.0.0.1:1', DB_NAME: 'baton_never_created' });
    await expect(startEngine(config, silent)).rejects.toThrow(/Cannot reach Redis at redis:\/\/127\.0\.0\.1:1(.|\n)*redis-server(.|\n)*REDIS_URL/);
  });

  it('lists every invalid variable at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DB_PORT: '-1', REDIS_URL: 'http://x', BATON_SEED_DEMO: 'maybe' })).toThrow(
      /PORT must be an integer(.|\n)*DB_PORT must be an integer(.|\n)*BATON_SEED_DEMO must be true or false(.|\n)*REDIS_URL must start with redis:\/\//,
    );
  });

  it('deploys the processes folder, seeds demo users, and creates no new versions when started again', async () => {
    const first = await startTestEngine({ processesDir: 'processes' });
    const search = async (engine: typeof first) =>
      ((await (await engine.request('/v2/process-definitions/search', { json: {} })).json()) as { items: Array<{ processDefinitionId: string; version: number }> }).items;
    try {
      const deployed = await search(first);
      expect(deployed).toContainEqual(expect.objectContaining({ processDefinitionId: 'expense-approval', version: 1 }));
      await first.close();
      // Same database, started again: nothing new.
      const second = await startTestEngine({ processesDir: 'processes', db: first.config.db, redis: first.config.redis });
      try {
        expect(await search(second)).toEqual(deployed);
        for (const user of ['demo', 'anna', 'emma', 'frank', 'mia']) {
          expect((await second.request('/v2/authentication/me', { user })).status).toBe(200);
        }
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop();
    }
  });
});
