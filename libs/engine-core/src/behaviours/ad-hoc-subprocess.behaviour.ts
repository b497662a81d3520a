import type { AdHocSubProcessNode } from '#bpmn';
import { Failure } from '../failure.js';
import { setOwn } from '../processing/variable-paths.js';
import type { ElementBehaviour, ElementContext } from './element-behaviour.js';
import { cancelJob, createJob } from './job-worker.behaviour.js';

/** The local variable listing the activatable elements for the job worker of an ad-hoc subprocess (Camunda 8.8). */
export const AD_HOC_ELEMENTS_VARIABLE = 'adHocSubProcessElements';

/**
 * An ad-hoc subprocess, Camunda 8.8's BPMN implementation
 * (docs.camunda.io/docs/components/modeler/bpmn/ad-hoc-subprocesses/). On activation (after its
 * input mappings) it creates its output collection as an empty local list and activates the inner
 * elements `activeElementsCollection` names, each in an inner instance of its own
 * (AD_HOC_SUB_PROCESS_INNER_INSTANCE); an expression that is not a list of ids of inner elements
 * without incoming flows is an EXTRACT_VALUE_ERROR incident. Without elements it waits; more are
 * activated by ACTIVATE_AD_HOC_ELEMENTS. When an inner instance completes (its flow ended), its
 * `outputElement` is appended to the output collection and the completion condition is evaluated:
 * true ends the other inner instances when `cancelRemainingInstances` (the default), else it waits
 * for them. It completes once nothing is active inside and the condition holds — or, without a
 * condition, once the last inner instance completed — and hands its output collection on.
 *
 * With the job worker implementation (`job`), a job of the subprocess decides instead: it is
 * created on activation (with the local `adHocSubProcessElements`), and again — replacing one still
 * open — each time an inner instance completes; its result activates elements or completes the
 * subprocess (commands/processors/ad-hoc-job.ts). activeElementsCollection and the completion
 * condition are not used then, and the subprocess never completes on its own.
 */
export const adHocSubProcessBehaviour: ElementBehaviour<AdHocSubProcessNode> = {
  onActivate: (context) => {
    const { services, instance, node } = context;
    if (node.job) {
      const outcome = createJob(context, node.job);
      if (outcome instanceof Failure) return outcome;
      if (node.outputCollection) services.variables.setLocal(instance.elementInstanceKey, node.outputCollection, []);
      services.variables.setLocal(instance.elementInstanceKey, AD_HOC_ELEMENTS_VARIABLE, adHocElements(context));
      return outcome;
    }
    let elementIds: string[] = [];
    if (node.activeElementsCollection !== undefined) {
      const value = services.evaluator.typed(node.activeElementsCollection, context.variables(), 'list', true);
      if (value instanceof Failure) return value;
      const list = (value ?? []) as unknown[];
      const wrong = list.filter((id) => typeof id !== 'string' || !node.activatableElementIds.includes(id));
      if (wrong.length > 0) {
        return new Failure(
          'EXTRACT_VALUE_ERROR',
          `Expected the active elements collection of '${node.id}' to be a list of ids of its inner elements without incoming flows (${node.activatableElementIds.join(', ')}) but it holds ${wrong.map((id) => JSON.stringify(id)).join(', ')}`,
        );
      }
      elementIds = list as string[];
    }
    if (node.outputCollection) services.variables.setLocal(instance.elementInstanceKey, node.outputCollection, []);
    for (const elementId of elementIds) services.activateAdHocElement(instance.elementInstanceKey, elementId, {});
    return 'wait';
  },

  onChildCompleting: (context, child) => {
    const { services, instance, node } = context;
    const updates: Record<string, unknown> = {};
    if (node.outputCollection && node.outputElement) {
      const element = services.evaluator.any({ kind: 'feel', expression: node.outputElement }, services.variables.visible(child.elementInstanceKey));
      if (element instanceof Failure) return element;
      const collected = services.state.variablesOf(instance.elementInstanceKey).get(node.outputCollection)?.value;
      setOwn(updates, node.outputCollection, [...(Array.isArray(collected) ? collected : []), element]);
    }
    if (node.job) {
      const open = services.state.jobOf(instance.elementInstanceKey);
      if (open) services.emit({ type: 'JOB_CANCELED', jobKey: open.jobKey, elementInstanceKey: instance.elementInstanceKey });
      const outcome = createJob(context, node.job);
      if (outcome instanceof Failure) return outcome;
      services.variables.setLocalDocument(instance.elementInstanceKey, updates);
      return { terminateSiblings: false };
    }
    let met = false;
    if (node.completionCondition !== undefined) {
      const value = services.evaluator.condition(node.completionCondition, { ...services.variables.visible(instance.elementInstanceKey), ...updates });
      if (value instanceof Failure) return value;
      met = value;
    }
    services.variables.setLocalDocument(instance.elementInstanceKey, updates);
    return { terminateSiblings: met && node.cancelRemainingInstances };
  },

  scopeMayComplete: (context) => {
    const { services, instance, node } = context;
    if (node.job) return false;
    if (node.completionCondition === undefined) return true;
    return services.evaluator.condition(node.completionCondition, services.variables.visible(instance.elementInstanceKey)) === true;
  },

  onTerminate: (context) => cancelJob(context),

  onComplete: (context) => {
    const { services, instance, node } = context;
    if (!node.outputCollection) return;
    const value = services.state.variablesOf(instance.elementInstanceKey).get(node.outputCollection)?.value ?? [];
    services.variables.propagate(instance.flowScopeKey!, { [node.outputCollection]: value });
  },
};

/**
 * An inner instance of an ad-hoc subprocess: the scope one activated element (and the flow it
 * starts) runs in, with the activation's variables as locals. The lifecycle activates it and
 * its element (ACTIVATE_AD_HOC_ELEMENTS, activeElementsCollection); it completes when nothing is
 * active inside and reports to its subprocess instead of taking flows.
 */
export const adHocInnerInstanceBehaviour: ElementBehaviour = {
  variableMappings: false,
  onActivate: () => 'wait',
};

/**
 * What `adHocSubProcessElements` tells the job worker about each activatable element: its id and
 * name. (Camunda also lists its documentation, properties and `fromAi` parameters; Baton does not.)
 */
function adHocElements(context: ElementContext<AdHocSubProcessNode>): Array<{ elementId: string; elementName: string | null }> {
  const { services, node } = context;
  return node.activatableElementIds.map((elementId) => ({ elementId, elementName: services.model.elements[elementId]?.name ?? null }));
}
