import { describeElement, idOf, isA, type ModdleElement } from '../parse/moddle-element.js';
import type { BpmnProblem } from '../problem.js';
import type { ValidationContext } from '../validate/validation-context.js';
import type { BpmnRule } from './bpmn-rule.js';
import { eventKind } from './event-kind.js';
import { elementProblem } from './rule-problem.js';

/**
 * `start-end-event`: an embedded subprocess needs exactly one none start event, where its inner
 * flow begins. A process needs a place to start: at most one none start event (where a create
 * command starts it) and, with or without it, message, timer or signal start events (where a
 * published message, its schedule or a broadcast signal starts it; Camunda 8 semantics: a process
 * with only such starts can only be started by them). Event subprocesses are `event-subprocess`'s.
 * Start events take no incoming flow and end events no outgoing flow. Elements no flow leads to
 * are reported as warnings: they are harmless but never run.
 */
export const startEndEventRule: BpmnRule = {
  id: 'start-end-event',
  description: 'Exactly one none start event per embedded subprocess; a process has at most one, and/or message, timer or signal start events; no flow into a start event or out of an end event.',
  check(context) {
    const problems: BpmnProblem[] = [];
    const scopes = [...context.processes, ...context.flowNodes.filter(needsStartEvent)];
    for (const scope of scopes) {
      const starts = context.childrenOf(scope).filter((child) => child.$type === 'bpmn:StartEvent');
      const noneStarts = starts.filter((start) => eventKind(start) === 'none');
      const isProcess = scope.$type === 'bpmn:Process';
      const triggeredStarts = isProcess ? starts.filter((start) => PROCESS_START_TRIGGERS.has(eventKind(start))) : [];
      if (noneStarts.length === 0 && triggeredStarts.length === 0) {
        const found = starts.length === 0 ? 'none' : `only ${starts.map((start) => `${describeElement(start)} (${eventKind(start)} start event)`).join(', ')}`;
        const expected = isProcess
          ? 'a none start event (bpmn:StartEvent without event definition) or a message, timer or signal start event, where Baton starts its instances'
          : 'a none start event (bpmn:StartEvent without event definition), where its inner flow begins';
        problems.push(elementProblem(this.id, context, scope, `Expected ${describeElement(scope)} to have ${expected}, but found ${found}`));
      } else if (noneStarts.length > 1) {
        problems.push(
          elementProblem(
            this.id,
            context,
            scope,
            `Expected exactly one none start event in ${describeElement(scope)} but found ${noneStarts.length}: ${noneStarts.map((start) => `'${idOf(start) ?? '?'}'`).join(', ')}`,
          ),
        );
      }
    }
    for (const node of context.flowNodes) {
      if (node.$type === 'bpmn:StartEvent' && context.incoming(node).length > 0) {
        problems.push(elementProblem(this.id, context, node, `Expected no incoming sequence flow on ${describeElement(node)} but found ${flowIds(context.incoming(node))}`));
      }
      if (node.$type === 'bpmn:EndEvent' && context.outgoing(node).length > 0) {
        problems.push(elementProblem(this.id, context, node, `Expected no outgoing sequence flow on ${describeElement(node)} but found ${flowIds(context.outgoing(node))}`));
      }
    }
    return problems;
  },
  warn(context) {
    return context.flowNodes
      .filter((node) => context.incoming(node).length === 0 && !startsWithoutFlow(node, context))
      .map((node) => elementProblem(this.id, context, node, `${describeElement(node)} has no incoming sequence flow, so no token ever reaches it`));
  },
};

/** The triggers that start an instance of a process without a create command. */
const PROCESS_START_TRIGGERS = new Set(['message', 'timer', 'signal']);

/** Embedded subprocesses and transactions begin at a none start event; event and ad-hoc subprocesses do not. */
function needsStartEvent(node: ModdleElement): boolean {
  return isA(node, 'bpmn:SubProcess') && node.$type !== 'bpmn:AdHocSubProcess' && node['triggeredByEvent'] !== true;
}

/** Elements that are entered without a sequence flow by design. */
function startsWithoutFlow(node: ModdleElement, context: ValidationContext): boolean {
  if (node.$type === 'bpmn:StartEvent' || node.$type === 'bpmn:BoundaryEvent') return true;
  if (node['triggeredByEvent'] === true || node['isForCompensation'] === true) return true;
  if (node.$type === 'bpmn:IntermediateCatchEvent' && eventKind(node) === 'link') return true;
  return context.scopeOf(node)?.$type === 'bpmn:AdHocSubProcess';
}

function flowIds(flows: readonly ModdleElement[]): string {
  return flows.map((flow) => `${describeElement(flow)}`).join(', ');
}
