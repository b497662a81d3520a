import { messageOf } from '../parse/event-references.js';
import { describeElement, idOf, quote, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { eventKind } from './event-kind.js';
import { elementProblem } from './rule-problem.js';

/**
 * `message-start-event`: a message start event of a process references a `bpmn:message` with a
 * static name, and the message start events of one process have different names (Camunda 8:
 * "Each of the message events must have a unique message name",
 * docs.camunda.io/docs/components/modeler/bpmn/message-events/). The name is what a published
 * message is matched by, before any variable exists, so it can not be an expression.
 */
export const messageStartEventRule: BpmnRule = {
  id: 'message-start-event',
  description: 'Message start events reference a message with a static name, unique within the process.',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const process of context.processes) {
      const byName = new Map<string, ModdleElement[]>();
      for (const start of context.childrenOf(process).filter((child) => child.$type === 'bpmn:StartEvent' && eventKind(child) === 'message')) {
        const report = (message: string): void => {
          problems.push(elementProblem(this.id, context, start, message));
        };
        const message = messageOf(start);
        const name = stringProperty(message, 'name')?.trim();
        if (message === undefined || name === undefined || name === '') {
          report(`Expected ${describeElement(start)} to reference a message with a name (messageRef to a bpmn:message with name) but found ${message === undefined ? 'no message' : `${describeElement(message)} without name`}`);
        } else if (name.startsWith('=')) {
          report(`Expected a static message name on ${describeElement(start)}, a message start event, but found the expression ${quote(name)}: a published message is matched to a start event by a fixed name`);
        } else {
          byName.set(name, [...(byName.get(name) ?? []), start]);
        }
      }
      for (const [name, starts] of byName) {
        if (starts.length < 2) continue;
        problems.push(
          elementProblem(this.id, context, process, `Expected the message start events of ${describeElement(process)} to have different messages but ${starts.map((start) => `'${idOf(start) ?? '?'}'`).join(', ')} all start on '${name}'`),
        );
      }
    }
    return problems;
  },
};
