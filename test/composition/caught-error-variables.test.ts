import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '../support/deploy.js';
import { present, until } from '../support/eventually.js';
import { incidentsOf, send, variablesIn } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';
import { HEADER } from './composition-models.js';

/**
 * A caught BPMN error's variables belong to the catching boundary event. When the event's
 * activation fails (its input mapping needs a variable nobody set: incident IO_MAPPING_ERROR)
 * the variables are kept with the incident in MariaDB; once the variable is set and the incident
 * resolved, the activation runs again with them and the output mappings read them.
 */
let engine: TestEngine;
let db: mysql.Connection;

const MODEL = `${HEADER}
  <bpmn:error id="Error_declined" name="Card declined" errorCode="CARD_DECLINED" />
  <bpmn:process id="caught-error-variables" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f-start" sourceRef="start" targetRef="charge" />
    <bpmn:serviceTask id="charge"><bpmn:extensionElements><zeebe:taskDefinition type="error-vars-charge" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f-charged" sourceRef="charge" targetRef="end" />
    <bpmn:endEvent id="end" />
    <bpmn:boundaryEvent id="declined" attachedToRef="charge">
      <bpmn:extensionElements>
        <zeebe:ioMapping>
          <zeebe:input source="=assert(channel, channel != null, &#34;channel is required&#34;)" target="via" />
          <zeebe:output source="=reason + &#34; (&#34; + via + &#34;)&#34;" target="outcome" />
          <zeebe:output source="=attempts" target="declinedAttempts" />
        </zeebe:ioMapping>
      </bpmn:extensionElements>
      <bpmn:errorEventDefinition id="ErrorEventDefinition_declined" errorRef="Error_declined" />
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f-declined" sourceRef="declined" targetRef="declined-end" />
    <bpmn:endEvent id="declined-end" />
  </bpmn:process>
</bpmn:definitions>`;

beforeAll(async () => {
  engine = await startTestEngine();
  const c = engine.config.db;
  db = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password, database: c.name });
  expect((await deploy(engine, [{ name: 'caught-error-variables.bpmn', content: MODEL }])).status).toBe(200);
});
afterAll(async () => {
  await db?.end();
  await engine?.stop();
});

describe('caught error variables across an incident on the catching event', () => {
  it('keeps the error variables while the boundary event waits behind its incident, and uses them once it is resolved', async () => {
    const started = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId: 'caught-error-variables' });
    const processInstanceKey = started.body.processInstanceKey as string;
    const { body } = await send(engine, 'POST', '/v2/jobs/activation', { type: 'error-vars-charge', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 }, 'worker');
    const [job] = body.jobs;
    const thrown = await send(engine, 'POST', `/v2/jobs/${job.jobKey}/error`, { errorCode: 'CARD_DECLINED', errorMessage: 'expired card', variables: { reason: 'expired', attempts: 2 } }, 'worker');
    expect(thrown.status).toBe(204);

    const incident = await present(async () => (await incidentsOf(engine, processInstanceKey)).find((i) => i.elementId === 'declined' && i.state === 'ACTIVE'), 'the boundary event’s incident');
    expect(incident).toMatchObject({ errorType: 'IO_MAPPING_ERROR' });
    expect(incident.errorMessage).toContain('channel is required');
    const [row] = ((await db.query('SELECT trigger_variables FROM incidents WHERE incident_key = ?', [incident.incidentKey])) as any)[0];
    const stored = typeof row.trigger_variables === 'string' ? JSON.parse(row.trigger_variables) : row.trigger_variables;
    expect(stored).toEqual({ reason: 'expired', attempts: 2 });

    expect((await send(engine, 'PUT', `/v2/element-instances/${processInstanceKey}/variables`, { variables: { channel: 'web' } })).status).toBe(204);
    expect((await send(engine, 'POST', `/v2/incidents/${incident.incidentKey}/resolution`)).status).toBe(204);
    await until(async () => (await send(engine, 'GET', `/v2/process-instances/${processInstanceKey}`)).body.state === 'COMPLETED', 'the instance completes');
    expect(await variablesIn(engine, processInstanceKey)).toEqual({ channel: 'web', outcome: 'expired (web)', declinedAttempts: 2 });
  });
});
