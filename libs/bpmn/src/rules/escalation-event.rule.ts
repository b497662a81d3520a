import { escalationOf, eventDefinitionOf, nonBlank } from '../parse/event-references.js';
import { describeElement, elementProperty, isA, quote, stringProperty } from '../parse/moddle-element.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';

/**
 * `escalation-event`: an escalation throw event (intermediate or end) references an escalation with
 * a code, static or FEEL; an escalation catch event (a boundary event or the start event of an event
 * subprocess) catches one static code, or every escalation when it references none or one without
 * code; an escalation boundary event is attached to a subprocess or a call activity, the only
 * activities an escalation is thrown inside (Camunda 8, docs.camunda.io/docs/components/modeler/bpmn/escalation-events/).
 * Escalation references must resolve. Catch events of one activity or scope are checked for
 * ambiguity by `boundary-event` and `event-subprocess`.
 */
export const escalationEventRule: BpmnRule = {
  id: 'escalation-event',
  description: 'Escalation throw events throw an escalation with a code; catch events catch a static code or everything; escalation boundary events sit on a subprocess or call activity.',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const event of context.flowNodes) {
      const definition = eventDefinitionOf(event, 'bpmn:EscalationEventDefinition');
      if (definition === undefined) continue;
      const report = (message: string): void => {
        problems.push(elementProblem(this.id, context, event, message));
      };
      const unresolved = context.unresolvedReference(definition, 'escalationRef');
      if (unresolved !== undefined) {
        report(`Expected the escalation reference (escalationRef) of ${describeElement(event)} to name a bpmn:escalation but found no element with id '${unresolved}'`);
        continue;
      }
      const escalation = escalationOf(event);
      const code = nonBlank(stringProperty(escalation, 'escalationCode'));
      const throws = event.$type === 'bpmn:EndEvent' || event.$type === 'bpmn:IntermediateThrowEvent';
      if (throws && code === undefined) {
        const found = escalation === undefined ? 'no escalation reference' : `${describeElement(escalation)} without escalationCode`;
        report(`Expected ${describeElement(event)} to throw an escalation with a code (escalationRef to a bpmn:escalation with escalationCode) but found ${found}`);
      }
      if (!throws && code?.startsWith('=') === true) {
        report(`Expected a static escalation code on ${describeElement(event)}, which catches escalations, but found the expression ${quote(code)}: Camunda matches caught escalations by a fixed code`);
      }
      const host = elementProperty(event, 'attachedToRef');
      if (event.$type === 'bpmn:BoundaryEvent' && host !== undefined && !isA(host, 'bpmn:SubProcess') && !isA(host, 'bpmn:CallActivity')) {
        report(`Expected ${describeElement(event)}, which catches escalations, to be attached to a subprocess or a call activity, where escalations are thrown, but it is attached to ${describeElement(host)}`);
      }
    }
    return problems;
  },
};
