import type { ExecutionListenerDefinition, FlowNode, ListenerDefinition } from '#bpmn';
import type { BehaviourServices } from '../behaviours/behaviour-services.js';
import { Failure } from '../failure.js';
import { MULTI_INSTANCE_BODY, type ElementInstanceRecord, type ListenerEventType, type ListenerJobKind, type ListenerProgress } from '../state/records.js';

/** What creating a listener's job needs of the lifecycle. */
type ListenerServices = Pick<BehaviourServices, 'state' | 'model' | 'now' | 'evaluator' | 'variables' | 'emit' | 'nextKey'>;

/**
 * Creates the job of one listener (an execution listener or a user task listener) on an element
 * instance: its type and retries are evaluated now, in the element's scope; its headers are the
 * element's own task headers with the listener's (and `extraHeaders`, the user task data of a task
 * listener) over them. A type or retries that do not evaluate are a Failure, nothing emitted.
 * `scopeKey`: where the type and retries are evaluated (default: the element's scope).
 */
export function createListenerJob(
  services: ListenerServices,
  instance: ElementInstanceRecord,
  listener: ListenerDefinition<string>,
  job: { kind: ListenerJobKind; eventType: ListenerEventType; progress: ListenerProgress; headers: Record<string, string>; scopeKey?: string },
): Failure | undefined {
  const variables = services.variables.visible(job.scopeKey ?? instance.elementInstanceKey);
  const type = services.evaluator.string(listener.type, variables);
  if (type instanceof Failure) return type;
  if (type.trim() === '') return new Failure('EXTRACT_VALUE_ERROR', `Expected a non-empty job type for the ${listener.eventType} listener of '${instance.elementId}' but the expression gave an empty string`);
  const retries = services.evaluator.integer(listener.retries, variables, 0, 2_147_483_647);
  if (retries instanceof Failure) return retries;
  services.emit({
    type: 'JOB_CREATED',
    job: {
      jobKey: services.nextKey(),
      elementInstanceKey: instance.elementInstanceKey,
      elementId: instance.elementId,
      type,
      state: 'CREATED',
      retries,
      customHeaders: { ...job.headers, ...listener.headers },
      createdAt: services.now,
      retryAt: null,
      errorMessage: null,
      activatable: true,
      kind: job.kind,
      listenerEventType: job.eventType,
      listener: job.progress,
    },
  });
  return undefined;
}

/**
 * The execution listeners of an element instance for one event type, in model order: the
 * process's own for the process element; none for a multi-instance body (the activity's listeners
 * run for each inner instance).
 */
export function executionListenersOf(services: Pick<ListenerServices, 'model'>, instance: ElementInstanceRecord, node: FlowNode | undefined, eventType: 'start' | 'end'): ExecutionListenerDefinition[] {
  if (instance.elementType === MULTI_INSTANCE_BODY) return [];
  const all = instance.elementType === 'bpmn:Process' ? services.model.executionListeners : node?.executionListeners;
  return (all ?? []).filter((listener) => listener.eventType === eventType);
}

/** The task headers an element hands its listeners' jobs (those of its job or user task). */
export function elementHeaders(node: FlowNode | undefined): Record<string, string> {
  if (!node) return {};
  if (node.type === 'bpmn:UserTask') return node.userTask.headers;
  const job = (node as { job?: { headers: Record<string, string> } }).job;
  return job ? job.headers : {};
}

/**
 * Runs the execution listener at `index` of an element's `start` or `end` listeners: creates its
 * job (the element waits for it: ACTIVATING for start listeners, COMPLETING for end listeners) and
 * answers 'waiting', or 'done' when none is left, or the Failure of its type or retries.
 */
export function runExecutionListener(
  services: ListenerServices,
  instance: ElementInstanceRecord,
  node: FlowNode | undefined,
  eventType: 'start' | 'end',
  progress: ListenerProgress,
): 'waiting' | 'done' | Failure {
  const listener = executionListenersOf(services, instance, node, eventType)[progress.index];
  if (!listener) return 'done';
  const failed = createListenerJob(services, instance, listener, {
    kind: 'EXECUTION_LISTENER',
    eventType: eventType === 'start' ? 'START' : 'END',
    progress,
    headers: elementHeaders(node),
  });
  return failed ?? 'waiting';
}
