import { describeElement, elementProperty, idOf, isA, type ModdleElement } from '../parse/moddle-element.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { caughtErrorCode } from '../parse/event-references.js';
import { eventKind } from './event-kind.js';
import { elementProblem } from './rule-problem.js';

/**
 * `boundary-event`: a boundary event is attached to an activity (a task, an embedded subprocess or
 * a call activity) in its own scope, takes no incoming and at least one outgoing sequence flow
 * (the flow continues there when it triggers), and the error boundary events of one activity are
 * unambiguous: at most one catch-all and one per error code (Camunda 8: a catch event with the
 * error's code is preferred over the catch-all, docs.camunda.io/docs/components/modeler/bpmn/error-events/).
 */
export const boundaryEventRule: BpmnRule = {
  id: 'boundary-event',
  description: 'Boundary events are attached to an activity of their scope, have outgoing but no incoming flows; error boundaries of one activity catch distinct codes.',
  check(context) {
    const problems: BpmnProblem[] = [];
    const report = (element: ModdleElement, message: string): void => {
      problems.push(elementProblem(this.id, context, element, message));
    };
    const errorBoundariesByHost = new Map<ModdleElement, ModdleElement[]>();
    for (const boundary of context.flowNodes.filter((node) => node.$type === 'bpmn:BoundaryEvent')) {
      const host = elementProperty(boundary, 'attachedToRef');
      if (host === undefined) {
        const unresolved = context.unresolvedReference(boundary, 'attachedToRef');
        report(boundary, `Expected ${describeElement(boundary)} to be attached to an activity (attachedToRef) but found ${unresolved === undefined ? 'none' : `no element with id '${unresolved}'`}`);
      } else if (!isA(host, 'bpmn:Activity') || host['triggeredByEvent'] === true) {
        report(boundary, `Expected ${describeElement(boundary)} to be attached to an activity (a task, subprocess or call activity) but it is attached to ${describeElement(host)}`);
      } else if (context.scopeOf(host) !== context.scopeOf(boundary)) {
        report(boundary, `Expected ${describeElement(boundary)} to be in the same process or subprocess as ${describeElement(host)}, the activity it is attached to`);
      } else if (eventKind(boundary) === 'error') {
        const list = errorBoundariesByHost.get(host) ?? [];
        list.push(boundary);
        errorBoundariesByHost.set(host, list);
      }
      const incoming = context.incoming(boundary);
      if (incoming.length > 0) report(boundary, `Expected no incoming sequence flow on ${describeElement(boundary)} but found ${incoming.map(describeElement).join(', ')}`);
      if (context.outgoing(boundary).length === 0) {
        report(boundary, `Expected at least one outgoing sequence flow on ${describeElement(boundary)}, where the flow continues when it triggers, but found none`);
      }
    }
    for (const [host, boundaries] of errorBoundariesByHost) {
      const catchAll = boundaries.filter((boundary) => caughtErrorCode(boundary) === undefined);
      if (catchAll.length > 1) {
        report(host, `Expected at most one catch-all error boundary event (without error code) on ${describeElement(host)} but found ${catchAll.length}: ${names(catchAll)}`);
      }
      const byCode = new Map<string, ModdleElement[]>();
      for (const boundary of boundaries) {
        const code = caughtErrorCode(boundary);
        if (code !== undefined) byCode.set(code, [...(byCode.get(code) ?? []), boundary]);
      }
      for (const [code, same] of byCode) {
        if (same.length > 1) report(host, `Expected the error boundary events of ${describeElement(host)} to catch different error codes but ${names(same)} all catch '${code}'`);
      }
    }
    return problems;
  },
};

function names(elements: readonly ModdleElement[]): string {
  return elements.map((element) => `'${idOf(element) ?? '?'}'`).join(', ');
}
