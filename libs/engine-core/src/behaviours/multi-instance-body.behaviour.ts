import type { MultiInstanceDefinition } from '#bpmn';
import { Failure } from '../failure.js';
import { activeInstances, countsOf } from '../lifecycle/multi-instance-counts.js';
import { setOwn } from '../processing/variable-paths.js';
import type { ElementBehaviour } from './element-behaviour.js';

/** Local variable of each inner instance: its 1-based position in the input collection. */
export const LOOP_COUNTER = 'loopCounter';

/**
 * Zeebe's multi-instance body (MULTI_INSTANCE_BODY; Camunda 8:
 * docs.camunda.io/docs/components/modeler/bpmn/multi-instance/). On activation it evaluates the
 * input collection (not a list: incident EXTRACT_VALUE_ERROR), counts the inner instances it
 * creates (on its element instance, MULTI_INSTANCE_UPDATED), creates the output collection as a
 * local list of nulls and queues the inner instances: all at once (parallel) or the first
 * (sequential); an empty collection completes it at once. When an inner instance completes, the
 * output element is evaluated in its scope and stored at its position, the counters move on, the
 * completion condition is evaluated in the completing instance's scope with numberOfInstances,
 * numberOfActiveInstances, numberOfCompletedInstances and numberOfTerminatedInstances in front of
 * every variable (Zeebe's primary context), and a sequential body reads the
 * input collection again for the next element. The body completes when no inner instance is left
 * (or the completion condition terminated them) and hands its output collection on to its flow
 * scope. Its activity's boundary events are attached to it; its activity's variable mappings apply
 * to the inner instances.
 */
export const multiInstanceBodyBehaviour: ElementBehaviour = {
  variableMappings: false,
  onActivate: (context) => {
    const { services, instance, node } = context;
    const definition = node.multiInstance!;
    const collection = services.evaluator.typed(definition.inputCollection, context.variables(), 'list');
    if (collection instanceof Failure) return collection;
    const items = collection as unknown[];
    if (definition.inputElement) {
      for (const item of items) {
        const tooDeep = services.variables.checkDepth({ [definition.inputElement]: item }, 'EXTRACT_VALUE_ERROR', `(an element of the input collection of '${node.id}')`);
        if (tooDeep) return tooDeep;
      }
    }
    const start = definition.sequential ? items.slice(0, 1) : items;
    services.emit({
      type: 'MULTI_INSTANCE_UPDATED',
      elementInstanceKey: instance.elementInstanceKey,
      counts: { numberOfInstances: start.length, numberOfCompletedInstances: 0, numberOfTerminatedInstances: 0 },
    });
    if (definition.outputCollection) services.variables.setLocal(instance.elementInstanceKey, definition.outputCollection, items.map(() => null));
    start.forEach((item, index) => services.enqueueInnerInstance(node, instance.elementInstanceKey, item, index + 1));
    if (items.length === 0) services.checkScope(instance.elementInstanceKey);
    return 'wait';
  },

  onChildCompleting: (context, child) => {
    const { services, instance: body, node } = context;
    const definition = node.multiInstance!;
    const locals = services.state.variablesOf(body.elementInstanceKey);
    const counts = countsOf(services.state, body.elementInstanceKey);
    const loopCounter = Number(services.state.variablesOf(child.elementInstanceKey).get(LOOP_COUNTER)?.value ?? 0);
    const updates: Record<string, unknown> = {};

    if (definition.outputCollection && definition.outputElement) {
      const element = services.evaluator.any({ kind: 'feel', expression: definition.outputElement }, services.variables.visible(child.elementInstanceKey));
      if (element instanceof Failure) return element;
      const collected = locals.get(definition.outputCollection)?.value;
      const list = Array.isArray(collected) ? [...collected] : [];
      list[loopCounter - 1] = element;
      setOwn(updates, definition.outputCollection, Array.from(list, (value) => (value === undefined ? null : value)));
      const tooDeep = services.variables.checkDepth(updates, 'EXTRACT_VALUE_ERROR', `(the output collection of '${node.id}')`);
      if (tooDeep) return tooDeep;
    }
    const after = { ...counts, numberOfCompletedInstances: counts.numberOfCompletedInstances + 1 };

    let conditionMet = false;
    if (definition.completionCondition) {
      // As in Zeebe: evaluated in the completing instance's scope (its locals shadow the body's),
      // with the counters in front of every variable of the same name.
      const own = Object.fromEntries([...services.state.variablesOf(child.elementInstanceKey)].map(([name, variable]) => [name, variable.value]));
      const counters = { ...after, numberOfActiveInstances: activeInstances(after) };
      const variables = { ...services.variables.visible(body.elementInstanceKey), ...updates, ...own, ...counters };
      const met = services.evaluator.typed(definition.completionCondition, variables, 'boolean');
      if (met instanceof Failure) return met;
      conditionMet = met === true;
    }
    let next: { item: unknown } | undefined;
    if (definition.sequential && !conditionMet) {
      // Like Zeebe, a sequential body reads its input collection again for each next element.
      const collection = services.evaluator.typed(definition.inputCollection, services.variables.visible(body.elementInstanceKey), 'list');
      if (collection instanceof Failure) return collection;
      const items = collection as unknown[];
      if (loopCounter < items.length) next = { item: items[loopCounter] };
    }

    services.variables.setLocalDocument(body.elementInstanceKey, updates);
    // A sequential body's next inner instance counts as created from here on.
    services.emit({ type: 'MULTI_INSTANCE_UPDATED', elementInstanceKey: body.elementInstanceKey, counts: next ? { ...after, numberOfInstances: after.numberOfInstances + 1 } : after });
    if (next) services.enqueueInnerInstance(node, body.elementInstanceKey, next.item, loopCounter + 1);
    return { terminateSiblings: conditionMet };
  },

  onComplete: (context) => {
    const { services, instance: body, node } = context;
    const name = node.multiInstance!.outputCollection;
    if (!name) return;
    const value = services.state.variablesOf(body.elementInstanceKey).get(name)?.value ?? [];
    services.variables.propagate(body.flowScopeKey!, { [name]: value });
  },
};

/**
 * The local variables an inner instance starts with: its input element, its loop counter, and —
 * when the output element reads a variable (`=result`, `=result.total`) other than the input
 * element — that variable as null, so what the instance produces under that name stays in its own
 * scope instead of propagating to a shared one (Zeebe does the same).
 */
export function innerInstanceLocals(definition: MultiInstanceDefinition, item: unknown, loopCounter: number): Record<string, unknown> {
  const locals: Record<string, unknown> = {};
  if (definition.inputElement) setOwn(locals, definition.inputElement, item);
  locals[LOOP_COUNTER] = loopCounter;
  const read = definition.outputElement ? /^\s*([\p{L}_$][\p{L}\p{N}_$]*)\s*(?:\.[\s\S]*)?$/u.exec(definition.outputElement)?.[1] : undefined;
  if (read && read !== definition.inputElement && read !== LOOP_COUNTER && !FEEL_LITERALS.has(read)) setOwn(locals, read, null);
  return locals;
}

const FEEL_LITERALS = new Set(['null', 'true', 'false']);
