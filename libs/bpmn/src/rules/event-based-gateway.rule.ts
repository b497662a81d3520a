import { describeElement, elementProperty, quote, type ModdleElement } from '../parse/moddle-element.js';
import { conditionOf } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { ambiguousCatches } from './catch-ambiguity.js';
import { eventKind } from './event-kind.js';
import { elementProblem } from './rule-problem.js';

/** The triggers an event after an event-based gateway may wait for (Camunda 8.9). */
const WAITABLE = new Set(['message', 'timer', 'signal', 'conditional']);

/**
 * `event-based-gateway`: an event-based gateway waits for the first of the events its flows lead
 * to, so (as Camunda 8 validates) it has at least two outgoing flows, none with a condition, each
 * to an intermediate catch event of a message, timer, signal or condition — not to a receive task,
 * which Camunda does not accept there — that no other flow enters, and those events wait for
 * different messages and different signals
 * (docs.camunda.io/docs/components/modeler/bpmn/event-based-gateways/).
 */
export const eventBasedGatewayRule: BpmnRule = {
  id: 'event-based-gateway',
  description: 'Event-based gateways have two or more unconditional flows, each to the only entry of a message, timer, signal or conditional intermediate catch event; the events wait for distinct messages and signals.',
  check(context) {
    const problems: BpmnProblem[] = [];
    const report = (element: ModdleElement, message: string): void => {
      problems.push(elementProblem(this.id, context, element, message));
    };
    for (const gateway of context.flowNodes.filter((node) => node.$type === 'bpmn:EventBasedGateway')) {
      const outgoing = context.outgoing(gateway);
      const where = describeElement(gateway);
      if (outgoing.length < 2) {
        report(gateway, `Expected ${where} to have at least two outgoing sequence flows, one to each event it waits for, but found ${outgoing.length === 0 ? 'none' : '1'}`);
      }
      const events: ModdleElement[] = [];
      for (const flow of outgoing) {
        const condition = conditionOf(flow);
        if (condition !== undefined) {
          report(flow, `Expected no condition on ${describeElement(flow)}, which leaves ${where} (the event that happens first decides the way), but found ${quote(condition)}`);
        }
        const target = elementProperty(flow, 'targetRef');
        if (target === undefined) continue;
        if (target.$type !== 'bpmn:IntermediateCatchEvent' || !WAITABLE.has(eventKind(target))) {
          report(
            flow,
            `Expected the target of ${describeElement(flow)}, which leaves ${where}, to be an intermediate catch event of a message, timer, signal or condition but found ${describeElement(target)}${targetHint(target)}`,
          );
          continue;
        }
        events.push(target);
        const others = context.incoming(target).filter((incoming) => incoming !== flow);
        if (others.length > 0) {
          report(target, `Expected ${describeElement(target)}, which waits after ${where}, to have no other incoming sequence flow but found ${others.map(describeElement).join(', ')}`);
        }
      }
      for (const message of ambiguousCatches(events, { noun: 'catch event', on: `after ${where}`, of: `after ${where}` })) report(gateway, message);
    }
    return problems;
  },
};

function targetHint(target: ModdleElement): string {
  if (target.$type === 'bpmn:ReceiveTask') return ': Camunda 8 waits only for catch events after an event-based gateway; use a message intermediate catch event';
  if (target.$type === 'bpmn:IntermediateCatchEvent') return ` (${eventKind(target)} intermediate catch event)`;
  return '';
}
