import type { FlowNode } from '#bpmn';
import type { Failure } from '../failure.js';
import type { ElementInstanceRecord } from '../state/records.js';
import type { BehaviourServices } from './behaviour-services.js';

/** What a behaviour sees of one element instance being processed. */
export interface ElementContext<N extends FlowNode = FlowNode> {
  node: N;
  instance: ElementInstanceRecord;
  /** What the behaviour may use (never the lifecycle itself). */
  services: BehaviourServices;
  /** Variables visible from the element instance's own scope. */
  variables(): Record<string, unknown>;
  /**
   * The variables an event brought along when it triggered this element (a caught error's
   * variables for an error boundary event, `{}` for a timer); undefined otherwise.
   */
  trigger?: Record<string, unknown>;
}

/**
 * The behaviour of one element type (style.md: one behaviour per element type, in one table).
 * The shared lifecycle (lifecycle/element-lifecycle.ts) owns the transitions; a behaviour only decides what its
 * element does at each of them. A hook that returns a Failure must not have emitted anything:
 * the element then stays where it is with an incident, and resolving it runs the hook again.
 */
export interface ElementBehaviour<N extends FlowNode = FlowNode> {
  /**
   * After ELEMENT_ACTIVATING, the input mappings and the boundary timers: do the element's work.
   * Return `'wait'` for a wait state (the element stays ACTIVATED until a command completes it),
   * `{ complete: flowIds, result? }` to complete at once taking those flows (undefined: all
   * outgoing) with an optional result document (a script's result variable),
   * `{ startScope: startEventId }` to start the element's children (subprocess), or a Failure.
   * A behaviour that ended its own element meanwhile (an error end event whose error was caught
   * around it) returns `'wait'`: the lifecycle sees the element is no longer activating.
   */
  onActivate(context: ElementContext<N>): ActivationOutcome | Failure;
  /** While terminating: cancel what the element created (jobs, user tasks, a child instance). */
  onTerminate?(context: ElementContext<N>): void;
  /** After the output mappings, before ELEMENT_COMPLETED (a multi-instance body hands its output collection on). */
  onComplete?(context: ElementContext<N>): void;
  /**
   * Container hook (multi-instance body): a child is completing, after its own output mappings.
   * It may update the container's variables and queue the next child. A Failure holds the child
   * at COMPLETING with an incident (resolving it runs the child's completion again).
   * `terminateSiblings`: once the child completed, the other children are terminated (a
   * completion condition was met). Children of such a container take no sequence flows: the
   * container takes its own when it completes.
   */
  onChildCompleting?(context: ElementContext<N>, child: ElementInstanceRecord): { terminateSiblings: boolean } | Failure;
  /**
   * Container hook (ad-hoc subprocess): may the element complete now that nothing is active inside
   * it? False keeps it waiting (for more activations). @default true
   */
  scopeMayComplete?(context: ElementContext<N>): boolean;
  /**
   * Whether the lifecycle applies the element's zeebe:ioMapping. Zeebe applies variable mappings
   * to activities and events only (zeebe:IoMapping is not allowed in gateways), so gateways set
   * this to false: a mapping written into a gateway by hand is ignored, as in Zeebe. It also
   * keeps a gateway from ever being held at COMPLETING, where the flows it chose would be lost.
   * A multi-instance body sets it to false too: the mappings belong to its inner instances.
   * @default true
   */
  variableMappings?: boolean;
}

/**
 * What an activation decided: wait (ACTIVATED); hold (stay ACTIVATING); complete at once taking `complete` (undefined: every outgoing
 * flow) with an optional result document and, for a link throw event, continue at `jumpTo` in the
 * same scope; or start the element's children at `startScope` (with the trigger's variables for
 * the start event of an event subprocess).
 */
export type ActivationOutcome =
  | 'wait'
  /** Stay ACTIVATING (an error end event whose error travels to the calling instances). */
  | 'hold'
  | { complete: string[] | undefined; result?: Record<string, unknown>; jumpTo?: string }
  | { startScope: string; trigger?: Record<string, unknown> };

export const completeAtOnce: ActivationOutcome = { complete: undefined };
