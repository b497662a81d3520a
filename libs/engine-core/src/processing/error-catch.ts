import type { BoundaryEventNode, ExecutableProcess } from '#bpmn';
import type { InstanceState } from '../state/instance-state.js';
import { MULTI_INSTANCE_BODY, type ElementInstanceRecord } from '../state/records.js';

/** Where a thrown error is caught: the boundary event and the element instance it is attached to. */
export interface ErrorCatch {
  boundary: BoundaryEventNode;
  host: ElementInstanceRecord;
}

/**
 * The catch event for an error thrown at `thrower`, Camunda 8's way
 * (docs.camunda.io/docs/components/modeler/bpmn/error-events/): from the throwing element up
 * through its enclosing subprocesses (and multi-instance bodies), the first activity with an error
 * boundary event for the error code, or else a catch-all one (without code) — at each level the
 * event with the code is preferred over the catch-all. An inner instance of a multi-instance
 * activity has no boundary events of its own: they belong to its body, the next level up.
 * Returns the error codes of the error boundary events passed on the way when nothing catches it.
 */
export function findErrorCatch(state: InstanceState, model: ExecutableProcess, thrower: ElementInstanceRecord, errorCode: string): ErrorCatch | { availableCodes: string[] } {
  const availableCodes: string[] = [];
  let current: ElementInstanceRecord | undefined = thrower;
  while (current && current.elementType !== 'bpmn:Process') {
    const scope: ElementInstanceRecord | undefined = current.flowScopeKey ? state.element(current.flowScopeKey) : undefined;
    const inner = scope?.elementType === MULTI_INSTANCE_BODY;
    if (!inner) {
      const boundaries = (model.elements[current.elementId]?.boundaryEventIds ?? [])
        .map((id) => model.elements[id])
        .filter((node): node is BoundaryEventNode & { trigger: { kind: 'error' } } => node?.type === 'bpmn:BoundaryEvent' && node.trigger.kind === 'error');
      const boundary = boundaries.find((node) => node.trigger.errorCode === errorCode) ?? boundaries.find((node) => node.trigger.errorCode === undefined);
      if (boundary) return { boundary, host: current };
      for (const node of boundaries) if (node.trigger.errorCode !== undefined) availableCodes.push(node.trigger.errorCode);
    }
    current = scope;
  }
  return { availableCodes };
}

/** Zeebe's incident message for an error nothing catches. */
export function unhandledErrorMessage(errorCode: string, errorMessage: string | null, availableCodes: string[]): string {
  const available = availableCodes.length === 0 ? 'No error events are available in the scope.' : `Available error events are [${availableCodes.join(', ')}].`;
  return `Expected to throw an error event with the code '${errorCode}'${errorMessage ? ` with message '${errorMessage}'` : ''}, but it was not caught. ${available}`;
}
