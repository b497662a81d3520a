import { describe, expect, it } from 'vitest';
import { compileFixture, describeRuleFixtures, project } from '../../test/support/fixtures.js';

describeRuleFixtures('start-end-event', {
  'conditional-start-only.bpmn': [
    {
      elementId: 'conditional-start-only',
      message: `Expected bpmn:Process 'conditional-start-only' to have a none start event (bpmn:StartEvent without event definition) or a message, timer or signal start event, where Baton starts its instances, but found only bpmn:StartEvent 'Big_order' (conditional start event)`,
    },
  ],
  'two-none-starts.bpmn': [{ elementId: 'two-none-starts', message: `Expected exactly one none start event in bpmn:Process 'two-none-starts' but found 2: 'Start_web', 'Start_phone'` }],
  'subprocess-without-start.bpmn': [
    { elementId: 'Inner', message: `Expected bpmn:SubProcess 'Inner' to have a none start event (bpmn:StartEvent without event definition), where its inner flow begins, but found none` },
  ],
  'flow-into-start-and-out-of-end.bpmn': [
    { elementId: 'Start', message: `Expected no incoming sequence flow on bpmn:StartEvent 'Start' but found bpmn:SequenceFlow 'Flow_back'` },
    { elementId: 'End', message: `Expected no outgoing sequence flow on bpmn:EndEvent 'End' but found bpmn:SequenceFlow 'Flow_back'` },
  ],
});

describe('start-end-event warnings', () => {
  it('given a task no flow leads to, when compiled, then the model deploys and the task is reported as unreachable', async () => {
    const result = await compileFixture('start-end-event/valid/unreachable-task.bpmn');
    expect(result.ok).toBe(true);
    expect(result.warnings.map(project)).toEqual([
      { rule: 'start-end-event', elementId: 'Forgotten', message: `bpmn:Task 'Forgotten' has no incoming sequence flow, so no token ever reaches it` },
    ]);
  });
});
