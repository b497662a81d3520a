import type { ComplexGatewayNode, FlowNode } from '#bpmn';
import type { ThrowOutcome } from '../behaviours/behaviour-services.js';
import type { ElementContext } from '../behaviours/element-behaviour.js';
import { LOOP_COUNTER, innerInstanceLocals } from '../behaviours/multi-instance-body.behaviour.js';
import { applyEvent } from '../events/appliers.js';
import type { EngineEvent } from '../events/engine-event.js';
import { Failure } from '../failure.js';
import { isJoin, parallelJoinReady } from '../processing/joins.js';
import { runExecutionListener } from '../processing/listener-jobs.js';
import type { ProcessingEnvironment } from '../processing/processing-environment.js';
import { ValueEvaluator } from '../processing/value-evaluator.js';
import { VariableBehaviour } from '../processing/variable-behaviour.js';
import { DEFAULT_MAX_VARIABLE_DEPTH } from '../processing/variable-depth.js';
import { cloneJson } from '../processing/variable-paths.js';
import type { InstanceState } from '../state/instance-state.js';
import { AD_HOC_SUB_PROCESS_INNER_INSTANCE, EVENT_SUB_PROCESS, MULTI_INSTANCE_BODY, type ElementInstanceRecord, type ErrorOrigin, type IncidentRetry, type JobRecord, type SubscriptionRecord, type TimerRecord } from '../state/records.js';
import { triggerCatch } from './catch-trigger.js';
import { onElementCompleted, settleCompensationThrows, startCompensationHandlers, triggerCompensation } from './compensation.js';
import { ConditionWatcher } from './conditions.js';
import { behaviourOf } from './element-kinds.js';
import { errorOriginAt, throwError, throwEscalation } from './error-propagation.js';
import { catchNode, catchPointsOf, closeCatchPoints, openCatchPoints } from './event-triggers.js';
import type { LifecycleOperations } from './lifecycle-operations.js';
import { terminateInnerInstances } from './multi-instance-counts.js';
import { arriveAtComplexJoin } from './complex-join.js';
import { completeFinishedScopes, fireInclusiveJoin } from './scope-completion.js';
import { terminate, terminateSiblings } from './termination.js';
import { fireTimer } from './timer-firing.js';
import { checkTransition, targetLifecycle, type IllegalTransition } from './transition-guard.js';
import { applyInputMappings, applyOutputMappings } from './variable-mappings.js';

/** Element activations one command may do before the rest waits behind an incident. */
export const MAX_ACTIVATIONS_PER_COMMAND = 10_000;

/** Work queued within one command, processed in order until the instance rests. */
type Step =
  /** `trigger`: the variables of the event that activates it (a catch event after an event-based gateway, the start event of an event subprocess). */
  | { kind: 'activate'; nodeId: string; flowScopeKey: string; trigger?: Record<string, unknown> }
  | { kind: 'check-parallel-join'; nodeId: string; flowScopeKey: string }
  /** An inner element of the ad-hoc subprocess `flowScopeKey` to activate in a new inner instance. */
  | { kind: 'activate-ad-hoc'; nodeId: string; flowScopeKey: string; variables: Record<string, unknown> }
  /** A token arrived at a complex gateway's join on `flowId`. */
  | { kind: 'check-complex-join'; nodeId: string; flowScopeKey: string; flowId: string }
  /** An inner instance of a multi-instance activity, in its body (`flowScopeKey`). */
  | { kind: 'activate-inner'; nodeId: string; flowScopeKey: string; item: unknown; loopCounter: number };

/**
 * One command's element lifecycle: ACTIVATING → ACTIVATED → COMPLETING → COMPLETED, or
 * TERMINATING → TERMINATED, driving the behaviours until every token rests in a wait state
 * (design.md invariant 3). It decides events; appliers change the state as each event is
 * emitted, so later decisions see earlier ones. Every ELEMENT_* event passes the transition
 * guard: an illegal one is not applied, nothing more is decided, and the command is refused.
 *
 * Besides the behaviours' own work, the lifecycle owns what every element shares: input and
 * output mappings, what an element waits for while active (its catch points: boundary events,
 * its own trigger, the events after an event-based gateway, the event subprocesses of a scope —
 * opened after the input mappings, closed when it ends), triggering them, multi-instance bodies
 * around inner instances, joins, conditions, and the completion of scopes.
 */
export class ElementLifecycle implements LifecycleOperations {
  readonly events: EngineEvent[] = [];
  readonly variables: VariableBehaviour;
  readonly evaluator: ValueEvaluator;
  /** The illegal transition that stopped this command, if any. */
  refusal: IllegalTransition | undefined;
  private readonly queue: Step[] = [];
  private readonly scopesToCheck = new Set<string>();
  private readonly conditions = new ConditionWatcher();
  private activations = 0;

  constructor(
    readonly state: InstanceState,
    readonly env: ProcessingEnvironment,
  ) {
    this.variables = new VariableBehaviour(state, (event) => this.emit(event), () => this.nextKey(), env.maxVariableDepth ?? DEFAULT_MAX_VARIABLE_DEPTH);
    this.evaluator = new ValueEvaluator(env.feel, { now: new Date(env.now), ...(env.uuid ? { uuid: env.uuid } : {}), ...(env.random ? { random: env.random } : {}) });
  }

  get model() {
    return this.env.model;
  }

  get now(): string {
    return this.env.now;
  }

  get formKeys() {
    return this.env.formKeys;
  }

  emit(event: EngineEvent): void {
    if (this.refusal) return;
    const to = targetLifecycle(event);
    if (to) {
      const target = event as { elementInstanceKey: string; elementId: string };
      this.refusal = checkTransition(this.state.element(target.elementInstanceKey), to, target);
      if (this.refusal) return;
    }
    applyEvent(this.state, event, this.env.now);
    this.events.push(event);
    if (event.type === 'VARIABLE_CREATED' || event.type === 'VARIABLE_UPDATED') {
      this.conditions.changed({ scopeKey: event.scopeKey, name: event.name, kind: event.type === 'VARIABLE_CREATED' ? 'create' : 'update' });
    }
  }

  nextKey(): string {
    return this.env.keys.next();
  }

  node(elementId: string): FlowNode {
    const node = this.env.model.elements[elementId];
    if (!node) throw new Error(`Element '${elementId}' is not in process '${this.env.model.id}'`);
    return node;
  }

  // ---- services for behaviours and processors ----

  createTimer(elementInstanceKey: string, elementId: string, dueDate: string, cycle?: TimerRecord['cycle']): void {
    this.emit({ type: 'TIMER_CREATED', timer: { timerKey: this.nextKey(), elementInstanceKey, elementId, dueDate, state: 'ACTIVE', ...(cycle ? { cycle } : {}) } });
  }

  throwError(thrower: ElementInstanceRecord, errorCode: string, errorMessage: string | null, variables: Record<string, unknown>, origin?: ErrorOrigin): ThrowOutcome {
    return throwError(this, thrower, { errorCode, errorMessage, variables }, origin ?? errorOriginAt(thrower, null));
  }

  throwEscalation(thrower: ElementInstanceRecord, escalationCode: string, variables: Record<string, unknown>): void {
    throwEscalation(this, thrower, escalationCode, variables);
  }

  compensate(thrower: ElementInstanceRecord, activityRef: string | undefined): number {
    return triggerCompensation(this, thrower, activityRef);
  }

  enqueueInnerInstance(node: FlowNode, bodyKey: string, item: unknown, loopCounter: number): void {
    this.queue.push({ kind: 'activate-inner', nodeId: node.id, flowScopeKey: bodyKey, item, loopCounter });
  }

  activateAdHocElement(adHocKey: string, elementId: string, variables: Record<string, unknown>): void {
    this.queue.push({ kind: 'activate-ad-hoc', nodeId: elementId, flowScopeKey: adHocKey, variables });
  }

  checkScope(flowScopeKey: string): void {
    this.scopesToCheck.add(flowScopeKey);
  }

  activateInScope(node: FlowNode, flowScopeKey: string): void {
    this.queue.push({ kind: 'activate', nodeId: node.id, flowScopeKey });
  }

  completeWaiting(elementInstanceKey: string, result: Record<string, unknown> | undefined): void {
    this.startCompletion(elementInstanceKey, undefined, result);
  }

  retryActivation(instance: ElementInstanceRecord, trigger?: Record<string, unknown>): void {
    this.runActivation(instance, trigger);
  }

  retryCompletion(instance: ElementInstanceRecord): void {
    this.runCompletion(instance, undefined);
  }

  openCatchPointsOf(owner: ElementInstanceRecord): Failure | undefined {
    return openCatchPoints(this, owner, catchPointsOf(this.state, this.model, owner));
  }

  closeCatchPoints(owner: ElementInstanceRecord): void {
    closeCatchPoints(this, owner);
  }

  watchCondition(subscriptionKey: string): void {
    this.conditions.watch(subscriptionKey);
  }

  triggerSubscription(subscription: SubscriptionRecord, owner: ElementInstanceRecord, variables: Record<string, unknown>): void {
    const node = catchNode(this.model, subscription.elementId);
    if (node) triggerCatch(this, owner, { node, interrupting: subscription.interrupting }, variables);
  }

  triggerTimer(timer: TimerRecord, owner: ElementInstanceRecord): void {
    fireTimer(this, timer, owner);
  }

  discardScopeTokens(flowScopeKey: string): void {
    if (this.state.hasJoinState(flowScopeKey)) this.emit({ type: 'JOIN_TOKENS_DISCARDED', flowScopeKey });
    this.queue.splice(0, this.queue.length, ...this.queue.filter((step) => step.flowScopeKey !== flowScopeKey));
  }

  raiseIncident(instance: ElementInstanceRecord, failure: Failure, retry: IncidentRetry, jobKey: string | null = null, trigger?: Record<string, unknown>): void {
    this.emit({
      type: 'INCIDENT_CREATED',
      incidentKey: this.nextKey(),
      elementInstanceKey: instance.elementInstanceKey,
      elementId: instance.elementId,
      errorType: failure.errorType,
      errorMessage: failure.message,
      retry,
      jobKey,
      ...(trigger ? { trigger } : {}),
    });
  }

  // ---- the run loop ----

  /** Processes the queued work until every token rests (or a transition was refused). */
  run(): void {
    while (!this.refusal) {
      while (this.queue.length > 0 && !this.refusal) this.handle(this.queue.shift()!);
      if (this.refusal || fireInclusiveJoin(this)) continue;
      if (startCompensationHandlers(this) || settleCompensationThrows(this)) continue;
      if (completeFinishedScopes(this, this.scopesToCheck)) continue;
      if (this.conditions.evaluate(this)) continue;
      return;
    }
  }

  private handle(step: Step): void {
    const scope = this.state.element(step.flowScopeKey);
    if (!scope || scope.lifecycle !== 'ACTIVATED') return; // the scope ended meanwhile (terminate end event, boundary event)
    if (step.kind === 'activate') {
      this.activate(this.node(step.nodeId), step.flowScopeKey, undefined, step.trigger);
    } else if (step.kind === 'activate-inner') {
      this.activateInner(this.node(step.nodeId), step.flowScopeKey, step.item, step.loopCounter);
    } else if (step.kind === 'activate-ad-hoc') {
      this.activateAdHocInner(scope, step.nodeId, step.variables);
    } else if (step.kind === 'check-complex-join') {
      arriveAtComplexJoin(this, this.node(step.nodeId) as ComplexGatewayNode, step.flowScopeKey, step.flowId);
    } else {
      const join = this.node(step.nodeId);
      if (parallelJoinReady(join, this.state.tokensIn(step.flowScopeKey))) this.activate(join, step.flowScopeKey, join.incoming);
    }
  }

  /** Activates an element reached by a token or a trigger: a multi-instance activity is entered through its body. */
  activate(node: FlowNode, flowScopeKey: string, consumedFlowIds: string[] | undefined, trigger?: Record<string, unknown>): void {
    const elementInstanceKey = this.nextKey();
    const elementType = node.multiInstance || node.standardLoop ? MULTI_INSTANCE_BODY : node.type === 'bpmn:SubProcess' && node.triggeredByEvent ? EVENT_SUB_PROCESS : node.type;
    this.emit({ type: 'ELEMENT_ACTIVATING', elementInstanceKey, elementId: node.id, elementType, elementName: node.name ?? null, flowScopeKey, ...(consumedFlowIds ? { consumedFlowIds } : {}) });
    const instance = this.state.element(elementInstanceKey);
    if (!instance || this.overBudget(instance)) return;
    this.runActivation(instance, trigger);
  }

  /** Activates an inner instance of a multi-instance activity with its input element and loop counter. */
  private activateInner(node: FlowNode, bodyKey: string, item: unknown, loopCounter: number): void {
    const elementInstanceKey = this.nextKey();
    this.emit({ type: 'ELEMENT_ACTIVATING', elementInstanceKey, elementId: node.id, elementType: node.type, elementName: node.name ?? null, flowScopeKey: bodyKey });
    this.variables.setLocalDocument(elementInstanceKey, node.multiInstance ? innerInstanceLocals(node.multiInstance, item, loopCounter) : { [LOOP_COUNTER]: loopCounter });
    const instance = this.state.element(elementInstanceKey);
    if (!instance || this.overBudget(instance)) return;
    this.runActivation(instance);
  }

  /** Activates an inner instance of an ad-hoc subprocess (its variables as locals), then the element in it. */
  private activateAdHocInner(adHoc: ElementInstanceRecord, elementId: string, variables: Record<string, unknown>): void {
    const elementInstanceKey = this.nextKey();
    this.emit({ type: 'ELEMENT_ACTIVATING', elementInstanceKey, elementId: adHoc.elementId, elementType: AD_HOC_SUB_PROCESS_INNER_INSTANCE, elementName: adHoc.elementName, flowScopeKey: adHoc.elementInstanceKey });
    this.variables.setLocalDocument(elementInstanceKey, variables);
    const inner = this.state.element(elementInstanceKey);
    if (!inner || this.overBudget(inner)) return;
    this.emit({ type: 'ELEMENT_ACTIVATED', elementInstanceKey, elementId: adHoc.elementId });
    this.queue.push({ kind: 'activate', nodeId: elementId, flowScopeKey: elementInstanceKey });
  }

  /** Counts an activation; past the budget the element waits behind an incident (a loop without a wait state would otherwise hold the instance's lock forever). */
  private overBudget(instance: ElementInstanceRecord): boolean {
    this.activations += 1;
    if (this.activations <= MAX_ACTIVATIONS_PER_COMMAND) return false;
    const message = `Expected the instance to reach a wait state within ${MAX_ACTIVATIONS_PER_COMMAND} element activations, but it kept going; is there a loop without a wait state? Resolve the incident to continue`;
    this.raiseIncident(instance, new Failure('UNKNOWN', message), 'ACTIVATE');
    return true;
  }

  /**
   * Input mappings, catch points and the behaviour's work; a failure leaves the element
   * ACTIVATING with an incident (resolving it runs this again; catch points already open are kept).
   * An element activated by a trigger (after an event-based gateway, an event subprocess's start)
   * waits for nothing of its own: it was triggered.
   */
  private runActivation(instance: ElementInstanceRecord, trigger?: Record<string, unknown>): void {
    if (instance.elementType === 'bpmn:Process') return this.activateProcess(instance, this.model.startEventId ?? '');
    const node = this.node(instance.elementId);
    const inputs = applyInputMappings(this, instance, node);
    // A triggered element keeps its trigger with the incident: resolving it activates it again with the same variables.
    if (inputs) return this.raiseIncident(instance, inputs, 'ACTIVATE', null, trigger);
    const listening = runExecutionListener(this, instance, node, 'start', { index: 0, ...(trigger ? { trigger } : {}) });
    if (listening instanceof Failure) return this.raiseIncident(instance, listening, 'ACTIVATE', null, trigger);
    if (listening === 'done') this.proceedActivation(instance, node, trigger);
  }

  /** After the input mappings and the start listeners: catch points and the behaviour's work. */
  private proceedActivation(instance: ElementInstanceRecord, node: FlowNode, trigger?: Record<string, unknown>): void {
    if (!trigger || node.type === 'bpmn:SubProcess') {
      const opened = this.openCatchPointsOf(instance);
      if (opened) return this.raiseIncident(instance, opened, 'ACTIVATE', null, trigger);
    }
    const outcome = behaviourOf(instance, node).onActivate({ ...this.contextOf(instance, node), ...(trigger ? { trigger } : {}) });
    if (outcome instanceof Failure) return this.raiseIncident(instance, outcome, 'ACTIVATE', null, trigger);
    if (this.state.element(instance.elementInstanceKey)?.lifecycle !== 'ACTIVATING') return; // what it threw was caught around it
    if (outcome === 'hold') return;
    this.emit({ type: 'ELEMENT_ACTIVATED', elementInstanceKey: instance.elementInstanceKey, elementId: node.id });
    if (outcome === 'wait') return;
    if ('startScope' in outcome) {
      this.queue.push({ kind: 'activate', nodeId: outcome.startScope, flowScopeKey: instance.elementInstanceKey, ...(outcome.trigger ? { trigger: outcome.trigger } : {}) });
      return;
    }
    this.startCompletion(instance.elementInstanceKey, outcome.complete, outcome.result);
    if (outcome.jumpTo && instance.flowScopeKey) this.queue.push({ kind: 'activate', nodeId: outcome.jumpTo, flowScopeKey: instance.flowScopeKey });
  }

  startCompletion(elementInstanceKey: string, flowIds: string[] | undefined, result: Record<string, unknown> | undefined, trigger?: Record<string, unknown>): void {
    const instance = this.state.element(elementInstanceKey)!;
    this.emit({ type: 'ELEMENT_COMPLETING', elementInstanceKey, elementId: instance.elementId });
    closeCatchPoints(this, instance);
    this.runCompletion(instance, flowIds, result, trigger);
  }

  /**
   * Output mappings (variable-mappings.ts), then COMPLETED and the outgoing flows (`trigger`: the
   * variables the flows' targets are activated with). An inner instance of a multi-instance
   * activity reports to its body instead of taking flows.
   */
  private runCompletion(instance: ElementInstanceRecord, flowIds: string[] | undefined, result?: Record<string, unknown>, trigger?: Record<string, unknown>): void {
    if (instance.elementType === 'bpmn:Process') {
      const listening = runExecutionListener(this, instance, undefined, 'end', { index: 0 });
      if (listening instanceof Failure) return this.raiseIncident(instance, listening, 'COMPLETE');
      if (listening === 'done') this.finishProcess(instance);
      return;
    }
    const node = this.node(instance.elementId);
    const outputs = applyOutputMappings(this, instance, node, result);
    if (outputs) return this.raiseIncident(instance, outputs, 'COMPLETE');
    const listening = runExecutionListener(this, instance, node, 'end', { index: 0 });
    if (listening instanceof Failure) return this.raiseIncident(instance, listening, 'COMPLETE');
    if (listening === 'done') this.finishCompletion(instance, node, flowIds, trigger);
  }

  /** After the output mappings and the end listeners: the container's say, COMPLETED and the outgoing flows. */
  private finishCompletion(instance: ElementInstanceRecord, node: FlowNode, flowIds: string[] | undefined, trigger?: Record<string, unknown>): void {
    const key = instance.elementInstanceKey;
    const container = this.state.element(instance.flowScopeKey!)!;
    const containerBehaviour = container.elementType === 'bpmn:Process' ? undefined : behaviourOf(container, this.node(container.elementId));
    let siblingsEnd = false;
    if (containerBehaviour?.onChildCompleting) {
      const plan = containerBehaviour.onChildCompleting(this.contextOf(container, this.node(container.elementId)), instance);
      if (plan instanceof Failure) return this.raiseIncident(instance, plan, 'COMPLETE');
      siblingsEnd = plan.terminateSiblings;
    }
    behaviourOf(instance, node).onComplete?.(this.contextOf(instance, node));
    this.emit({ type: 'ELEMENT_COMPLETED', elementInstanceKey: key, elementId: node.id });
    onElementCompleted(this, instance);
    if (containerBehaviour?.onChildCompleting) {
      if (siblingsEnd) {
        const siblings = this.state.childrenOf(container.elementInstanceKey).map((sibling) => sibling.elementInstanceKey);
        terminateInnerInstances(this, container.elementInstanceKey, siblings, (sibling) => this.terminate(sibling));
      }
    } else {
      this.takeFlows(instance, flowIds ?? node.outgoing, trigger);
    }
    this.scopesToCheck.add(instance.flowScopeKey!);
  }

  private finishProcess(instance: ElementInstanceRecord): void {
    this.emit({ type: 'ELEMENT_COMPLETED', elementInstanceKey: instance.elementInstanceKey, elementId: instance.elementId });
    this.reportCompletionToParent();
  }

  /**
   * The process element, ACTIVATING with its variables: its start listeners, then ACTIVATED, its
   * event subprocesses' catch points and the start element. A catch point that does not open holds
   * the instance's start with an incident (resolving it opens them again).
   */
  activateProcess(processElement: ElementInstanceRecord, startElementId: string): void {
    const listening = runExecutionListener(this, processElement, undefined, 'start', { index: 0, startElementId });
    if (listening instanceof Failure) return this.raiseIncident(processElement, listening, 'ACTIVATE');
    if (listening === 'done') this.proceedProcess(processElement, startElementId);
  }

  private proceedProcess(processElement: ElementInstanceRecord, startElementId: string): void {
    this.emit({ type: 'ELEMENT_ACTIVATED', elementInstanceKey: processElement.elementInstanceKey, elementId: processElement.elementId });
    const opened = this.openCatchPointsOf(processElement);
    if (opened) this.raiseIncident(processElement, opened, 'ACTIVATE');
    this.activateInScope(this.node(startElementId), processElement.elementInstanceKey);
  }

  /**
   * An execution listener's job completed: a start listener's variables become local variables of
   * the element, an end listener's propagate from its flow scope (like output mappings; the
   * process's own stay on it). Then the next listener of that event type runs, or the element goes
   * on where its listeners held it.
   */
  completeExecutionListener(job: JobRecord, variables: Record<string, unknown>): void {
    const instance = this.state.element(job.elementInstanceKey)!;
    const isProcess = instance.elementType === 'bpmn:Process';
    const node = isProcess ? undefined : this.node(instance.elementId);
    const progress = job.listener ?? { index: 0 };
    const start = job.listenerEventType === 'START';
    if (start || isProcess) this.variables.setLocalDocument(instance.elementInstanceKey, variables);
    else this.variables.propagate(instance.flowScopeKey!, variables);
    const next = { ...progress, index: progress.index + 1 };
    const listening = runExecutionListener(this, instance, node, start ? 'start' : 'end', next);
    if (listening instanceof Failure) return this.raiseIncident(instance, listening, start ? 'ACTIVATE' : 'COMPLETE');
    if (listening === 'waiting') return;
    if (isProcess) return start ? this.proceedProcess(instance, progress.startElementId ?? this.model.startEventId ?? '') : this.finishProcess(instance);
    if (start) this.proceedActivation(instance, node!, progress.trigger);
    else this.finishCompletion(instance, node!, undefined);
  }

  /** A called instance completed: its parent's call activity gets the root variables (through the executor). */
  private reportCompletionToParent(): void {
    const instance = this.state.instance!;
    if (!instance.parentProcessInstanceKey || !instance.parentElementInstanceKey) return;
    const variables = Object.fromEntries([...this.state.variablesOf(instance.processInstanceKey)].map(([name, variable]) => [name, cloneJson(variable.value)]));
    this.emit({ type: 'CALLED_INSTANCE_COMPLETED', parentProcessInstanceKey: instance.parentProcessInstanceKey, parentElementInstanceKey: instance.parentElementInstanceKey, variables });
  }

  private takeFlows(source: ElementInstanceRecord, flowIds: string[], trigger?: Record<string, unknown>): void {
    const flowScopeKey = source.flowScopeKey!;
    for (const flowId of flowIds) {
      const flow = this.env.model.flows[flowId]!;
      const target = this.node(flow.targetId);
      const atJoin = isJoin(target);
      this.emit({ type: 'SEQUENCE_FLOW_TAKEN', flowId, sourceElementId: source.elementId, targetElementId: target.id, flowScopeKey, atJoin });
      if (!atJoin) this.queue.push({ kind: 'activate', nodeId: target.id, flowScopeKey, ...(trigger ? { trigger } : {}) });
      else if (target.type === 'bpmn:ParallelGateway') this.queue.push({ kind: 'check-parallel-join', nodeId: target.id, flowScopeKey });
      else if (target.type === 'bpmn:ComplexGateway') this.queue.push({ kind: 'check-complex-join', nodeId: target.id, flowScopeKey, flowId });
      // Inclusive joins are checked once the instance rests (scope-completion.ts).
    }
  }

  terminate(elementInstanceKey: string): void {
    terminate(this, elementInstanceKey);
  }

  terminateSiblings(instance: ElementInstanceRecord): void {
    terminateSiblings(this, instance);
    this.discardScopeTokens(instance.flowScopeKey!);
  }

  contextOf(instance: ElementInstanceRecord, node: FlowNode): ElementContext {
    return { node, instance, services: this, variables: () => this.variables.visible(instance.elementInstanceKey) };
  }
}
