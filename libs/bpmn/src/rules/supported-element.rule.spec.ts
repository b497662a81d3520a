import { describe, expect, it } from 'vitest';
import { compileFixture, describeRuleFixtures } from '../../test/support/fixtures.js';

const notExecuted = (id: string, type: string, feature: string) => ({ elementId: id, message: `${type} '${id}' (${feature}) is not executed by Baton` });

describeRuleFixtures('supported-element', {
  'boundary-events.bpmn': [
    notExecuted('Remind', 'bpmn:BoundaryEvent', 'non-interrupting timer boundary event'),
    notExecuted('Every_hour', 'bpmn:BoundaryEvent', 'timer boundary event with a time cycle'),
    notExecuted('Canceled', 'bpmn:BoundaryEvent', 'message boundary event'),
    notExecuted('Stopped', 'bpmn:BoundaryEvent', 'signal boundary event'),
  ],
  'start-events.bpmn': [
    notExecuted('Nightly', 'bpmn:StartEvent', 'timer start event'),
    notExecuted('Go', 'bpmn:StartEvent', 'signal start event'),
    notExecuted('Handle_order', 'bpmn:StartEvent', 'message start event in an embedded subprocess'),
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
    notExecuted('Escalate', 'bpmn:EndEvent', 'escalation end event'),
  ],
  'catch-events-and-gateways.bpmn': [
    notExecuted('Wait', 'bpmn:EventBasedGateway', 'event-based gateway'),
    notExecuted('Paid', 'bpmn:IntermediateCatchEvent', 'message intermediate catch event'),
    notExecuted('Every_hour', 'bpmn:IntermediateCatchEvent', 'timer intermediate catch event with a time cycle'),
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
  it.each(['executed-elements.bpmn', 'call-activity-multi-instance.bpmn', 'message-start.bpmn', 'timer-boundary.bpmn', 'events-calls-loops.bpmn'])(
    'given valid/%s (executed elements, artifacts, data and lanes), when compiled, then it deploys without warnings',
    async (file) => {
      const result = await compileFixture(`supported-element/valid/${file}`);
      expect(result).toMatchObject({ ok: true, warnings: [] });
    },
  );
});
