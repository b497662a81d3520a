import type { FlowNode } from '../model/executable-process.js';
import { eventDefinitionOf } from '../parse/event-references.js';
import { elementList, elementProperty, idOf, isA, type ModdleElement } from '../parse/moddle-element.js';
import { eventKind, isEventSubProcess } from '../rules/event-kind.js';
import type { ValidationContext } from '../validate/validation-context.js';

/**
 * The associations (`bpmn:association`) of a process and every subprocess in it, wherever a
 * modeler put them: bpmn-js writes the association of a compensation boundary event into the
 * artifacts of the scope, other tools into the process.
 */
export function associationsOf(process: ModdleElement, context: ValidationContext): ModdleElement[] {
  const scopes = [process, ...context.flowNodes.filter((node) => context.processOf(node) === process && isA(node, 'bpmn:SubProcess'))];
  return scopes.flatMap((scope) => elementList(scope, 'artifacts').filter((artifact) => artifact.$type === 'bpmn:Association'));
}

/** The activities a compensation boundary event is associated with (as source or target of an association). */
export function associatedHandlers(boundary: ModdleElement, associations: readonly ModdleElement[]): ModdleElement[] {
  const handlers: ModdleElement[] = [];
  for (const association of associations) {
    const source = elementProperty(association, 'sourceRef');
    const target = elementProperty(association, 'targetRef');
    const other = source === boundary ? target : target === boundary ? source : undefined;
    if (other !== undefined && isA(other, 'bpmn:Activity') && !handlers.includes(other)) handlers.push(other);
  }
  return handlers;
}

/** The `activityRef` of a compensation throw or end event, if it names one. */
export function compensationActivityRef(event: ModdleElement): ModdleElement | undefined {
  return elementProperty(eventDefinitionOf(event, 'bpmn:CompensateEventDefinition'), 'activityRef');
}

/** True for an event subprocess whose start event is a compensation start event. */
export function isCompensationEventSubProcess(element: ModdleElement, context: ValidationContext): boolean {
  return isEventSubProcess(element) && context.childrenOf(element).some((child) => child.$type === 'bpmn:StartEvent' && eventKind(child) === 'compensation');
}

/**
 * Adds what compensation needs to the compiled nodes of one (validated) process: each activity
 * with a compensation boundary event learns its handler, handlers are marked, compensation throw
 * and end events get their `activityRef`, cancel end events are marked, a subprocess learns its
 * compensation event subprocess (which leaves the event subprocesses started while it runs), and
 * a transaction its cancel boundary event.
 */
export function compileCompensation(process: ModdleElement, context: ValidationContext, elements: Record<string, FlowNode>): void {
  const associations = associationsOf(process, context);
  for (const element of context.flowNodes) {
    if (context.processOf(element) !== process) continue;
    const node = elements[idOf(element) ?? ''];
    if (node === undefined) continue;
    if (element['isForCompensation'] === true) node.isForCompensation = true;
    const kind = eventKind(element);
    if (node.type === 'bpmn:BoundaryEvent' && kind === 'compensation') {
      const handler = associatedHandlers(element, associations)[0];
      const host = elements[node.attachedToId];
      if (handler !== undefined && host !== undefined) host.compensationHandlerId = idOf(handler) ?? '';
    }
    if (node.type === 'bpmn:BoundaryEvent' && kind === 'cancel') {
      const host = elements[node.attachedToId];
      if (host?.type === 'bpmn:SubProcess') host.cancelBoundaryId = node.id;
    }
    if ((node.type === 'bpmn:IntermediateThrowEvent' || node.type === 'bpmn:EndEvent') && kind === 'compensation') {
      const activityRef = idOf(compensationActivityRef(element));
      node.compensate = activityRef === undefined ? {} : { activityRef };
    }
    if (node.type === 'bpmn:EndEvent' && kind === 'cancel') node.cancel = true;
    if (node.type === 'bpmn:SubProcess' && element.$type === 'bpmn:Transaction') node.transaction = true;
    if (node.type === 'bpmn:SubProcess' && isCompensationEventSubProcess(element, context)) {
      node.compensationEventSubProcess = true;
      const parent = node.parentId === undefined ? undefined : elements[node.parentId];
      if (parent?.type === 'bpmn:SubProcess') {
        parent.compensationEventSubProcessId = node.id;
        const remaining = (parent.eventSubProcessIds ?? []).filter((id) => id !== node.id);
        if (remaining.length > 0) parent.eventSubProcessIds = remaining;
        else delete parent.eventSubProcessIds;
      }
    }
  }
}
