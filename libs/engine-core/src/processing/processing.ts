import type { FlowNode, IoMapping } from '#bpmn';
import { BEHAVIOURS } from '../behaviours/behaviours.js';
import type { ElementContext } from '../behaviours/element-behaviour.js';
import { applyEvent } from '../events/appliers.js';
import type { EngineEvent } from '../events/engine-event.js';
import type { InstanceState } from '../state/instance-state.js';
import { externalState, type ElementInstanceRecord, type IncidentRecord, type IncidentRetry } from '../state/records.js';
import { inclusiveJoinReady, isJoin, parallelJoinReady } from './joins.js';
import { Failure, type ProcessingEnvironment } from './processing-environment.js';
import { ValueEvaluator } from './value-evaluator.js';
import { VariableBehaviour } from './variable-behaviour.js';

/** Element activations one command may do before the rest waits behind an incident. */
export const MAX_ACTIVATIONS_PER_COMMAND = 10_000;

/** Work queued within one command, processed in order until the instance rests. */
type Step =
  | { kind: 'activate'; nodeId: string; flowScopeKey: string }
  | { kind: 'check-parallel-join'; nodeId: string; flowScopeKey: string };

/**
 * One command's processing: the shared element lifecycle (ACTIVATING → ACTIVATED →
 * COMPLETING → COMPLETED, or TERMINATING → TERMINATED) driving the behaviours, run until
 * every token rests in a wait state (design.md invariant 3). It decides events; appliers
 * change the state as each event is emitted, so later decisions see earlier ones.
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
    this.variables = new VariableBehaviour(state, (event) => this.emit(event), () => this.nextKey());
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
  createInstance(variables: Record<string, unknown>, businessId: string | null, startedBy: string): string {
    const { definition, model, now } = this.env;
    const processInstanceKey = this.nextKey();
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
      },
    });
    this.emit({ type: 'ELEMENT_ACTIVATING', elementInstanceKey: processInstanceKey, elementId: model.id, elementType: 'bpmn:Process', elementName: model.name ?? null, flowScopeKey: null });
    this.variables.setLocalDocument(processInstanceKey, variables);
    this.emit({ type: 'ELEMENT_ACTIVATED', elementInstanceKey: processInstanceKey, elementId: model.id });
    this.queue.push({ kind: 'activate', nodeId: model.startEventId, flowScopeKey: processInstanceKey });
    this.run();
    return processInstanceKey;
  }

  /** Completes a waiting element with a result document (job or user task variables). */
  completeWaiting(elementInstanceKey: string, result: Record<string, unknown>): void {
    this.startCompletion(elementInstanceKey, undefined, result);
    this.run();
  }

  /** Terminates the whole instance (cancel). */
  cancel(): void {
    this.terminate(this.state.instance!.processInstanceKey);
    this.run();
  }

  /**
   * Resolves an incident and retries what failed: the element's activation or completion, or
   * (for job incidents) offers the job to workers again.
   */
  resolveIncident(incident: IncidentRecord): void {
    this.emit({ type: 'INCIDENT_RESOLVED', incidentKey: incident.incidentKey, elementInstanceKey: incident.elementInstanceKey });
    const element = this.state.element(incident.elementInstanceKey);
    if (element && externalState(element.lifecycle) === 'ACTIVE') {
      if (incident.retry === 'ACTIVATE' && element.lifecycle === 'ACTIVATING') this.runActivation(element);
      if (incident.retry === 'COMPLETE' && element.lifecycle === 'COMPLETING') this.runCompletion(element, undefined);
      const job = incident.jobKey ? this.state.jobs.get(incident.jobKey) : undefined;
      if (incident.retry === 'JOB' && job) this.emit({ type: 'JOB_RECURRED', jobKey: job.jobKey, elementInstanceKey: job.elementInstanceKey });
    }
    this.run();
  }

  /**
   * A BPMN error thrown at an element (by its job's worker). Catching it with boundary events
   * and event subprocesses is not executed yet, so every error is unhandled: an incident
   * UNHANDLED_ERROR_EVENT holds the element; resolving it offers the job again.
   */
  throwError(instance: ElementInstanceRecord, errorCode: string, errorMessage: string | null, _variables: Record<string, unknown>, jobKey: string | null): void {
    const message = `Expected to throw an error event with the code '${errorCode}'${errorMessage ? ` with message '${errorMessage}'` : ''}, but it was not caught. No error events are available in the scope.`;
    this.raiseIncident(instance, new Failure('UNHANDLED_ERROR_EVENT', message), 'JOB', jobKey);
    this.run();
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
    if (!scope || scope.lifecycle !== 'ACTIVATED') return; // the scope ended meanwhile (terminate end event)
    if (step.kind === 'activate') {
      this.activate(this.node(step.nodeId), step.flowScopeKey, undefined);
    } else {
      const join = this.node(step.nodeId);
      if (parallelJoinReady(join, this.state.tokensIn(step.flowScopeKey))) this.activate(join, step.flowScopeKey, join.incoming);
    }
  }

  private activate(node: FlowNode, flowScopeKey: string, consumedFlowIds: string[] | undefined): void {
    this.activations += 1;
    const elementInstanceKey = this.nextKey();
    this.emit({
      type: 'ELEMENT_ACTIVATING',
      elementInstanceKey,
      elementId: node.id,
      elementType: node.type,
      elementName: node.name ?? null,
      flowScopeKey,
      ...(consumedFlowIds ? { consumedFlowIds } : {}),
    });
    const instance = this.state.element(elementInstanceKey)!;
    if (this.activations > MAX_ACTIVATIONS_PER_COMMAND) {
      // A loop without a wait state would otherwise hold the instance's lock forever.
      const message = `Expected the instance to reach a wait state within ${MAX_ACTIVATIONS_PER_COMMAND} element activations, but it kept going; is there a loop without a wait state? Resolve the incident to continue`;
      return this.raiseIncident(instance, new Failure('UNKNOWN', message), 'ACTIVATE');
    }
    this.runActivation(instance);
  }

  /** Input mappings and the behaviour's work; a failure leaves the element ACTIVATING with an incident. */
  private runActivation(instance: ElementInstanceRecord): void {
    const node = this.node(instance.elementId);
    const inputs = this.mappingsOf(node)?.inputs ?? [];
    if (inputs.length > 0) {
      const locals = this.variables.evaluateInputs(inputs, instance.flowScopeKey!, this.evaluator, node.id);
      if (locals instanceof Failure) return this.raiseIncident(instance, locals, 'ACTIVATE');
      this.variables.setLocalDocument(instance.elementInstanceKey, locals);
    }
    const outcome = BEHAVIOURS[node.type].onActivate(this.contextOf(instance, node) as never);
    if (outcome instanceof Failure) return this.raiseIncident(instance, outcome, 'ACTIVATE');
    this.emit({ type: 'ELEMENT_ACTIVATED', elementInstanceKey: instance.elementInstanceKey, elementId: node.id });
    if (outcome === 'wait') return;
    if ('startScope' in outcome) {
      this.queue.push({ kind: 'activate', nodeId: outcome.startScope, flowScopeKey: instance.elementInstanceKey });
      return;
    }
    this.startCompletion(instance.elementInstanceKey, outcome.complete, outcome.result);
  }

  private startCompletion(elementInstanceKey: string, flowIds: string[] | undefined, result: Record<string, unknown> | undefined): void {
    const instance = this.state.element(elementInstanceKey)!;
    this.emit({ type: 'ELEMENT_COMPLETING', elementInstanceKey, elementId: instance.elementId });
    this.runCompletion(instance, flowIds, result);
  }

  /**
   * Output mappings (or propagation of the result document), then COMPLETED and the outgoing
   * flows. With output mappings, the result is first kept as local variables, so that a failed
   * mapping can be retried after the incident is resolved.
   */
  private runCompletion(instance: ElementInstanceRecord, flowIds: string[] | undefined, result?: Record<string, unknown>): void {
    const key = instance.elementInstanceKey;
    if (instance.elementType === 'bpmn:Process') {
      this.emit({ type: 'ELEMENT_COMPLETED', elementInstanceKey: key, elementId: instance.elementId });
      return;
    }
    const node = this.node(instance.elementId);
    const outputs = this.mappingsOf(node)?.outputs ?? [];
    if (outputs.length > 0) {
      if (result) this.variables.setLocalDocument(key, result);
      const document = this.variables.evaluateOutputs(outputs, key, instance.flowScopeKey!, this.evaluator, node.id);
      if (document instanceof Failure) return this.raiseIncident(instance, document, 'COMPLETE');
      this.variables.propagate(instance.flowScopeKey!, document);
    } else if (result) {
      this.variables.propagate(key, result);
    }
    this.emit({ type: 'ELEMENT_COMPLETED', elementInstanceKey: key, elementId: node.id });
    this.takeFlows(instance, flowIds ?? node.outgoing);
    this.scopesToCheck.add(instance.flowScopeKey!);
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
   * tokens discarded, jobs and user tasks canceled, incidents resolved.
   */
  terminate(elementInstanceKey: string): void {
    const instance = this.state.element(elementInstanceKey);
    if (!instance || externalState(instance.lifecycle) !== 'ACTIVE' || instance.lifecycle === 'TERMINATING') return;
    this.emit({ type: 'ELEMENT_TERMINATING', elementInstanceKey, elementId: instance.elementId });
    for (const child of this.state.childrenOf(elementInstanceKey)) this.terminate(child.elementInstanceKey);
    if (this.state.tokensIn(elementInstanceKey).size > 0) this.emit({ type: 'JOIN_TOKENS_DISCARDED', flowScopeKey: elementInstanceKey });
    if (instance.elementType !== 'bpmn:Process') {
      const node = this.node(instance.elementId);
      BEHAVIOURS[node.type].onTerminate?.(this.contextOf(instance, node) as never);
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

  /** Completes scopes (subprocesses, the process) with nothing left inside; true if one did. */
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

  /** The element's variable mappings, unless its behaviour has none (gateways). */
  private mappingsOf(node: FlowNode): IoMapping | undefined {
    return BEHAVIOURS[node.type].variableMappings === false ? undefined : node.ioMapping;
  }

  private contextOf(instance: ElementInstanceRecord, node: FlowNode): ElementContext {
    return { node, instance, processing: this, variables: () => this.variables.visible(instance.elementInstanceKey) };
  }
}
