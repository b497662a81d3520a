import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXECUTABLE_MODEL_VERSION } from '#bpmn';
import { historyOf } from '../support/process-api.js';
import { connectToEngineDatabase, startTestEngine, type TestEngine } from '../support/test-engine.js';
import { deployXml, HEADER, start, userTask } from './event-api.js';

/**
 * Definitions stored by a Baton before the event model (executable model version 1: timer catch
 * and boundary events carried `timer` / `error` instead of `trigger`) keep working: the engine
 * compiles such a definition again from its stored XML when it first loads it, and stores the new
 * model once.
 */
const OLD = `${HEADER}
  <bpmn:error id="rejected" errorCode="REJECTED" />
  <bpmn:process id="upgrade-me" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="pause"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    ${userTask('review')}
    <bpmn:boundaryEvent id="too-late" attachedToRef="review"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:endEvent id="end" />
    <bpmn:endEvent id="late-end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="pause" />
    <bpmn:sequenceFlow id="f2" sourceRef="pause" targetRef="review" />
    <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="end" />
    <bpmn:sequenceFlow id="f4" sourceRef="too-late" targetRef="late-end" />
  </bpmn:process>
</bpmn:definitions>`;

/** The layout of executable model version 1 for the elements this model has (what an older Baton stored). */
function toVersion1(model: any): any {
  const elements = Object.fromEntries(
    Object.entries(model.elements as Record<string, any>).map(([id, node]) => {
      if (node.type === 'bpmn:IntermediateCatchEvent') {
        const { trigger, ...rest } = node;
        return [id, { ...rest, timer: trigger.timer }];
      }
      if (node.type === 'bpmn:BoundaryEvent') {
        const { trigger, interrupting: _interrupting, ...rest } = node;
        return [id, { ...rest, ...(trigger.kind === 'timer' ? { timer: trigger.timer } : { error: { errorCode: trigger.errorCode } }) }];
      }
      return [id, node];
    }),
  );
  return { ...model, modelVersion: 1, elements };
}

describe('definitions stored with executable model version 1', () => {
  let engine: TestEngine;
  let db: mysql.Connection;

  beforeAll(async () => {
    engine = await startTestEngine();
    db = await connectToEngineDatabase(engine.config.db);
  });

  afterAll(async () => {
    await db?.end();
    await engine?.stop();
  });

  async function storedModel(processDefinitionKey: string): Promise<any> {
    const [rows] = (await db.query('SELECT executable_model FROM process_definitions WHERE process_definition_key = ?', [processDefinitionKey])) as [any[], unknown];
    const value = rows[0].executable_model;
    return typeof value === 'string' ? JSON.parse(value) : value;
  }

  it('are compiled again from their XML when first loaded, run, and stored in the current version once', async () => {
    const deployed = await deployXml(engine, 'upgrade-me.bpmn', OLD);
    const key = deployed.deployments[0].processDefinition.processDefinitionKey;
    const current = await storedModel(key);
    expect(current.modelVersion).toBe(EXECUTABLE_MODEL_VERSION);
    await db.query('UPDATE process_definitions SET executable_model = ? WHERE process_definition_key = ?', [JSON.stringify(toVersion1(current)), key]);
    expect((await storedModel(key)).modelVersion).toBe(1);

    const instance = await start(engine, 'upgrade-me');
    expect((await historyOf(engine, instance)).find((e) => e.eventType === 'TIMER_CREATED')).toMatchObject({ elementId: 'pause' });
    expect(await storedModel(key)).toEqual(current);
  });
});
