import type { ExecutableProcess, FlowNode } from '#bpmn';
import type { EngineEvent } from '../events/engine-event.js';
import type { Failure } from '../failure.js';
import type { ValueEvaluator } from '../processing/value-evaluator.js';
import type { VariableBehaviour } from '../processing/variable-behaviour.js';
import type { InstanceState } from '../state/instance-state.js';
import type { ElementInstanceRecord, ErrorOrigin } from '../state/records.js';

/** How a thrown BPMN error ended: caught by a boundary event, handed to the parent instance, or not caught (the Failure to raise). */
export type ThrowOutcome = 'caught' | 'escalated' | Failure;

/**
 * What a behaviour may use while its element is processed: the instance's state to read, the
 * model, the command's time, expressions and variables, and the few lifecycle services that
 * elements share. Behaviours never see the lifecycle itself (lifecycle/element-lifecycle.ts
 * implements this interface), so they import nothing from it.
 */
export interface BehaviourServices {
  /** The instance's state, to read (appliers change it as events are emitted). */
  readonly state: InstanceState;
  readonly model: ExecutableProcess;
  /** The instant the command is processed at (ISO-8601). */
  readonly now: string;
  /** Form keys of linked forms, resolved before processing (formId → key). */
  readonly formKeys: Readonly<Record<string, string | undefined>>;
  readonly evaluator: ValueEvaluator;
  readonly variables: VariableBehaviour;
  /** Decides an event: applied to the state at once, recorded for the audit log. */
  emit(event: EngineEvent): void;
  nextKey(): string;
  /** Throws a BPMN error at an element (see lifecycle/error-propagation.ts); `origin`: where it was first thrown (default: here, by the element's activation). */
  throwError(thrower: ElementInstanceRecord, errorCode: string, errorMessage: string | null, variables: Record<string, unknown>, origin?: ErrorOrigin): ThrowOutcome;
  /** Throws an escalation at an element (see lifecycle/error-propagation.ts). */
  throwEscalation(thrower: ElementInstanceRecord, escalationCode: string, variables: Record<string, unknown>): void;
  /**
   * Chooses what a compensation throw, end or cancel end event compensates in its scope (see
   * lifecycle/compensation.ts); returns how many handlers will run (they start once the instance
   * rests, and the event is ended once they all completed).
   */
  compensate(thrower: ElementInstanceRecord, activityRef: string | undefined): number;
  /** Queues an inner instance of a multi-instance activity in its body. */
  enqueueInnerInstance(node: FlowNode, bodyKey: string, item: unknown, loopCounter: number): void;
  /** Queues the activation of an inner element of an ad-hoc subprocess, in a new inner instance with these local variables. */
  activateAdHocElement(adHocKey: string, elementId: string, variables: Record<string, unknown>): void;
  /** Has a scope completed once the instance rests, if nothing is left active in it. */
  checkScope(flowScopeKey: string): void;
  /** Terminates the other active elements in an element's scope and its waiting tokens (terminate end event). */
  terminateSiblings(instance: ElementInstanceRecord): void;
}
