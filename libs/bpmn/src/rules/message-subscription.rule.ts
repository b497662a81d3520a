import { messageOf, messageReferrer, nonBlank } from '../parse/event-references.js';
import { describeElement, quote, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { extensions } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import type { ValidationContext } from '../validate/validation-context.js';
import type { BpmnRule } from './bpmn-rule.js';
import { eventKind, isEventSubProcess } from './event-kind.js';
import { elementProblem } from './rule-problem.js';

/**
 * `message-subscription`: an element that waits for a message in a running instance — a message
 * intermediate catch event, a receive task, a message boundary event, the message start event of
 * an event subprocess — references a `bpmn:message` with a name (static or FEEL) and exactly one
 * `zeebe:subscription` whose correlationKey is a FEEL expression. Camunda 8 refuses a deployment
 * otherwise ("Must have exactly one zeebe:subscription extension element"; the correlation key is
 * "a non-static expression"): the key is evaluated when the subscription opens and a published
 * message is correlated by name and key (docs.camunda.io/docs/components/concepts/messages/).
 * Message start events of the process are `message-start-event`'s.
 */
export const messageSubscriptionRule: BpmnRule = {
  id: 'message-subscription',
  description: 'Message catch events, receive tasks, message boundary events and event subprocess message starts reference a named message with a FEEL correlation key (zeebe:subscription).',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const element of context.flowNodes.filter((node) => waitsForMessage(node, context))) {
      const report = (message: string): void => {
        problems.push(elementProblem(this.id, context, element, message));
      };
      const waiter = describeElement(element);
      const unresolved = context.unresolvedReference(messageReferrer(element) ?? element, 'messageRef');
      if (unresolved !== undefined) {
        report(`Expected the message reference (messageRef) of ${waiter} to name a bpmn:message but found no element with id '${unresolved}'`);
        continue;
      }
      const message = messageOf(element);
      if (message === undefined) {
        report(`Expected ${waiter} to reference the message it waits for (messageRef to a bpmn:message with a name and a zeebe:subscription correlationKey) but found none`);
        continue;
      }
      const name = nonBlank(stringProperty(message, 'name'));
      if (name === undefined) report(`Expected ${describeElement(message)}, which ${waiter} waits for, to have a name but found none`);
      const subscriptions = extensions(message, 'zeebe:Subscription');
      const about = `${describeElement(message)}${name === undefined ? '' : ` ('${name}')`}, which ${waiter} waits for`;
      if (subscriptions.length !== 1) {
        report(
          subscriptions.length === 0
            ? `Expected a correlation key (zeebe:subscription correlationKey) on ${about}, but found no zeebe:subscription: Camunda correlates a published message to a waiting instance by its name and correlation key`
            : `Expected one zeebe:subscription on ${about}, but found ${subscriptions.length}`,
        );
        continue;
      }
      const key = stringProperty(subscriptions[0], 'correlationKey')?.trim();
      if (key === undefined || key === '') {
        report(`Expected a correlation key (zeebe:subscription correlationKey) on ${about}, but found ${key === undefined ? 'none' : 'an empty one'}`);
      } else if (!key.startsWith('=')) {
        report(
          `Expected the correlation key (zeebe:subscription correlationKey) of ${about}, to be a FEEL expression (like =orderId) but found the static value ${quote(key)}: ` +
            'Camunda evaluates it when the subscription opens, usually to read a variable of the instance',
        );
      }
    }
    return problems;
  },
};

/** Elements that open a message subscription in a running instance. */
function waitsForMessage(node: ModdleElement, context: ValidationContext): boolean {
  if (node.$type === 'bpmn:ReceiveTask') return true;
  if (eventKind(node) !== 'message') return false;
  if (node.$type === 'bpmn:IntermediateCatchEvent' || node.$type === 'bpmn:BoundaryEvent') return true;
  return node.$type === 'bpmn:StartEvent' && isEventSubProcess(context.scopeOf(node));
}
