import type { ExecutableProcess, FlowNode } from '#bpmn';

/** True for a gateway that merges tokens (parallel, inclusive or complex with more than one incoming flow). */
export function isJoin(node: FlowNode): boolean {
  return (node.type === 'bpmn:ParallelGateway' || node.type === 'bpmn:InclusiveGateway' || node.type === 'bpmn:ComplexGateway') && node.incoming.length > 1;
}

/** A parallel join fires once every incoming flow has a token; two tokens on one flow are not two flows. */
export function parallelJoinReady(join: FlowNode, tokens: ReadonlyMap<string, number>): boolean {
  return join.incoming.every((flowId) => (tokens.get(flowId) ?? 0) > 0);
}

const upstreamCache = new WeakMap<ExecutableProcess, Map<string, Set<string>>>();

/**
 * Elements from which a token can still reach `flowId` without passing through the join it
 * leads to: the BPMN rule for inclusive joins is to wait exactly for those. Computed once per
 * model and flow.
 */
function upstreamOf(model: ExecutableProcess, flowId: string): Set<string> {
  let cache = upstreamCache.get(model);
  if (!cache) upstreamCache.set(model, (cache = new Map()));
  const cached = cache.get(flowId);
  if (cached) return cached;
  const flow = model.flows[flowId]!;
  const join = flow.targetId;
  const upstream = new Set<string>();
  const pending = [flow.sourceId];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (id === join || upstream.has(id)) continue;
    upstream.add(id);
    for (const incoming of model.elements[id]?.incoming ?? []) pending.push(model.flows[incoming]!.sourceId);
  }
  cache.set(flowId, upstream);
  return upstream;
}

/**
 * An inclusive join fires when at least one incoming flow has a token and no token in the
 * scope can still arrive at an incoming flow that has none. `liveElementIds` are the elements
 * that hold tokens in the scope: active element instances, and joins with waiting tokens
 * (a token waiting at another join can still move on).
 */
export function inclusiveJoinReady(model: ExecutableProcess, join: FlowNode, tokens: ReadonlyMap<string, number>, liveElementIds: Iterable<string>): boolean {
  const arrived = join.incoming.filter((flowId) => (tokens.get(flowId) ?? 0) > 0);
  if (arrived.length === 0) return false;
  const live = [...liveElementIds];
  return join.incoming
    .filter((flowId) => !arrived.includes(flowId))
    .every((flowId) => {
      const upstream = upstreamOf(model, flowId);
      return !live.some((id) => upstream.has(id));
    });
}
