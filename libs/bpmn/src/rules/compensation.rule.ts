import { associatedHandlers, associationsOf, compensationActivityRef, isCompensationEventSubProcess } from '../compile/compile-compensation.js';
import { eventDefinitionOf } from '../parse/event-references.js';
import { describeElement, elementProperty, isA, type ModdleElement } from '../parse/moddle-element.js';
import type { BpmnProblem } from '../problem.js';
import type { ValidationContext } from '../validate/validation-context.js';
import type { BpmnRule } from './bpmn-rule.js';
import { eventKind, isEventSubProcess } from './event-kind.js';
import { elementProblem } from './rule-problem.js';

/**
 * `compensation`: where compensation and cancel events may be, Camunda 8's way
 * (docs.camunda.io, "Compensation events", "Compensation handler") and BPMN 2.0.2's where Camunda
 * is silent (transactions, compensation event subprocesses):
 * - a compensation boundary event is associated with exactly one activity marked
 *   `isForCompensation`, in the scope of the activity it is attached to, and has no outgoing flow;
 * - a compensation handler has no incoming or outgoing sequence flow and belongs to a compensation
 *   boundary event;
 * - a compensation throw or end event waits for its handlers (`waitForCompletion` is not false),
 *   and its `activityRef` names an activity of its own scope (for one inside an event subprocess,
 *   of the scope around it) that is not itself a handler;
 * - a compensation start event starts an event subprocess directly inside an embedded subprocess
 *   or transaction, at most one per subprocess;
 * - a cancel end event is directly inside a transaction that has a cancel boundary event; a cancel
 *   boundary event is attached to a transaction, at most one per transaction.
 */
export const compensationRule: BpmnRule = {
  id: 'compensation',
  description: 'Compensation boundary events, handlers, compensation throw, end and start events, and cancel events are where Baton can run them.',
  check(context) {
    const problems: BpmnProblem[] = [];
    const report = (element: ModdleElement, message: string): void => {
      problems.push(elementProblem(this.id, context, element, message));
    };
    const associations = context.processes.flatMap((process) => associationsOf(process, context));
    const handlersWithBoundary = new Set<ModdleElement>();
    for (const node of context.flowNodes) {
      const kind = eventKind(node);
      if (node.$type === 'bpmn:BoundaryEvent' && kind === 'compensation') {
        checkBoundary(context, node, associations, report).forEach((handler) => handlersWithBoundary.add(handler));
      }
      if ((node.$type === 'bpmn:IntermediateThrowEvent' || node.$type === 'bpmn:EndEvent') && kind === 'compensation') checkThrow(context, node, report);
      if (node.$type === 'bpmn:StartEvent' && kind === 'compensation') checkStart(context, node, report);
      if (node.$type === 'bpmn:EndEvent' && kind === 'cancel') checkCancelEnd(context, node, report);
      if (node.$type === 'bpmn:BoundaryEvent' && kind === 'cancel') checkCancelBoundary(context, node, report);
    }
    for (const node of context.flowNodes) {
      if (node['isForCompensation'] !== true) continue;
      const flows = [...context.incoming(node), ...context.outgoing(node)];
      if (flows.length > 0) {
        report(node, `Expected compensation handler ${describeElement(node)} to have no incoming or outgoing sequence flows (it runs only when its activity is compensated) but it has ${flows.length}`);
      }
      if (!handlersWithBoundary.has(node)) {
        report(node, `Expected compensation handler ${describeElement(node)} to be associated with a compensation boundary event but none is associated with it`);
      }
    }
    return problems;
  },
};

type Report = (element: ModdleElement, message: string) => void;

/** Checks a compensation boundary event; returns the handlers it is validly associated with. */
function checkBoundary(context: ValidationContext, boundary: ModdleElement, associations: readonly ModdleElement[], report: Report): ModdleElement[] {
  if (context.outgoing(boundary).length > 0) {
    report(boundary, `Expected compensation boundary event ${describeElement(boundary)} to have no outgoing sequence flows (its handler is associated with it) but it has ${context.outgoing(boundary).length}`);
  }
  const handlers = associatedHandlers(boundary, associations);
  if (handlers.length !== 1) {
    report(boundary, `Expected compensation boundary event ${describeElement(boundary)} to be associated with exactly one compensation handler activity but found ${handlers.length}`);
    return [];
  }
  const handler = handlers[0]!;
  if (handler['isForCompensation'] !== true) {
    report(boundary, `Expected the activity associated with compensation boundary event ${describeElement(boundary)}, ${describeElement(handler)}, to be marked as a compensation handler (isForCompensation="true")`);
    return [];
  }
  const host = elementProperty(boundary, 'attachedToRef');
  if (host !== undefined && context.scopeOf(handler) !== context.scopeOf(host)) {
    report(boundary, `Expected compensation handler ${describeElement(handler)} to be in the same scope as ${describeElement(host)}, which compensation boundary event ${describeElement(boundary)} is attached to`);
    return [];
  }
  return [handler];
}

function checkThrow(context: ValidationContext, event: ModdleElement, report: Report): void {
  const definition = eventDefinitionOf(event, 'bpmn:CompensateEventDefinition');
  if (definition?.['waitForCompletion'] === false) {
    report(event, `Expected ${describeElement(event)} to wait for its compensation handlers (waitForCompletion="false" is not supported, as in Camunda 8)`);
  }
  const activity = compensationActivityRef(event);
  if (activity === undefined) return;
  const throwScope = context.scopeOf(event);
  const scope = throwScope !== undefined && isEventSubProcess(throwScope) ? context.scopeOf(throwScope) : throwScope;
  if (!isA(activity, 'bpmn:Activity') || context.scopeOf(activity) !== scope) {
    const where = scope === undefined ? 'its scope' : describeElement(scope);
    const activityScope = context.scopeOf(activity);
    const actual = isA(activity, 'bpmn:Activity') && activityScope !== undefined ? `is in ${describeElement(activityScope)}` : 'is not an activity';
    report(event, `Expected the activityRef of ${describeElement(event)} to name an activity in ${where} but ${describeElement(activity)} ${actual}`);
    return;
  }
  if (activity['isForCompensation'] === true) report(event, `Expected the activityRef of ${describeElement(event)} to name an activity to compensate but ${describeElement(activity)} is a compensation handler`);
}

function checkStart(context: ValidationContext, start: ModdleElement, report: Report): void {
  const eventSubProcess = context.scopeOf(start);
  const subprocess = eventSubProcess === undefined ? undefined : context.scopeOf(eventSubProcess);
  if (eventSubProcess === undefined || !isEventSubProcess(eventSubProcess) || subprocess === undefined || !isA(subprocess, 'bpmn:SubProcess') || isEventSubProcess(subprocess)) {
    report(start, `Expected compensation start event ${describeElement(start)} to start an event subprocess directly inside an embedded subprocess or transaction (BPMN 2.0.2; a process cannot be compensated from outside)`);
    return;
  }
  const siblings = context.childrenOf(subprocess).filter((child) => isCompensationEventSubProcess(child, context));
  if (siblings.length > 1 && siblings[0] !== eventSubProcess) {
    report(start, `Expected at most one compensation event subprocess in ${describeElement(subprocess)} but ${describeElement(eventSubProcess)} is another one`);
  }
}

function checkCancelEnd(context: ValidationContext, end: ModdleElement, report: Report): void {
  const scope = context.scopeOf(end);
  if (scope?.$type !== 'bpmn:Transaction') {
    report(end, `Expected cancel end event ${describeElement(end)} to be directly inside a transaction but it is in ${scope === undefined ? 'no scope' : describeElement(scope)}`);
    return;
  }
  if (!hasCancelBoundary(context, scope)) report(end, `Expected transaction ${describeElement(scope)} to have a cancel boundary event, where cancel end event ${describeElement(end)} continues, but it has none`);
}

function checkCancelBoundary(context: ValidationContext, boundary: ModdleElement, report: Report): void {
  const host = elementProperty(boundary, 'attachedToRef');
  if (host?.$type !== 'bpmn:Transaction') {
    report(boundary, `Expected cancel boundary event ${describeElement(boundary)} to be attached to a transaction but it is attached to ${host === undefined ? 'nothing' : describeElement(host)}`);
    return;
  }
  const others = cancelBoundaries(context, host);
  if (others.length > 1 && others[0] !== boundary) report(boundary, `Expected at most one cancel boundary event on ${describeElement(host)} but ${describeElement(boundary)} is another one`);
}

function cancelBoundaries(context: ValidationContext, transaction: ModdleElement): ModdleElement[] {
  return context.flowNodes.filter((node) => node.$type === 'bpmn:BoundaryEvent' && eventKind(node) === 'cancel' && elementProperty(node, 'attachedToRef') === transaction);
}

function hasCancelBoundary(context: ValidationContext, transaction: ModdleElement): boolean {
  return cancelBoundaries(context, transaction).length > 0;
}
