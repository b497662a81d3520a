import type { BoundaryEventNode, CallActivityNode, FlowNode, IoMapping } from '#bpmn';
import { BEHAVIOURS } from '../behaviours/behaviours.js';
import type { ElementBehaviour, ElementContext } from '../behaviours/element-behaviour.js';
import { innerInstanceLocals, LOOP_COUNTER } from '../behaviours/multi-instance-body.behaviour.js';
import { applyEvent } from '../events/appliers.js';
import type { EngineEvent } from '../events/engine-event.js';
import type { InstanceState } from '../state/instance-state.js';
import { externalState, MULTI_INSTANCE_BODY, type ElementInstanceRecord, type IncidentRecord, type IncidentRetry, type TimerRecord } from '../state/records.js';
import { findErrorCatch, unhandledErrorMessage } from './error-catch.js';
import { inclusiveJoinReady, isJoin, parallelJoinReady } from './joins.js';
import { Failure, type ProcessingEnvironment } from './processing-environment.js';
import { timerDueDate } from './timer-due-date.js';
import { ValueEvaluator } from './value-evaluator.js';
import { VariableBehaviour } from './variable-behaviour.js';
import { DEFAULT_MAX_VARIABLE_DEPTH } from './variable-depth.js';
import { cloneJson } from './variable-paths.js';

/** Element activations one command may do before the rest waits behind an incident. */
export const MAX_ACTIVATIONS_PER_COMMAND = 10_000;

/** Work queued within one command, processed in order until the instance rests. */
type Step =
  | { kind: 'activate'; nodeId: string; flowScopeKey: string }
  | { kind: 'check-parallel-join'; nodeId: string; flowScopeKey: string }
  /** An inner instance of a multi-instance activity, in its body (`flowScopeKey`). */
  | { kind: 'activate-inner'; nodeId: string; flowScopeKey: string; item: unknown; loopCounter: number };

/** How a thrown error ended: caught by a boundary event, handed to the parent instance, or not caught (the Failure to raise). */
export type ThrowOutcome = 'caught' | 'escalated' | Failure;

/** Where a new instance starts and who called it (CREATE_PROCESS_INSTANCE, checked by the dispatcher). */
export interface InstanceStart {
  startElementId: string;
  processInstanceKey?: string;
  parentProcessInstanceKey?: string;
  parentElementInstanceKey?: string;
}

/**
 * One command's processing: the shared element lifecycle (ACTIVATING → ACTIVATED →
 * COMPLETING → COMPLETED, or TERMINATING → TERMINATED) driving the behaviours, run until
 * every token rests in a wait state (design.md invariant 3). It decides events; appliers
 * change the state as each event is emitted, so later decisions see earlier ones.
 *
 * Besides the behaviours' own work, the lifecycle owns what every activity shares: boundary
 * timers are created after an activity's input mappings and canceled when it completes or is
 * terminated; a triggered boundary event terminates its activity and continues in its flow
 * scope; a multi-instance body (Zeebe's MULTI_INSTANCE_BODY) wraps the inner instances.
 */
export class Processing {
  readonly events: EngineEvent[] = [];
  readonly variables: VariableBehaviour;
  readonly evaluator: ValueEvaluator;
  private readonly queue: Step[] = [];
  private readonly scopesToCheck = new Set<string>();
  private activations = 0;

  constructor(
    readonly state: InstanceState,
    readonly env: ProcessingEnvironment,
  ) {
    this.variables = new VariableBehaviour(state, (event) => this.emit(event), () => this.nextKey(), env.maxVariableDepth ?? DEFAULT_MAX_VARIABLE_DEPTH);
    this.evaluator = new ValueEvaluator(env.feel, { now: new Date(env.now), ...(env.uuid ? { uuid: env.uuid } : {}), ...(env.random ? { random: env.random } : {}) });
  }

  emit(event: EngineEvent): void {
    applyEvent(this.state, event, this.env.now);
    this.events.push(event);
  }

  nextKey(): string {
    return this.env.keys.next();
  }

  /** Evaluates a FEEL expression to any value, or a failure (EXTRACT_VALUE_ERROR). */
  feelResult(expression: string, variables: Record<string, unknown>): unknown {
    return this.evaluator.any({ kind: 'feel', expression }, variables);
  }

  node(elementId: string): FlowNode {
    const node = this.env.model.elements[elementId];
    if (!node) throw new Error(`Element '${elementId}' is not in process '${this.env.model.id}'`);
    return node;
  }

  // ---- entry points (commands) ----

  /** Creates the instance with its variables and runs it to its first wait states. */
  createInstance(variables: Record<string, unknown>, businessId: string | null, startedBy: string, start: InstanceStart): string {
    const { definition, model, now } = this.env;
    const processInstanceKey = start.processInstanceKey ?? this.nextKey();
    this.emit({
      type: 'PROCESS_INSTANCE_CREATED',
      instance: {
        processInstanceKey,
        processDefinitionKey: definition.processDefinitionKey,
        processDefinitionId: definition.processDefinitionId,
        processDefinitionVersion: definition.version,
        processDefinitionName: definition.name,
        versionTag: definition.versionTag,
        tenantId: definition.tenantId,
        state: 'ACTIVE',
        businessId,
        startDate: now,
        endDate: null,
        startedBy,
        incidentCount: 0,
        ...(start.parentProcessInstanceKey && start.parentElementInstanceKey
          ? { parentProcessInstanceKey: start.parentProcessInstanceKey, parentElementInstanceKey: start.parentElementInstanceKey }
          : {}),
      },
    });
    this.emit({ type: 'ELEMENT_ACTIVATING', elementInstanceKey: processInstanceKey, elementId: model.id, elementType: 'bpmn:Process', elementName: model.name ?? null, flowScopeKey: null });
    this.variables.setLocalDocument(processInstanceKey, variables);
    this.emit({ type: 'ELEMENT_ACTIVATED', elementInstanceKey: processInstanceKey, elementId: model.id });
    this.queue.push({ kind: 'activate', nodeId: start.startElementId, flowScopeKey: processInstanceKey });
    this.run();
    return processInstanceKey;
  }

  /** Completes a waiting element with a result document (job or user task variables). */
  completeWaiting(elementInstanceKey: string, result: Record<string, unknown> | undefined): void {
    this.startCompletion(elementInstanceKey, undefined, result);
    this.run();
  }

  /** Terminates the whole instance (cancel). */
  cancel(): void {
    this.terminate(this.state.instance!.processInstanceKey);
    this.run();
  }

  /**
   * Resolves an incident and retries what failed: the element's activation or completion, its
   * job (offered to workers again), or its call (a call activity: the child it waits for, if any,
   * is canceled and a new one requested).
   */
  resolveIncident(incident: IncidentRecord): void {
    this.emit({ type: 'INCIDENT_RESOLVED', incidentKey: incident.incidentKey, elementInstanceKey: incident.elementInstanceKey });
    const element = this.state.element(incident.elementInstanceKey);
    if (element && externalState(element.lifecycle) === 'ACTIVE') {
      if (incident.retry === 'ACTIVATE' && element.lifecycle === 'ACTIVATING') this.runActivation(element);
      if (incident.retry === 'COMPLETE' && element.lifecycle === 'COMPLETING') this.runCompletion(element, undefined);
      const job = incident.jobKey ? this.state.jobs.get(incident.jobKey) : undefined;
      if (incident.retry === 'JOB' && job) this.emit({ type: 'JOB_RECURRED', jobKey: job.jobKey, elementInstanceKey: job.elementInstanceKey });
      if (incident.retry === 'CALL' && element.lifecycle === 'ACTIVATED' && element.elementType === 'bpmn:CallActivity') {
        if (incident.errorType !== 'CALLED_ELEMENT_ERROR') this.cancelChildInstance(element);
        const failed = this.requestChildInstance(element, this.node(element.elementId) as CallActivityNode);
        if (failed) this.raiseIncident(element, failed, 'CALL');
      }
    }
    this.run();
  }

  /**
   * A BPMN error thrown at an element by its job's worker (`retry` 'JOB'), or by the child of a
   * call activity (`retry` 'CALL'). Caught: the boundary event continues; in a called instance
   * with no catch event: handed to the parent; otherwise an incident UNHANDLED_ERROR_EVENT holds
   * the element, and resolving it offers the job again or calls the process again.
   */
  throwErrorFrom(thrower: ElementInstanceRecord, errorCode: string, errorMessage: string | null, variables: Record<string, unknown>, retry: 'JOB' | 'CALL', jobKey: string | null): void {
    const thrown = this.throwError(thrower, errorCode, errorMessage, variables);
    if (thrown instanceof Failure) this.raiseIncident(thrower, thrown, retry, jobKey);
    this.run();
  }

  /** A due timer fires: its catch event completes, or its boundary event interrupts the activity. */
  triggerTimer(timer: TimerRecord): void {
    this.emit({ type: 'TIMER_TRIGGERED', timerKey: timer.timerKey, elementInstanceKey: timer.elementInstanceKey, elementId: timer.elementId });
    const node = this.node(timer.elementId);
    const owner = this.state.element(timer.elementInstanceKey)!;
    if (node.type === 'bpmn:BoundaryEvent') this.triggerBoundaryEvent(node, owner, {});
    else this.startCompletion(owner.elementInstanceKey, undefined, undefined);
    this.run();
  }

  /**
   * The child of a call activity completed with its root variables (Camunda 8: with
   * propagateAllChildVariables, the default, they all come back; output mappings read them and
   * then only their results come back; without either nothing does).
   */
  completeCallActivity(instance: ElementInstanceRecord, variables: Record<string, unknown>): void {
    const node = this.node(instance.elementId) as CallActivityNode;
    const hasOutputs = (this.mappingsOf(instance, node)?.outputs.length ?? 0) > 0;
    this.completeWaiting(instance.elementInstanceKey, node.calledElement.propagateAllChildVariables || hasOutputs ? variables : undefined);
  }

  /** The called process is not deployed: incident CALLED_ELEMENT_ERROR; resolving it calls again. */
  calledElementNotFound(instance: ElementInstanceRecord, message: string): void {
    this.raiseIncident(instance, new Failure('CALLED_ELEMENT_ERROR', message), 'CALL');
    this.run();
  }

  // ---- services for behaviours ----

  /**
   * Throws a BPMN error at an element: the nearest catching boundary event (error-catch.ts)
   * terminates its activity and continues with the error's variables. Not caught in a called
   * instance: ERROR_ESCALATED_TO_PARENT (the executor throws it at the parent's call activity).
   * Not caught at all: the Failure to raise, nothing emitted.
   */
  throwError(thrower: ElementInstanceRecord, errorCode: string, errorMessage: string | null, variables: Record<string, unknown>): ThrowOutcome {
    const found = findErrorCatch(this.state, this.env.model, thrower, errorCode);
    if ('boundary' in found) {
      this.emit({
        type: 'ERROR_CAUGHT',
        elementInstanceKey: thrower.elementInstanceKey,
        errorCode,
        errorMessage,
        boundaryElementId: found.boundary.id,
        hostElementInstanceKey: found.host.elementInstanceKey,
      });
      this.triggerBoundaryEvent(found.boundary, found.host, variables);
      return 'caught';
    }
    const instance = this.state.instance!;
    if (instance.parentProcessInstanceKey && instance.parentElementInstanceKey) {
      this.emit({
        type: 'ERROR_ESCALATED_TO_PARENT',
        parentProcessInstanceKey: instance.parentProcessInstanceKey,
        parentElementInstanceKey: instance.parentElementInstanceKey,
        elementInstanceKey: thrower.elementInstanceKey,
        elementId: thrower.elementId,
        errorCode,
        errorMessage,
        variables: cloneJson(variables),
      });
      return 'escalated';
    }
    return new Failure('UNHANDLED_ERROR_EVENT', unhandledErrorMessage(errorCode, errorMessage, found.availableCodes));
  }

  /**
   * Asks for the child instance of a call activity: the called process id (evaluated now), the
   * variables (every visible one with propagateAllParentVariables, the default; else only the
   * call activity's local ones, its input mappings) and a new key for the child.
   */
  requestChildInstance(instance: ElementInstanceRecord, node: CallActivityNode): Failure | undefined {
    const definition = node.calledElement;
    const visible = this.variables.visible(instance.elementInstanceKey);
    const processDefinitionId = this.evaluator.string(definition.processId, visible);
    if (processDefinitionId instanceof Failure) return processDefinitionId;
    if (processDefinitionId.trim() === '') return new Failure('EXTRACT_VALUE_ERROR', `Expected a non-empty process id to call from '${node.id}' but the expression gave an empty string`);
    const locals = Object.fromEntries([...this.state.variablesOf(instance.elementInstanceKey)].map(([name, variable]) => [name, variable.value]));
    this.emit({
      type: 'CHILD_INSTANCE_REQUESTED',
      elementInstanceKey: instance.elementInstanceKey,
      elementId: node.id,
      childProcessInstanceKey: this.nextKey(),
      processDefinitionId,
      bindingType: definition.bindingType,
      versionTag: definition.versionTag ?? null,
      variables: cloneJson(definition.propagateAllParentVariables ? visible : locals),
    });
    return undefined;
  }

  /** Asks for the child of a call activity to be canceled (unless it was never created: called element not found). */
  cancelChildInstance(instance: ElementInstanceRecord): void {
    const childProcessInstanceKey = instance.calledProcessInstanceKey;
    if (!childProcessInstanceKey) return;
    if (this.state.activeIncidentsOf(instance.elementInstanceKey).some((incident) => incident.errorType === 'CALLED_ELEMENT_ERROR')) return;
    this.emit({ type: 'CHILD_INSTANCE_CANCEL_REQUESTED', elementInstanceKey: instance.elementInstanceKey, childProcessInstanceKey });
  }

  /** Schedules a timer owned by an element instance. */
  createTimer(elementInstanceKey: string, elementId: string, dueDate: string): void {
    this.emit({ type: 'TIMER_CREATED', timer: { timerKey: this.nextKey(), elementInstanceKey, elementId, dueDate, state: 'ACTIVE' } });
  }

  /** Queues an inner instance of a multi-instance activity in its body. */
  enqueueInnerInstance(node: FlowNode, bodyKey: string, item: unknown, loopCounter: number): void {
    this.queue.push({ kind: 'activate-inner', nodeId: node.id, flowScopeKey: bodyKey, item, loopCounter });
  }

  /** Has a scope completed once the instance rests, if nothing is left active in it. */
  checkScope(flowScopeKey: string): void {
    this.scopesToCheck.add(flowScopeKey);
  }

  // ---- the lifecycle ----

  private run(): void {
    for (;;) {
      while (this.queue.length > 0) this.handle(this.queue.shift()!);
      if (this.fireInclusiveJoins()) continue;
      if (this.completeFinishedScopes()) continue;
      return;
    }
  }

  private handle(step: Step): void {
    const scope = this.state.element(step.flowScopeKey);
    if (!scope || scope.lifecycle !== 'ACTIVATED') return; // the scope ended meanwhile (terminate end event, boundary event)
    if (step.kind === 'activate') {
      this.activate(this.node(step.nodeId), step.flowScopeKey, undefined);
    } else if (step.kind === 'activate-inner') {
      this.activateInner(this.node(step.nodeId), step.flowScopeKey, step.item, step.loopCounter);
    } else {
      const join = this.node(step.nodeId);
      if (parallelJoinReady(join, this.state.tokensIn(step.flowScopeKey))) this.activate(join, step.flowScopeKey, join.incoming);
    }
  }

  /** Activates an element reached by a token: a multi-instance activity is entered through its body. */
  private activate(node: FlowNode, flowScopeKey: string, consumedFlowIds: string[] | undefined, trigger?: Record<string, unknown>): void {
    const elementInstanceKey = this.nextKey();
    this.emit({
      type: 'ELEMENT_ACTIVATING',
      elementInstanceKey,
      elementId: node.id,
      elementType: node.multiInstance ? MULTI_INSTANCE_BODY : node.type,
      elementName: node.name ?? null,
      flowScopeKey,
      ...(consumedFlowIds ? { consumedFlowIds } : {}),
    });
    const instance = this.state.element(elementInstanceKey)!;
    if (this.overBudget(instance)) return;
    this.runActivation(instance, trigger);
  }

  /** Activates an inner instance of a multi-instance activity with its input element and loop counter. */
  private activateInner(node: FlowNode, bodyKey: string, item: unknown, loopCounter: number): void {
    const elementInstanceKey = this.nextKey();
    this.emit({ type: 'ELEMENT_ACTIVATING', elementInstanceKey, elementId: node.id, elementType: node.type, elementName: node.name ?? null, flowScopeKey: bodyKey });
    this.variables.setLocalDocument(elementInstanceKey, innerInstanceLocals(node.multiInstance!, item, loopCounter));
    const instance = this.state.element(elementInstanceKey)!;
    if (this.overBudget(instance)) return;
    this.runActivation(instance);
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
   * Input mappings, boundary timers and the behaviour's work; a failure leaves the element
   * ACTIVATING with an incident (resolving it runs this again; timers already created are kept).
   */
  private runActivation(instance: ElementInstanceRecord, trigger?: Record<string, unknown>): void {
    const node = this.node(instance.elementId);
    const inputs = this.mappingsOf(instance, node)?.inputs ?? [];
    if (inputs.length > 0) {
      const locals = this.variables.evaluateInputs(inputs, instance.flowScopeKey!, this.evaluator, node.id, this.innerLoopVariables(instance, node));
      if (locals instanceof Failure) return this.raiseIncident(instance, locals, 'ACTIVATE');
      this.variables.setLocalDocument(instance.elementInstanceKey, locals);
    }
    const timers = this.createBoundaryTimers(instance, node);
    if (timers instanceof Failure) return this.raiseIncident(instance, timers, 'ACTIVATE');
    const outcome = this.behaviourOf(instance, node).onActivate({ ...this.contextOf(instance, node), ...(trigger ? { trigger } : {}) });
    if (outcome instanceof Failure) return this.raiseIncident(instance, outcome, 'ACTIVATE');
    if (this.state.element(instance.elementInstanceKey)?.lifecycle !== 'ACTIVATING') return; // an error it threw was caught around it
    this.emit({ type: 'ELEMENT_ACTIVATED', elementInstanceKey: instance.elementInstanceKey, elementId: node.id });
    if (outcome === 'wait') return;
    if ('startScope' in outcome) {
      this.queue.push({ kind: 'activate', nodeId: outcome.startScope, flowScopeKey: instance.elementInstanceKey });
      return;
    }
    this.startCompletion(instance.elementInstanceKey, outcome.complete, outcome.result);
  }

  /**
   * Creates the timers of an activity's timer boundary events, evaluated in the activity's scope
   * after its input mappings (Zeebe subscribes to boundary events there). The inner instances of
   * a multi-instance activity have none: the boundary events belong to the body.
   */
  private createBoundaryTimers(instance: ElementInstanceRecord, node: FlowNode): Failure | undefined {
    if (!node.boundaryEventIds || instance.elementType === 'bpmn:Process' || this.isInner(instance)) return undefined;
    const existing = this.state.activeTimersOf(instance.elementInstanceKey);
    const due: Array<{ elementId: string; dueDate: string }> = [];
    for (const boundaryId of node.boundaryEventIds) {
      const boundary = this.node(boundaryId);
      if (boundary.type !== 'bpmn:BoundaryEvent' || !boundary.timer || existing.some((timer) => timer.elementId === boundaryId)) continue;
      const dueDate = timerDueDate(boundary.timer, this.variables.visible(instance.elementInstanceKey), this.evaluator, this.env.now);
      if (dueDate instanceof Failure) return new Failure(dueDate.errorType, `Failed to evaluate the timer of boundary event '${boundaryId}': ${dueDate.message}`);
      due.push({ elementId: boundaryId, dueDate });
    }
    for (const timer of due) this.createTimer(instance.elementInstanceKey, timer.elementId, timer.dueDate);
    return undefined;
  }

  /**
   * A boundary event triggered (its timer fired, or it caught an error): its activity is
   * terminated with everything inside it, and the event is activated in the activity's flow
   * scope with the trigger's variables (Camunda 8 interrupting boundary events).
   */
  private triggerBoundaryEvent(boundary: BoundaryEventNode, host: ElementInstanceRecord, variables: Record<string, unknown>): void {
    const flowScopeKey = host.flowScopeKey!;
    this.terminate(host.elementInstanceKey);
    this.activate(boundary, flowScopeKey, undefined, variables);
  }

  private startCompletion(elementInstanceKey: string, flowIds: string[] | undefined, result: Record<string, unknown> | undefined): void {
    const instance = this.state.element(elementInstanceKey)!;
    this.emit({ type: 'ELEMENT_COMPLETING', elementInstanceKey, elementId: instance.elementId });
    this.cancelTimers(instance);
    this.runCompletion(instance, flowIds, result);
  }

  /**
   * Output mappings (or propagation of the result document), then COMPLETED and the outgoing
   * flows. With output mappings, the result is first kept as local variables, so that a failed
   * mapping can be retried after the incident is resolved. An inner instance of a multi-instance
   * activity reports to its body instead of taking flows.
   */
  private runCompletion(instance: ElementInstanceRecord, flowIds: string[] | undefined, result?: Record<string, unknown>): void {
    const key = instance.elementInstanceKey;
    if (instance.elementType === 'bpmn:Process') {
      this.emit({ type: 'ELEMENT_COMPLETED', elementInstanceKey: key, elementId: instance.elementId });
      this.reportCompletionToParent();
      return;
    }
    const node = this.node(instance.elementId);
    const outputs = this.mappingsOf(instance, node)?.outputs ?? [];
    if (outputs.length > 0) {
      if (result) this.variables.setLocalDocument(key, result);
      // Like Zeebe, an inner multi-instance instance merges its outputs from its own scope, so a
      // mapping can set its (local) output element variable.
      const mergeScope = this.isInner(instance) ? key : instance.flowScopeKey!;
      const document = this.variables.evaluateOutputs(outputs, key, mergeScope, this.evaluator, node.id);
      if (document instanceof Failure) return this.raiseIncident(instance, document, 'COMPLETE');
      this.variables.propagate(mergeScope, document);
    } else if (result) {
      this.variables.propagate(key, result);
    }
    const container = this.state.element(instance.flowScopeKey!)!;
    const containerBehaviour = container.elementType === 'bpmn:Process' ? undefined : this.behaviourOf(container, this.node(container.elementId));
    let terminateSiblings = false;
    if (containerBehaviour?.onChildCompleting) {
      const plan = containerBehaviour.onChildCompleting(this.contextOf(container, this.node(container.elementId)), instance);
      if (plan instanceof Failure) return this.raiseIncident(instance, plan, 'COMPLETE');
      terminateSiblings = plan.terminateSiblings;
    }
    this.behaviourOf(instance, node).onComplete?.(this.contextOf(instance, node));
    this.emit({ type: 'ELEMENT_COMPLETED', elementInstanceKey: key, elementId: node.id });
    if (containerBehaviour?.onChildCompleting) {
      if (terminateSiblings) for (const sibling of this.state.childrenOf(container.elementInstanceKey)) this.terminate(sibling.elementInstanceKey);
    } else {
      this.takeFlows(instance, flowIds ?? node.outgoing);
    }
    this.scopesToCheck.add(instance.flowScopeKey!);
  }

  /** A called instance completed: its parent's call activity gets the root variables (through the executor). */
  private reportCompletionToParent(): void {
    const instance = this.state.instance!;
    if (!instance.parentProcessInstanceKey || !instance.parentElementInstanceKey) return;
    const variables = Object.fromEntries([...this.state.variablesOf(instance.processInstanceKey)].map(([name, variable]) => [name, cloneJson(variable.value)]));
    this.emit({ type: 'CALLED_INSTANCE_COMPLETED', parentProcessInstanceKey: instance.parentProcessInstanceKey, parentElementInstanceKey: instance.parentElementInstanceKey, variables });
  }

  private takeFlows(source: ElementInstanceRecord, flowIds: string[]): void {
    const flowScopeKey = source.flowScopeKey!;
    for (const flowId of flowIds) {
      const flow = this.env.model.flows[flowId]!;
      const target = this.node(flow.targetId);
      const atJoin = isJoin(target);
      this.emit({ type: 'SEQUENCE_FLOW_TAKEN', flowId, sourceElementId: source.elementId, targetElementId: target.id, flowScopeKey, atJoin });
      if (!atJoin) this.queue.push({ kind: 'activate', nodeId: target.id, flowScopeKey });
      else if (target.type === 'bpmn:ParallelGateway') this.queue.push({ kind: 'check-parallel-join', nodeId: target.id, flowScopeKey });
      // Inclusive joins are checked once the instance rests (fireInclusiveJoins).
    }
  }

  /**
   * Terminates an element instance and everything inside it: children first, waiting join
   * tokens discarded, timers, jobs and user tasks canceled, a called child canceled, incidents
   * resolved.
   */
  terminate(elementInstanceKey: string): void {
    const instance = this.state.element(elementInstanceKey);
    if (!instance || externalState(instance.lifecycle) !== 'ACTIVE' || instance.lifecycle === 'TERMINATING') return;
    this.emit({ type: 'ELEMENT_TERMINATING', elementInstanceKey, elementId: instance.elementId });
    for (const child of this.state.childrenOf(elementInstanceKey)) this.terminate(child.elementInstanceKey);
    if (this.state.tokensIn(elementInstanceKey).size > 0) this.emit({ type: 'JOIN_TOKENS_DISCARDED', flowScopeKey: elementInstanceKey });
    this.cancelTimers(instance);
    if (instance.elementType !== 'bpmn:Process') {
      const node = this.node(instance.elementId);
      this.behaviourOf(instance, node).onTerminate?.(this.contextOf(instance, node));
    }
    for (const incident of this.state.activeIncidentsOf(elementInstanceKey)) {
      this.emit({ type: 'INCIDENT_RESOLVED', incidentKey: incident.incidentKey, elementInstanceKey });
    }
    this.emit({ type: 'ELEMENT_TERMINATED', elementInstanceKey, elementId: instance.elementId });
  }

  /** Terminates the other active elements in a scope and its waiting tokens (terminate end event). */
  terminateSiblings(instance: ElementInstanceRecord): void {
    const flowScopeKey = instance.flowScopeKey!;
    for (const sibling of this.state.childrenOf(flowScopeKey)) {
      if (sibling.elementInstanceKey !== instance.elementInstanceKey) this.terminate(sibling.elementInstanceKey);
    }
    if (this.state.tokensIn(flowScopeKey).size > 0) this.emit({ type: 'JOIN_TOKENS_DISCARDED', flowScopeKey });
    this.queue.splice(0, this.queue.length, ...this.queue.filter((step) => step.flowScopeKey !== flowScopeKey));
  }

  raiseIncident(instance: ElementInstanceRecord, failure: Failure, retry: IncidentRetry, jobKey: string | null = null): void {
    this.emit({
      type: 'INCIDENT_CREATED',
      incidentKey: this.nextKey(),
      elementInstanceKey: instance.elementInstanceKey,
      elementId: instance.elementId,
      errorType: failure.errorType,
      errorMessage: failure.message,
      retry,
      jobKey,
    });
  }

  /** Cancels the active timers an element instance owns (its boundary events', or its own as a timer catch event). */
  private cancelTimers(instance: ElementInstanceRecord): void {
    for (const timer of this.state.activeTimersOf(instance.elementInstanceKey)) {
      this.emit({ type: 'TIMER_CANCELED', timerKey: timer.timerKey, elementInstanceKey: instance.elementInstanceKey });
    }
  }

  /** Fires inclusive joins whose missing tokens can no longer arrive; true if one fired. */
  private fireInclusiveJoins(): boolean {
    for (const flowScopeKey of this.state.scopesWithTokens()) {
      const scope = this.state.element(flowScopeKey);
      if (!scope || scope.lifecycle !== 'ACTIVATED') continue;
      const tokens = this.state.tokensIn(flowScopeKey);
      const waitingAt = new Set([...tokens.keys()].map((flowId) => this.env.model.flows[flowId]!.targetId));
      const live = [...this.state.childrenOf(flowScopeKey).map((child) => child.elementId), ...waitingAt];
      for (const joinId of waitingAt) {
        const join = this.node(joinId);
        if (join.type !== 'bpmn:InclusiveGateway') continue;
        const others = live.filter((id) => id !== joinId);
        if (inclusiveJoinReady(this.env.model, join, tokens, others)) {
          this.activate(join, flowScopeKey, join.incoming.filter((flowId) => (tokens.get(flowId) ?? 0) > 0));
          return true;
        }
      }
    }
    return false;
  }

  /** Completes scopes (subprocesses, multi-instance bodies, the process) with nothing left inside; true if one did. */
  private completeFinishedScopes(): boolean {
    let completed = false;
    for (const flowScopeKey of [...this.scopesToCheck]) {
      this.scopesToCheck.delete(flowScopeKey);
      const scope = this.state.element(flowScopeKey);
      if (!scope || scope.lifecycle !== 'ACTIVATED') continue;
      if (this.state.childrenOf(flowScopeKey).length > 0 || this.state.tokensIn(flowScopeKey).size > 0) continue;
      this.startCompletion(flowScopeKey, undefined, undefined);
      completed = true;
    }
    return completed;
  }

  /** The behaviour of an element instance: its element type's, or the multi-instance body's. */
  private behaviourOf(instance: ElementInstanceRecord, node: FlowNode): ElementBehaviour {
    return BEHAVIOURS[instance.elementType === MULTI_INSTANCE_BODY ? MULTI_INSTANCE_BODY : node.type];
  }

  /** The element's variable mappings, unless its behaviour has none (gateways, multi-instance bodies). */
  private mappingsOf(instance: ElementInstanceRecord, node: FlowNode): IoMapping | undefined {
    return this.behaviourOf(instance, node).variableMappings === false ? undefined : node.ioMapping;
  }

  /** True for an inner instance of a multi-instance activity (its flow scope is the body). */
  private isInner(instance: ElementInstanceRecord): boolean {
    return instance.flowScopeKey !== null && this.state.element(instance.flowScopeKey)?.elementType === MULTI_INSTANCE_BODY;
  }

  /** An inner instance's input element and loop counter, which its input mappings may read. */
  private innerLoopVariables(instance: ElementInstanceRecord, node: FlowNode): Record<string, unknown> {
    if (!node.multiInstance || !this.isInner(instance)) return {};
    const locals = this.state.variablesOf(instance.elementInstanceKey);
    const names = [node.multiInstance.inputElement, LOOP_COUNTER].filter((name): name is string => name !== undefined);
    return Object.fromEntries(names.filter((name) => locals.has(name)).map((name) => [name, locals.get(name)!.value]));
  }

  private contextOf(instance: ElementInstanceRecord, node: FlowNode): ElementContext {
    return { node, instance, processing: this, variables: () => this.variables.visible(instance.elementInstanceKey) };
  }
}
