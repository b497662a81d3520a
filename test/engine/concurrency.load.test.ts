import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parallelForkJoinXml } from '../fixtures/generated-models.js';
import { mapConcurrent, shuffled } from '../support/concurrency.js';
import { deploy } from '../support/deploy.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * design.md invariant 4: one writer per instance. 200 instances of a 10-branch parallel
 * fork/join; all 2000 branch tasks are completed concurrently, in random order, over many
 * connections. Every instance must complete, and each join must complete exactly once.
 */
const INSTANCES = 200;
const BRANCHES = 10;

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
  expect((await deploy(engine, [{ name: 'fan.bpmn', content: parallelForkJoinXml('fan', BRANCHES) }])).status).toBe(200);
});
afterAll(async () => {
  await engine?.stop();
});

describe('concurrent completion of parallel branches', () => {
  it(`completes ${INSTANCES} instances of a ${BRANCHES}-branch fork/join, each join exactly once`, async () => {
    const created = await mapConcurrent(Array.from({ length: INSTANCES }), 16, async () => {
      const response = await engine.request('/v2/process-instances', { json: { processDefinitionId: 'fan' } });
      expect(response.status).toBe(200);
      return ((await response.json()) as { processInstanceKey: string }).processInstanceKey;
    });

    const db = engine.infrastructure.dataSource;
    const tasks = (await db.query("SELECT user_task_key FROM user_tasks WHERE state = 'CREATED'")) as Array<{ user_task_key: string }>;
    expect(tasks).toHaveLength(INSTANCES * BRANCHES);

    const statuses = await mapConcurrent(shuffled(tasks.map((t) => String(t.user_task_key)), 7), 32, async (key) => {
      const response = await engine.request(`/v2/user-tasks/${key}/completion`, { json: { variables: {} } });
      return response.status;
    });
    expect(statuses.filter((s) => s !== 204)).toEqual([]);

    const states = (await db.query('SELECT state, COUNT(*) AS n FROM process_instances GROUP BY state')) as Array<{ state: string; n: string }>;
    expect(states.map((r) => [r.state, Number(r.n)])).toEqual([['COMPLETED', INSTANCES]]);

    const joins = (await db.query("SELECT process_instance_key, COUNT(*) AS n, SUM(state = 'COMPLETED') AS completed FROM element_instances WHERE element_id = 'join' GROUP BY process_instance_key")) as Array<{
      process_instance_key: string;
      n: string;
      completed: string;
    }>;
    expect(joins).toHaveLength(INSTANCES);
    expect(joins.filter((j) => Number(j.n) !== 1 || Number(j.completed) !== 1)).toEqual([]);
    expect(new Set(joins.map((j) => String(j.process_instance_key)))).toEqual(new Set(created));

    const joinEvents = (await db.query(
      "SELECT process_instance_key, COUNT(*) AS n FROM process_instance_events WHERE element_id = 'join' AND event_type = 'ELEMENT_COMPLETED' GROUP BY process_instance_key",
    )) as Array<{ n: string }>;
    expect(joinEvents.every((row) => Number(row.n) === 1)).toBe(true);
    expect(joinEvents).toHaveLength(INSTANCES);

    const leftovers = (await db.query('SELECT COUNT(*) AS n FROM join_tokens')) as Array<{ n: string }>;
    expect(Number(leftovers[0]!.n)).toBe(0);
  }, 240_000); // 2,200 commands: generous, for a machine busy with other work
});
