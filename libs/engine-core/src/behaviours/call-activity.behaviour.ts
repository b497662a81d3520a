import type { CallActivityNode } from '#bpmn';
import type { ElementBehaviour } from './element-behaviour.js';

/**
 * A call activity asks for a child instance of the called process (CHILD_INSTANCE_REQUESTED; the
 * executor creates it in the same transaction) and waits until COMPLETE_CALL_ACTIVITY brings the
 * child's variables back (Camunda 8: docs.camunda.io/docs/components/modeler/bpmn/call-activities/).
 * Terminating it asks for the child to be canceled.
 */
export const callActivityBehaviour: ElementBehaviour<CallActivityNode> = {
  onActivate: (context) => context.processing.requestChildInstance(context.instance, context.node) ?? 'wait',
  onTerminate: (context) => context.processing.cancelChildInstance(context.instance),
};
