import { describe, expect, it } from 'vitest';
import { compileFixture, describeRuleFixtures } from '../../test/support/fixtures.js';

const notExecuted = (id: string, type: string, feature: string) => ({ elementId: id, message: `${type} '${id}' (${feature}) is not executed by Baton` });

describeRuleFixtures('supported-element', {
  'boundary-events.bpmn': [
    notExecuted('Either', 'bpmn:BoundaryEvent', 'non-interrupting multiple boundary event'),
  ],
  'start-events.bpmn': [
    {
      elementId: 'Big_order',
      message:
        `bpmn:StartEvent 'Big_order' (conditional start event of a process) is not executed by Baton: Camunda 8.9 starts such processes when a client asks it to evaluate ` +
        'their conditions (POST /v2/conditionals/evaluation), which Baton does not offer; start the process with a message or signal start event, ' +
        'or react to a condition inside it with a conditional event subprocess',
    },
    notExecuted('Failed', 'bpmn:StartEvent', 'error start event'),
    notExecuted('Late', 'bpmn:StartEvent', 'escalation start event'),
    notExecuted('Handle_order', 'bpmn:StartEvent', 'message start event in an embedded subprocess'),
  ],
  'event-subprocess.bpmn': [
    notExecuted('Either', 'bpmn:StartEvent', 'non-interrupting multiple start event in an event subprocess'),
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
  ],
  'catch-events-and-gateways.bpmn': [
    notExecuted('Escalated', 'bpmn:IntermediateCatchEvent', 'escalation intermediate catch event'),
  ],
  'transaction-and-ad-hoc.bpmn': [
  ],
});

describe('supported-element', () => {
  it.each(['executed-elements.bpmn', 'call-activity-multi-instance.bpmn', 'message-start.bpmn', 'timer-boundary.bpmn', 'events-calls-loops.bpmn', 'event-triggers.bpmn'])(
    'given valid/%s (executed elements and event triggers, artifacts, data and lanes), when compiled, then it deploys without warnings',
    async (file) => {
      const result = await compileFixture(`supported-element/valid/${file}`);
      expect(result).toMatchObject({ ok: true, warnings: [] });
    },
  );
});
