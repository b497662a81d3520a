import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapConcurrent } from '../support/concurrency.js';
import { eventually } from '../support/eventually.js';
import { send } from '../support/process-api.js';
import { connectToEngineDatabase, startTestEngine, type TestEngine } from '../support/test-engine.js';
import { broadcast, deployXml, HEADER } from './event-api.js';

/**
 * A load test (it runs once, here): one broadcast wakes 10,000 waiting instances, in batches of
 * 500 per transaction, while the engine keeps answering; each instance is woken exactly once.
 */
const WAITING = `${HEADER}
  <bpmn:signal id="go" name="load-go" />
  <bpmn:process id="load-signal" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="wait"><bpmn:signalEventDefinition signalRef="go" /></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const INSTANCES = 10_000;

describe('a signal broadcast to 10,000 waiting instances', () => {
  let engine: TestEngine;
  let db: mysql.Connection;

  beforeAll(async () => {
    engine = await startTestEngine();
    db = await connectToEngineDatabase(engine.config.db);
    await deployXml(engine, 'load-signal.bpmn', WAITING);
  });

  afterAll(async () => {
    await db?.end();
    await engine?.stop();
  });

  async function count(sql: string): Promise<number> {
    const [rows] = (await db.query(sql)) as [any[], unknown];
    return Number(rows[0].n);
  }

  it('wakes every one exactly once, in batches, while the engine keeps answering', { timeout: 900_000 }, async () => {
    await mapConcurrent(
      Array.from({ length: INSTANCES }, (_, i) => i),
      8,
      async (i) => {
        const created = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId: 'load-signal', variables: { i } });
        expect(created.status, JSON.stringify(created.body)).toBe(200);
      },
    );
    await broadcast(engine, 'load-go', { woken: true });
    // While the broadcast works, other requests are answered.
    expect((await send(engine, 'GET', '/v2/topology')).status).toBe(200);
    await eventually(
      () => count("SELECT COUNT(*) AS n FROM process_instances WHERE process_definition_id = 'load-signal' AND state = 'COMPLETED'"),
      (n) => n === INSTANCES,
      'every instance to complete',
      600_000,
    );
    expect(await count("SELECT COUNT(*) AS n FROM process_instance_events WHERE event_type = 'SIGNAL_CAUGHT'")).toBe(INSTANCES);
    expect(await count("SELECT COUNT(DISTINCT process_instance_key) AS n FROM process_instance_events WHERE event_type = 'SIGNAL_CAUGHT'")).toBe(INSTANCES);
    expect(await count('SELECT COUNT(*) AS n FROM pending_commands')).toBe(0);
  });
});
