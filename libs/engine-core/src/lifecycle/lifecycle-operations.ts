import type { FlowNode } from '#bpmn';
import type { BehaviourServices } from '../behaviours/behaviour-services.js';
import type { Failure } from '../failure.js';
import type { ElementInstanceRecord, IncidentRetry, JobRecord, SubscriptionRecord, TimerRecord } from '../state/records.js';

/**
 * What command processors ask of the element lifecycle (lifecycle/element-lifecycle.ts), on top
 * of what behaviours may use. Each operation decides events; the work it queues runs when the
 * processor returns and the lifecycle runs the instance to its next wait states.
 */
export interface LifecycleOperations extends BehaviourServices {
  /** Activates an element in a scope (a start event in its process or subprocess). */
  activateInScope(node: FlowNode, flowScopeKey: string): void;
  /** Completes a waiting element with a result document (a job's or user task's variables). */
  completeWaiting(elementInstanceKey: string, result: Record<string, unknown> | undefined): void;
  /** Starts completing an element that waited (a timer catch event whose timer fired). */
  startCompletion(elementInstanceKey: string, flowIds: string[] | undefined, result: Record<string, unknown> | undefined): void;
  /** Terminates an element instance and everything inside it. */
  terminate(elementInstanceKey: string): void;
  /** Raises an incident on an element; resolving it retries `retry`. */
  raiseIncident(instance: ElementInstanceRecord, failure: Failure, retry: IncidentRetry, jobKey?: string | null): void;
  /**
   * Runs an element's activation again (its incident was resolved while it was ACTIVATING), with
   * the variables of the event that had triggered it, kept with the incident (`IncidentRecord.trigger`).
   */
  retryActivation(instance: ElementInstanceRecord, trigger?: Record<string, unknown>): void;
  /** Runs an element's completion again (its incident was resolved while it was COMPLETING). */
  retryCompletion(instance: ElementInstanceRecord): void;
  /** Opens what an element instance waits for (its catch points); a Failure opens nothing. */
  openCatchPointsOf(owner: ElementInstanceRecord): Failure | undefined;
  /** A subscription triggered (a message correlated, a signal caught) with its variables. */
  triggerSubscription(subscription: SubscriptionRecord, owner: ElementInstanceRecord, variables: Record<string, unknown>): void;
  /** A due timer fires. */
  triggerTimer(timer: TimerRecord, owner: ElementInstanceRecord): void;
  /** Activates the process element (ACTIVATING, its variables set): its start listeners, then its start element. */
  activateProcess(processElement: ElementInstanceRecord, startElementId: string): void;
  /** An execution listener's job completed with variables: the next listener runs, or the element goes on. */
  completeExecutionListener(job: JobRecord, variables: Record<string, unknown>): void;
  /** The compiled element of an id in the instance's model. */
  node(elementId: string): FlowNode;
}
