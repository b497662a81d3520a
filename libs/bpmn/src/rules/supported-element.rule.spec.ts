import { describe, expect, it } from 'vitest';
import { compileFixture, describeRuleFixtures } from '../../test/support/fixtures.js';

const notExecuted = (id: string, type: string, feature: string) => ({ elementId: id, message: `${type} '${id}' (${feature}) is not executed by Baton` });

describeRuleFixtures('supported-element', {
  'timer-boundary.bpmn': [{ elementId: 'Timer_1', message: `bpmn:BoundaryEvent 'Timer_1' (timer boundary event) is not executed by Baton` }],
  'message-start.bpmn': [notExecuted('OrderPlaced', 'bpmn:StartEvent', 'message start event')],
  'call-activity-multi-instance.bpmn': [
    notExecuted('ShipItems', 'bpmn:CallActivity', 'call activity'),
    notExecuted('ShipItems', 'bpmn:CallActivity', 'parallel multi-instance'),
    notExecuted('Bill', 'bpmn:ServiceTask', 'sequential multi-instance'),
  ],
  'event-subprocess.bpmn': [
    notExecuted('Reminder', 'bpmn:SubProcess', 'event subprocess'),
    notExecuted('Every_day', 'bpmn:StartEvent', 'non-interrupting timer start event'),
  ],
  'dmn-business-rule-task.bpmn': [
    {
      elementId: 'Task_1',
      message:
        `bpmn:BusinessRuleTask 'Task_1' (DMN decision 'discount' in zeebe:calledDecision) is not executed by Baton: ` +
        'DMN is not supported; implement the rule as a job with zeebe:taskDefinition',
    },
  ],
  'throw-and-end-events.bpmn': [
    notExecuted('Broadcast', 'bpmn:IntermediateThrowEvent', 'signal intermediate throw event'),
    notExecuted('Fail', 'bpmn:EndEvent', 'error end event'),
  ],
  'catch-events-and-gateways.bpmn': [
    notExecuted('Wait', 'bpmn:EventBasedGateway', 'event-based gateway'),
    notExecuted('Paid', 'bpmn:IntermediateCatchEvent', 'message intermediate catch event'),
    notExecuted('Timeout', 'bpmn:IntermediateCatchEvent', 'timer intermediate catch event'),
    notExecuted('Confirm', 'bpmn:ReceiveTask', 'receive task'),
  ],
  'listeners.bpmn': [
    { elementId: 'listeners', message: `zeebe:executionListeners on bpmn:Process 'listeners' is not executed by Baton` },
    { elementId: 'Approve', message: `zeebe:taskListeners on bpmn:UserTask 'Approve' are not executed by Baton` },
  ],
  'transaction-and-ad-hoc.bpmn': [
    notExecuted('Book', 'bpmn:Transaction', 'transaction'),
    notExecuted('Research', 'bpmn:AdHocSubProcess', 'ad-hoc subprocess'),
    notExecuted('Write', 'bpmn:Task', 'compensation handler'),
    notExecuted('Repeat', 'bpmn:Task', 'standard loop'),
  ],
});

describe('supported-element', () => {
  it('given a model using every executed element type plus artifacts, data and lanes, when compiled, then it deploys without warnings', async () => {
    const result = await compileFixture('supported-element/valid/executed-elements.bpmn');
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });
});
