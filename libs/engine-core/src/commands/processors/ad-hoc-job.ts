import type { AdHocSubProcessNode } from '#bpmn';
import type { ElementInstanceRecord, JobRecord } from '../../state/records.js';
import type { CommandContext } from '../command-processor.js';
import { rejection, type EngineCommand, type Rejection } from '../engine-command.js';

/**
 * The job of an ad-hoc subprocess with the job worker implementation was completed (Camunda 8.8):
 * its variables propagate from the subprocess's scope, then its `adHocSubProcess` result applies —
 * the elements to activate (each in a new inner instance), or the completion condition fulfilled:
 * with `isCancelRemainingInstances` the inner instances are terminated, and the subprocess
 * completes. Refused, changing nothing: activating and fulfilling at once (Camunda refuses it too),
 * an element that is not activatable, and — Baton's limit — fulfilling without canceling while
 * inner instances are still active (AD_HOC_SUB_PROCESS.INVALID_JOB_RESULT, 400).
 */
export function completeAdHocJob(
  command: Extract<EngineCommand, { type: 'COMPLETE_JOB' }>,
  found: { job: JobRecord; element: ElementInstanceRecord },
  { state, env, lifecycle }: CommandContext,
): Rejection | undefined {
  const adHoc = found.element;
  const node = env.model.elements[adHoc.elementId] as AdHocSubProcessNode;
  const result = command.adHocResult ?? { activateElements: [], isCompletionConditionFulfilled: false, isCancelRemainingInstances: false };
  const active = state.childrenOf(adHoc.elementInstanceKey);
  if (result.isCompletionConditionFulfilled && result.activateElements.length > 0) {
    return rejection('AD_HOC_SUB_PROCESS.INVALID_JOB_RESULT', `Expected the job result for ad-hoc subprocess '${adHoc.elementId}' to either activate elements or fulfil the completion condition, but it does both`);
  }
  if (result.isCompletionConditionFulfilled && !result.isCancelRemainingInstances && active.length > 0) {
    return rejection(
      'AD_HOC_SUB_PROCESS.INVALID_JOB_RESULT',
      `Expected isCancelRemainingInstances in the job result that fulfils the completion condition of ad-hoc subprocess '${adHoc.elementId}', which still has ${active.length} active inner instance(s): Baton does not wait for them (it completes the subprocess at once)`,
    );
  }
  const refused = result.activateElements.map((element) => element.elementId).filter((id) => !node.activatableElementIds.includes(id));
  if (refused.length > 0) {
    return rejection(
      'AD_HOC_SUB_PROCESS.ELEMENT_NOT_ACTIVATABLE',
      `Expected the elements to activate in ad-hoc subprocess '${adHoc.elementId}' to be among its inner elements without incoming flows (${node.activatableElementIds.join(', ')}) but found ${refused.map((id) => `'${id}'`).join(', ')}`,
    );
  }
  lifecycle.emit({ type: 'JOB_COMPLETED', jobKey: found.job.jobKey, elementInstanceKey: adHoc.elementInstanceKey });
  lifecycle.variables.propagate(adHoc.elementInstanceKey, command.variables);
  if (result.isCompletionConditionFulfilled) {
    for (const inner of active) lifecycle.terminate(inner.elementInstanceKey);
    lifecycle.startCompletion(adHoc.elementInstanceKey, undefined, undefined);
    return undefined;
  }
  for (const element of result.activateElements) lifecycle.activateAdHocElement(adHoc.elementInstanceKey, element.elementId, element.variables);
  return undefined;
}
