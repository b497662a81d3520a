import type { BoundaryEventNode, EventTrigger, ExecutableProcess, FlowNode, IntermediateCatchEventNode, ReceiveTaskNode, StartEventNode } from '#bpmn';
import type { BehaviourServices } from '../behaviours/behaviour-services.js';
import { Failure } from '../failure.js';
import { timerSchedule } from '../processing/timer-due-date.js';
import type { InstanceState } from '../state/instance-state.js';
import { EVENT_SUB_PROCESS, MULTI_INSTANCE_BODY, type ElementInstanceRecord, type SubscriptionRecord, type TimerRecord } from '../state/records.js';
import { eventSubProcessStarts } from './catch-search.js';

/** A catch element an owner waits for, and whether its trigger interrupts. */
export interface CatchPoint {
  node: BoundaryEventNode | StartEventNode | IntermediateCatchEventNode | ReceiveTaskNode;
  trigger: EventTrigger;
  interrupting: boolean;
}

/**
 * Longest message name, correlation key or signal name a subscription may have, in characters:
 * Camunda's limit with relational storage (docs.camunda.io, "Messages"), and what the engine's
 * tables hold. A longer one is an EXTRACT_VALUE_ERROR, like a value of the wrong type.
 */
export const MAX_SUBSCRIPTION_TEXT_LENGTH = 256;

/** A name or correlation key, or a failure when it is longer than the engine can store. */
function bounded(what: string, value: string): string | Failure {
  if (value.length <= MAX_SUBSCRIPTION_TEXT_LENGTH) return value;
  return new Failure('EXTRACT_VALUE_ERROR', `Expected the ${what} to be at most ${MAX_SUBSCRIPTION_TEXT_LENGTH} characters long, but it has ${value.length}: '${value.slice(0, 40)}...'`);
}

/** Triggers that are waited for (errors and escalations are caught when thrown, links are jumped to). */
const WAITED_FOR = new Set(['timer', 'message', 'signal', 'conditional']);

/**
 * What an element instance waits for while it is active, Zeebe's way: an activity its timer,
 * message, signal and conditional boundary events (a multi-instance body for its activity; inner
 * instances none); an intermediate catch event or receive task its own trigger (and a receive
 * task its boundary events); an event-based gateway the catch events after it; a scope (the
 * process, a subprocess, an event subprocess) the start events of its event subprocesses.
 */
export function catchPointsOf(state: InstanceState, model: ExecutableProcess, owner: ElementInstanceRecord): CatchPoint[] {
  const points: CatchPoint[] = [];
  const add = (node: CatchPoint['node'] | undefined, interrupting: boolean): void => {
    const trigger = node?.trigger;
    if (node && trigger && WAITED_FOR.has(trigger.kind)) points.push({ node, trigger, interrupting });
  };
  if (owner.elementType === 'bpmn:Process') {
    for (const start of eventSubProcessStarts(model, owner)) add(start, start.interrupting ?? true);
    return points;
  }
  const node = model.elements[owner.elementId];
  if (!node) return points;
  if (owner.elementType === 'bpmn:IntermediateCatchEvent' || owner.elementType === 'bpmn:ReceiveTask') add(node as IntermediateCatchEventNode | ReceiveTaskNode, true);
  if (owner.elementType === 'bpmn:EventBasedGateway') {
    for (const flowId of node.outgoing) {
      const target = model.elements[model.flows[flowId]!.targetId];
      if (target?.type === 'bpmn:IntermediateCatchEvent' || target?.type === 'bpmn:ReceiveTask') add(target, true);
    }
  }
  // Boundary events belong to the activity, or to its multi-instance body; never to an inner instance.
  const scope = owner.flowScopeKey ? state.element(owner.flowScopeKey) : undefined;
  if (owner.elementType === MULTI_INSTANCE_BODY || scope?.elementType !== MULTI_INSTANCE_BODY) {
    for (const id of node.boundaryEventIds ?? []) {
      const boundary = model.elements[id];
      if (boundary?.type === 'bpmn:BoundaryEvent') add(boundary, boundary.interrupting);
    }
  }
  if (owner.elementType === 'bpmn:SubProcess' || owner.elementType === EVENT_SUB_PROCESS) {
    for (const start of eventSubProcessStarts(model, owner)) add(start, start.interrupting ?? true);
  }
  return points;
}

const LABELS: Record<CatchPoint['node']['type'], string> = {
  'bpmn:BoundaryEvent': 'boundary event',
  'bpmn:StartEvent': 'event subprocess start event',
  'bpmn:IntermediateCatchEvent': 'catch event',
  'bpmn:ReceiveTask': 'receive task',
};

/** What opening needs of the lifecycle. */
type TriggerServices = Pick<BehaviourServices, 'state' | 'evaluator' | 'variables' | 'now' | 'emit' | 'nextKey'> & { watchCondition(subscriptionKey: string): void };

/**
 * Opens the owner's catch points: a timer for each timer, a subscription for each message, signal
 * and condition (names, correlation keys and timers evaluated now, in the owner's scope). All are
 * evaluated before any is opened, so a failure opens nothing; points already open (the activation
 * runs again after an incident) are kept as they are. Conditions are evaluated once the instance
 * rests (`watchCondition`), so one that holds already triggers at once.
 */
export function openCatchPoints(services: TriggerServices, owner: ElementInstanceRecord, points: CatchPoint[]): Failure | undefined {
  if (points.length === 0) return undefined;
  const { state } = services;
  const open = new Set([...state.activeTimersOf(owner.elementInstanceKey), ...state.openSubscriptionsOf(owner.elementInstanceKey)].map((record) => record.elementId));
  const variables = services.variables.visible(owner.elementInstanceKey);
  const timers: Array<Omit<TimerRecord, 'timerKey'>> = [];
  const subscriptions: Array<Omit<SubscriptionRecord, 'subscriptionKey'>> = [];
  for (const point of points) {
    if (open.has(point.node.id)) continue;
    const failed = (what: string, failure: Failure): Failure =>
      point.node.id === owner.elementId ? failure : new Failure(failure.errorType, `Failed to evaluate the ${what} of ${LABELS[point.node.type]} '${point.node.id}': ${failure.message}`);
    const base = { elementInstanceKey: owner.elementInstanceKey, elementId: point.node.id };
    const trigger = point.trigger;
    switch (trigger.kind) {
      case 'timer': {
        const schedule = timerSchedule(trigger.timer, variables, services.evaluator, services.now);
        if (schedule instanceof Failure) return failed('timer', schedule);
        timers.push({ ...base, dueDate: schedule.dueDate, state: 'ACTIVE', ...(schedule.cycle ? { cycle: schedule.cycle } : {}) });
        break;
      }
      case 'message': {
        const evaluated = services.evaluator.string(trigger.messageName, variables);
        const name = evaluated instanceof Failure ? evaluated : bounded('message name', evaluated);
        if (name instanceof Failure) return failed('message name', name);
        const evaluatedKey = trigger.correlationKey ? services.evaluator.correlationKey(trigger.correlationKey, variables) : '';
        const key = evaluatedKey instanceof Failure ? evaluatedKey : bounded('correlation key', evaluatedKey);
        if (key instanceof Failure) return failed('correlation key', key);
        subscriptions.push({ ...base, kind: 'message', name, correlationKey: key, interrupting: point.interrupting, state: 'OPEN' });
        break;
      }
      case 'signal': {
        const evaluated = services.evaluator.string(trigger.signalName, variables);
        const name = evaluated instanceof Failure ? evaluated : bounded('signal name', evaluated);
        if (name instanceof Failure) return failed('signal name', name);
        subscriptions.push({ ...base, kind: 'signal', name, correlationKey: null, interrupting: point.interrupting, state: 'OPEN' });
        break;
      }
      case 'conditional':
        subscriptions.push({ ...base, kind: 'conditional', name: '', correlationKey: null, interrupting: point.interrupting, state: 'OPEN', conditionMet: false });
        break;
      default:
        break;
    }
  }
  for (const timer of timers) services.emit({ type: 'TIMER_CREATED', timer: { timerKey: services.nextKey(), ...timer } });
  for (const subscription of subscriptions) {
    const subscriptionKey = services.nextKey();
    services.emit({ type: 'SUBSCRIPTION_OPENED', subscription: { subscriptionKey, ...subscription } });
    if (subscription.kind === 'conditional') services.watchCondition(subscriptionKey);
  }
  return undefined;
}

/** Closes everything an owner waits for: cancels its timers and closes its subscriptions (it ended, or its scope was interrupted). */
export function closeCatchPoints(services: Pick<BehaviourServices, 'state' | 'emit'>, owner: ElementInstanceRecord): void {
  for (const timer of services.state.activeTimersOf(owner.elementInstanceKey)) {
    services.emit({ type: 'TIMER_CANCELED', timerKey: timer.timerKey, elementInstanceKey: owner.elementInstanceKey });
  }
  for (const subscription of services.state.openSubscriptionsOf(owner.elementInstanceKey)) {
    services.emit({ type: 'SUBSCRIPTION_CLOSED', subscriptionKey: subscription.subscriptionKey, elementInstanceKey: owner.elementInstanceKey });
  }
}

/** The catch node of an id, for triggering (a boundary, catch, receive or start event). */
export function catchNode(model: ExecutableProcess, elementId: string): CatchPoint['node'] | undefined {
  const node: FlowNode | undefined = model.elements[elementId];
  return node?.type === 'bpmn:BoundaryEvent' || node?.type === 'bpmn:StartEvent' || node?.type === 'bpmn:IntermediateCatchEvent' || node?.type === 'bpmn:ReceiveTask' ? node : undefined;
}
