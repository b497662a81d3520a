import type { BoundaryEventNode, ExecutableProcess, FlowNode, StartEventNode } from '#bpmn';
import type { InstanceState } from '../state/instance-state.js';
import { AD_HOC_SUB_PROCESS_INNER_INSTANCE, EVENT_SUB_PROCESS, MULTI_INSTANCE_BODY, type ElementInstanceRecord } from '../state/records.js';

/** What is thrown: an error or an escalation, with its code. */
export type Thrown = { kind: 'error' | 'escalation'; code: string };

/** Where a thrown error or escalation is caught: the catch event and the element instance it belongs to. */
export interface CatchFound {
  /** A boundary event (host: its activity), or the start event of an event subprocess (host: the subprocess's scope). */
  catchNode: BoundaryEventNode | StartEventNode;
  host: ElementInstanceRecord;
  interrupting: boolean;
}

/**
 * The catch event for an error or escalation thrown at `thrower`, Camunda 8's way: from the
 * thrower up through its scopes, at each level first the boundary events of the activity, then
 * the event subprocesses of the scope around it; at each of these the event for the code is
 * preferred over a catch-all one (no code). An inner instance of a multi-instance activity has no
 * boundary events of its own (they belong to its body), and what is thrown inside an event
 * subprocess is not caught by the event subprocesses of the same scope.
 * Returns the codes of the catch events passed on the way when nothing catches it.
 */
export function findCatch(state: InstanceState, model: ExecutableProcess, thrower: ElementInstanceRecord, thrown: Thrown): CatchFound | { availableCodes: string[] } {
  const availableCodes: string[] = [];
  const pick = <N extends BoundaryEventNode | StartEventNode>(candidates: N[]): N | undefined => {
    const matching = candidates.filter((node) => catchKind(node) === thrown.kind);
    for (const node of matching) {
      const code = catchCode(node);
      if (code !== undefined && !availableCodes.includes(code)) availableCodes.push(code);
    }
    return matching.find((node) => catchCode(node) === thrown.code) ?? matching.find((node) => catchCode(node) === undefined);
  };

  let current: ElementInstanceRecord | undefined = thrower;
  while (current && current.elementType !== 'bpmn:Process') {
    const scope: ElementInstanceRecord | undefined = current.flowScopeKey ? state.element(current.flowScopeKey) : undefined;
    // An inner instance of a multi-instance body or an ad-hoc subprocess has no boundary events of its own.
    if (scope?.elementType !== MULTI_INSTANCE_BODY && current.elementType !== EVENT_SUB_PROCESS && current.elementType !== AD_HOC_SUB_PROCESS_INNER_INSTANCE) {
      const boundaries = (model.elements[current.elementId]?.boundaryEventIds ?? []).map((id) => model.elements[id]).filter((node): node is BoundaryEventNode => node?.type === 'bpmn:BoundaryEvent');
      const boundary = pick(boundaries);
      if (boundary) return { catchNode: boundary, host: current, interrupting: boundary.interrupting };
    }
    if (scope && scope.elementType !== MULTI_INSTANCE_BODY && current.elementType !== EVENT_SUB_PROCESS) {
      const start = pick(eventSubProcessStarts(model, scope));
      if (start) return { catchNode: start, host: scope, interrupting: start.interrupting ?? true };
    }
    current = scope;
  }
  return { availableCodes };
}

/** The start events of the event subprocesses directly in a scope instance (the process or a subprocess). */
export function eventSubProcessStarts(model: ExecutableProcess, scope: ElementInstanceRecord): StartEventNode[] {
  const ids = scope.elementType === 'bpmn:Process' ? model.eventSubProcessIds : subProcessOf(model.elements[scope.elementId])?.eventSubProcessIds;
  return (ids ?? [])
    .map((id) => subProcessOf(model.elements[id]))
    .map((esp) => (esp ? model.elements[esp.startEventId] : undefined))
    .filter((node): node is StartEventNode => node?.type === 'bpmn:StartEvent' && node.trigger !== undefined);
}

function subProcessOf(node: FlowNode | undefined): Extract<FlowNode, { type: 'bpmn:SubProcess' }> | undefined {
  return node?.type === 'bpmn:SubProcess' ? node : undefined;
}

function catchKind(node: BoundaryEventNode | StartEventNode): string | undefined {
  return node.trigger?.kind;
}

function catchCode(node: BoundaryEventNode | StartEventNode): string | undefined {
  const trigger = node.trigger;
  if (trigger?.kind === 'error') return trigger.errorCode;
  if (trigger?.kind === 'escalation') return trigger.escalationCode;
  return undefined;
}

/** Zeebe's incident message for an error nothing catches. */
export function unhandledErrorMessage(errorCode: string, errorMessage: string | null, availableCodes: string[]): string {
  const available = availableCodes.length === 0 ? 'No error events are available in the scope.' : `Available error events are [${availableCodes.join(', ')}].`;
  return `Expected to throw an error event with the code '${errorCode}'${errorMessage ? ` with message '${errorMessage}'` : ''}, but it was not caught. ${available}`;
}
