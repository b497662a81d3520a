import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapConcurrent, shuffled } from '../support/concurrency.js';
import { eventually } from '../support/eventually.js';
import { send } from '../support/process-api.js';
import { connectToEngineDatabase, startTestEngine, type TestEngine } from '../support/test-engine.js';
import { deployXml, HEADER, message } from './event-api.js';

/**
 * A load test (it runs once, here): 1,000 instances wait for a message each; 1,000 messages are
 * published at once, in random order, half of them buffered (the locking path against subscriptions
 * being opened), while another 200 instances start and subscribe to messages being published.
 * Every instance gets its message exactly once.
 */
const WAITING = `${HEADER}
  ${message('paid', 'load-payment')}
  <bpmn:process id="load-waiting" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="paid" /></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const INSTANCES = 1_000;
const LATE = 200;

describe('1,000 messages published at once to 1,000 waiting instances', () => {
  let engine: TestEngine;
  let db: mysql.Connection;

  beforeAll(async () => {
    engine = await startTestEngine();
    db = await connectToEngineDatabase(engine.config.db, { supportBigNumbers: true, bigNumberStrings: true });
    await deployXml(engine, 'load-waiting.bpmn', WAITING);
  });

  afterAll(async () => {
    await db?.end();
    await engine?.stop();
  });

  async function startWaiting(orderId: string): Promise<string> {
    const created = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId: 'load-waiting', variables: { orderId } });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    return created.body.processInstanceKey;
  }

  it('correlates every message exactly once', { timeout: 600_000 }, async () => {
    const orders = Array.from({ length: INSTANCES }, (_, i) => `order-${i}`);
    const keys = await mapConcurrent(orders, 8, (orderId) => startWaiting(orderId));
    const late = Array.from({ length: LATE }, (_, i) => `late-${i}`);

    const publications = shuffled([...orders, ...late], 10);
    const buffered = (orderId: string, i: number) => orderId.startsWith('late') || i % 2 === 0;
    const published = mapConcurrent(publications, 32, async (orderId, i) => {
      const answer = await send(engine, 'POST', '/v2/messages/publication', {
        name: 'load-payment',
        correlationKey: orderId,
        variables: { orderId, paid: true },
        ...(buffered(orderId, i) ? { timeToLive: 600_000 } : {}),
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    });
    const lateKeys = mapConcurrent(late, 8, (orderId) => startWaiting(orderId));
    await published;
    keys.push(...(await lateKeys));

    const completed = async () => {
      const [rows] = (await db.query("SELECT COUNT(*) AS n FROM process_instances WHERE process_definition_id = 'load-waiting' AND state = 'COMPLETED'")) as [any[], unknown];
      return Number(rows[0].n);
    };
    await eventually(completed, (n) => n === INSTANCES + LATE, 'every instance to complete', 300_000);

    const [correlations] = (await db.query(
      "SELECT process_instance_key, COUNT(*) AS n FROM process_instance_events WHERE event_type = 'MESSAGE_CORRELATED' GROUP BY process_instance_key",
    )) as [any[], unknown];
    expect(correlations).toHaveLength(INSTANCES + LATE);
    expect(correlations.every((row) => Number(row.n) === 1)).toBe(true);
    expect(new Set(correlations.map((row) => String(row.process_instance_key)))).toEqual(new Set(keys));
    // Each message reached one instance (the record of a buffered one stays until the message expires).
    const [reached] = (await db.query('SELECT COUNT(*) AS n, COUNT(DISTINCT message_key) AS messages FROM message_correlations')) as [any[], unknown];
    expect(Number(reached[0].n)).toBe(Number(reached[0].messages));
    expect(Number(reached[0].n)).toBeGreaterThanOrEqual(publications.filter(buffered).length);
    const [left] = (await db.query('SELECT COUNT(*) AS n FROM pending_commands')) as [any[], unknown];
    expect(Number(left[0].n)).toBe(0);
  });
});
