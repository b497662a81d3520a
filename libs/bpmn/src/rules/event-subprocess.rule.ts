import { describeElement, type ModdleElement } from '../parse/moddle-element.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { ambiguousCatches, names } from './catch-ambiguity.js';
import { eventKind, isEventSubProcess, isInterrupting } from './event-kind.js';
import { elementProblem } from './rule-problem.js';

/**
 * `event-subprocess`: an event subprocess (`triggeredByEvent="true"`, in the process or in an
 * embedded subprocess) is started only by its start event's trigger, never by a sequence flow, so
 * it has no incoming or outgoing flow and exactly one start event, with a trigger (timer, message,
 * signal, error, escalation or condition; `supported-element` names the ones Baton does not run).
 * An error start event always interrupts its scope. The event subprocesses of one scope are
 * unambiguous, as Camunda 8 requires: at most one catch-all and one per code for errors and for
 * escalations, different messages and different signals
 * (docs.camunda.io/docs/components/modeler/bpmn/event-subprocesses/).
 */
export const eventSubprocessRule: BpmnRule = {
  id: 'event-subprocess',
  description: 'Event subprocesses have no sequence flows and exactly one start event with a trigger; error starts interrupt; the event subprocesses of a scope catch distinct codes, messages and signals.',
  check(context) {
    const problems: BpmnProblem[] = [];
    const report = (element: ModdleElement, message: string): void => {
      problems.push(elementProblem(this.id, context, element, message));
    };
    const startsByScope = new Map<ModdleElement, ModdleElement[]>();
    for (const subprocess of context.flowNodes.filter(isEventSubProcess)) {
      const what = `${describeElement(subprocess)}, an event subprocess (started by the trigger of its start event)`;
      for (const [direction, flows] of [
        ['incoming', context.incoming(subprocess)],
        ['outgoing', context.outgoing(subprocess)],
      ] as const) {
        if (flows.length > 0) report(subprocess, `Expected no ${direction} sequence flow on ${what}, but found ${flows.map(describeElement).join(', ')}`);
      }
      const starts = context.childrenOf(subprocess).filter((child) => child.$type === 'bpmn:StartEvent');
      if (starts.length !== 1) {
        report(subprocess, `Expected exactly one start event in ${what}, but found ${starts.length === 0 ? 'none' : `${starts.length}: ${names(starts)}`}`);
        continue;
      }
      const start = starts[0]!;
      const kind = eventKind(start);
      if (kind === 'none') {
        report(start, `Expected a trigger (timer, message, signal, error, escalation or condition) on ${describeElement(start)}, the start event of ${describeElement(subprocess)}, an event subprocess, but found none`);
      }
      if (kind === 'error' && !isInterrupting(start)) {
        report(
          start,
          `Expected ${describeElement(start)}, the error start event of ${describeElement(subprocess)}, to be interrupting (isInterrupting="true") but found isInterrupting="false": an error ends the scope it is thrown in`,
        );
      }
      const scope = context.scopeOf(subprocess);
      if (scope !== undefined) startsByScope.set(scope, [...(startsByScope.get(scope) ?? []), start]);
    }
    for (const [scope, starts] of startsByScope) {
      const where = `of the event subprocesses of ${describeElement(scope)}`;
      for (const message of ambiguousCatches(starts, { noun: 'start event', on: `among the event subprocesses of ${describeElement(scope)}`, of: where })) report(scope, message);
    }
    return problems;
  },
};
