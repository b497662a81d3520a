import type { ComplexGatewayNode, FlowNode } from '#bpmn';
import type { EngineEvent } from '../events/engine-event.js';
import { Failure } from '../failure.js';
import type { ValueEvaluator } from '../processing/value-evaluator.js';
import type { VariableBehaviour } from '../processing/variable-behaviour.js';
import type { InstanceState } from '../state/instance-state.js';
import type { ElementInstanceRecord, IncidentRetry } from '../state/records.js';

/** The variable a complex gateway's activation condition reads its join state from. */
export const COMPLEX_GATEWAY_VARIABLE = 'complexGateway';

/** What the join needs of the lifecycle. */
interface ComplexJoinLifecycle {
  readonly state: InstanceState;
  readonly variables: VariableBehaviour;
  readonly evaluator: ValueEvaluator;
  emit(event: EngineEvent): void;
  nextKey(): string;
  activate(node: FlowNode, flowScopeKey: string, consumedFlowIds: string[] | undefined): void;
  raiseIncident(instance: ElementInstanceRecord, failure: Failure, retry: IncidentRetry): void;
}

/**
 * A token arrived at a complex gateway that joins (BPMN 2.0.2 §13.3.6), on `flowId`; the token
 * already waits there (SEQUENCE_FLOW_TAKEN with `atJoin`).
 *
 * - **Waiting for start** (no reset marks): the activation condition is evaluated in the scope's
 *   variables plus `complexGateway` (see {@link joinVariables}); when it holds — or, without a
 *   condition, once every incoming flow has a token — the gateway fires once, taking one token of
 *   each flow that has one (COMPLEX_GATEWAY_FIRED, then the gateway's activation). If some flows
 *   had not delivered, it now waits for its reset, remembering the flows that did.
 * - **Waiting for reset**: a token on a flow that has not delivered yet is absorbed
 *   (COMPLEX_GATEWAY_TOKEN_ABSORBED); a token on a flow that already delivered waits for the next
 *   round. Once every flow delivered, the gateway resets (COMPLEX_GATEWAY_RESET) and the tokens
 *   that waited meanwhile are checked as if they had just arrived.
 *
 * A condition that fails (not a boolean) fires the gateway with the tokens that arrived and holds
 * it at ACTIVATING with a CONDITION_ERROR incident; resolving the incident lets it continue (fork).
 */
export function arriveAtComplexJoin(lifecycle: ComplexJoinLifecycle, join: ComplexGatewayNode, flowScopeKey: string, flowId: string): void {
  const { state } = lifecycle;
  const marks = new Set([...state.resetMarksIn(flowScopeKey)].filter((id) => join.incoming.includes(id)));
  if (marks.size === 0) return tryStart(lifecycle, join, flowScopeKey);
  if (!marks.has(flowId)) {
    lifecycle.emit({ type: 'COMPLEX_GATEWAY_TOKEN_ABSORBED', flowScopeKey, elementId: join.id, flowId });
    marks.add(flowId);
  }
  if (!join.incoming.every((id) => marks.has(id))) return;
  lifecycle.emit({ type: 'COMPLEX_GATEWAY_RESET', flowScopeKey, elementId: join.id, flowIds: [...join.incoming] });
  tryStart(lifecycle, join, flowScopeKey);
}

/** Waiting for start: fires the gateway if its condition holds (or every flow delivered, without one). */
function tryStart(lifecycle: ComplexJoinLifecycle, join: ComplexGatewayNode, flowScopeKey: string): void {
  const tokens = lifecycle.state.tokensIn(flowScopeKey);
  const arrived = join.incoming.filter((id) => (tokens.get(id) ?? 0) > 0);
  if (arrived.length === 0) return;
  const awaited = join.incoming.filter((id) => !arrived.includes(id));
  let failure: Failure | undefined;
  if (join.activationCondition !== undefined) {
    const variables = { ...lifecycle.variables.visible(flowScopeKey), [COMPLEX_GATEWAY_VARIABLE]: joinVariables(join, tokens) };
    const met = lifecycle.evaluator.condition(join.activationCondition, variables);
    if (met instanceof Failure) failure = met;
    else if (!met) return;
  } else if (awaited.length > 0) {
    return;
  }
  lifecycle.emit({ type: 'COMPLEX_GATEWAY_FIRED', flowScopeKey, elementId: join.id, flowIds: arrived, awaitedFlowIds: awaited });
  if (!failure) return lifecycle.activate(join, flowScopeKey, arrived);
  const elementInstanceKey = lifecycle.nextKey();
  lifecycle.emit({ type: 'ELEMENT_ACTIVATING', elementInstanceKey, elementId: join.id, elementType: join.type, elementName: join.name ?? null, flowScopeKey, consumedFlowIds: arrived });
  const instance = lifecycle.state.element(elementInstanceKey);
  if (instance) lifecycle.raiseIncident(instance, new Failure(failure.errorType, `${failure.message} (the activation condition of '${join.id}')`), 'ACTIVATE');
}

/**
 * What the activation condition sees as `complexGateway`, about the tokens waiting at the gateway
 * since it last fired or reset: `arrivedTokens` (how many), `arrivedFlows` (ids of the incoming
 * flows that have one, in model order), `incomingFlows` (how many incoming flows the gateway has)
 * and `activationCount` (per incoming flow id, its number of waiting tokens — the BPMN attribute
 * of that name).
 */
export function joinVariables(join: ComplexGatewayNode, tokens: ReadonlyMap<string, number>): Record<string, unknown> {
  const activationCount = Object.fromEntries(join.incoming.map((id) => [id, tokens.get(id) ?? 0]));
  return {
    arrivedTokens: join.incoming.reduce((sum, id) => sum + (tokens.get(id) ?? 0), 0),
    arrivedFlows: join.incoming.filter((id) => (tokens.get(id) ?? 0) > 0),
    incomingFlows: join.incoming.length,
    activationCount,
  };
}
