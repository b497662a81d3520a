import { messageOf, nonBlank } from '../parse/event-references.js';
import { describeElement, elementProperty, isA, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { ambiguousCatches, names } from './catch-ambiguity.js';
import { eventKind, isInterrupting } from './event-kind.js';
import { elementProblem } from './rule-problem.js';

/**
 * `boundary-event`: a boundary event is attached to an activity (a task, an embedded subprocess or
 * a call activity) in its own scope, takes no incoming and at least one outgoing sequence flow
 * (the flow continues there when it triggers), and the boundary events of one activity are
 * unambiguous, as Camunda 8 requires: at most one catch-all and one per code for errors and for
 * escalations (the one with the code is preferred over the catch-all,
 * docs.camunda.io/docs/components/modeler/bpmn/error-events/), different messages and different
 * signals — a receive task's boundary events wait for other messages than the task itself. An
 * error boundary event interrupts: an error ends the activity it is thrown in.
 */
export const boundaryEventRule: BpmnRule = {
  id: 'boundary-event',
  description: 'Boundary events are attached to an activity of their scope, have outgoing but no incoming flows; the boundary events of one activity catch distinct codes, messages and signals; error boundaries interrupt.',
  check(context) {
    const problems: BpmnProblem[] = [];
    const report = (element: ModdleElement, message: string): void => {
      problems.push(elementProblem(this.id, context, element, message));
    };
    const boundariesByHost = new Map<ModdleElement, ModdleElement[]>();
    for (const boundary of context.flowNodes.filter((node) => node.$type === 'bpmn:BoundaryEvent')) {
      const host = elementProperty(boundary, 'attachedToRef');
      if (host === undefined) {
        const unresolved = context.unresolvedReference(boundary, 'attachedToRef');
        report(boundary, `Expected ${describeElement(boundary)} to be attached to an activity (attachedToRef) but found ${unresolved === undefined ? 'none' : `no element with id '${unresolved}'`}`);
      } else if (!isA(host, 'bpmn:Activity') || host['triggeredByEvent'] === true) {
        report(boundary, `Expected ${describeElement(boundary)} to be attached to an activity (a task, subprocess or call activity) but it is attached to ${describeElement(host)}`);
      } else if (context.scopeOf(host) !== context.scopeOf(boundary)) {
        report(boundary, `Expected ${describeElement(boundary)} to be in the same process or subprocess as ${describeElement(host)}, the activity it is attached to`);
      } else {
        boundariesByHost.set(host, [...(boundariesByHost.get(host) ?? []), boundary]);
      }
      const incoming = context.incoming(boundary);
      if (incoming.length > 0) report(boundary, `Expected no incoming sequence flow on ${describeElement(boundary)} but found ${incoming.map(describeElement).join(', ')}`);
      if (context.outgoing(boundary).length === 0 && eventKind(boundary) !== 'compensation') {
        report(boundary, `Expected at least one outgoing sequence flow on ${describeElement(boundary)}, where the flow continues when it triggers, but found none`);
      }
      if (eventKind(boundary) === 'error' && !isInterrupting(boundary)) {
        report(boundary, `Expected ${describeElement(boundary)}, an error boundary event, to be interrupting (cancelActivity="true") but found cancelActivity="false": an error ends the activity it is thrown in`);
      }
    }
    for (const [host, boundaries] of boundariesByHost) {
      const where = describeElement(host);
      for (const message of ambiguousCatches(boundaries, { noun: 'boundary event', on: `on ${where}`, of: `of ${where}` })) report(host, message);
      const ownMessage = host.$type === 'bpmn:ReceiveTask' ? nonBlank(stringProperty(messageOf(host), 'name')) : undefined;
      const same = boundaries.filter((boundary) => eventKind(boundary) === 'message' && ownMessage !== undefined && nonBlank(stringProperty(messageOf(boundary), 'name')) === ownMessage);
      if (same.length > 0) {
        report(host, `Expected the message boundary events of ${where} to wait for other messages than the receive task itself but ${names(same)} also ${same.length === 1 ? 'waits' : 'wait'} for '${ownMessage}'`);
      }
    }
    return problems;
  },
};
