import type { AdHocSubProcessNode } from '#bpmn';
import type { CommandProcessor } from '../command-processor.js';
import { rejection } from '../engine-command.js';

/**
 * Activates inner elements of an ad-hoc subprocess on request (Camunda 8.8's activation endpoint).
 * Refused, changing nothing: a key that is not an active ad-hoc subprocess instance
 * (AD_HOC_SUB_PROCESS.NOT_FOUND, 404 as Camunda), one that does not wait (NOT_ACTIVE, 409), or an
 * element id that is not one of its inner elements without incoming flows (ELEMENT_NOT_ACTIVATABLE, 400).
 */
export const activateAdHocElements: CommandProcessor<'ACTIVATE_AD_HOC_ELEMENTS'> = {
  instance: 'active',
  process(command, { state, env, lifecycle }) {
    const adHoc = state.element(command.elementInstanceKey);
    const node = adHoc ? env.model.elements[adHoc.elementId] : undefined;
    if (!adHoc || adHoc.elementType !== 'bpmn:AdHocSubProcess' || node?.type !== 'bpmn:AdHocSubProcess' || adHoc.endDate !== null) {
      return rejection('AD_HOC_SUB_PROCESS.NOT_FOUND', `Expected an active ad-hoc subprocess instance with key ${command.elementInstanceKey} but found ${adHoc ? `${adHoc.elementType} '${adHoc.elementId}'` : 'none'}`);
    }
    if (adHoc.lifecycle !== 'ACTIVATED') {
      return rejection('AD_HOC_SUB_PROCESS.NOT_ACTIVE', `Expected ad-hoc subprocess instance ${adHoc.elementInstanceKey} ('${adHoc.elementId}') to be ACTIVATED but it is ${adHoc.lifecycle}`);
    }
    const refused = command.elements.map((element) => element.elementId).filter((id) => !(node as AdHocSubProcessNode).activatableElementIds.includes(id));
    if (refused.length > 0) {
      const describe = (id: string): string => {
        const inner = env.model.elements[id];
        if (!inner || inner.parentId !== adHoc.elementId) return `'${id}' (not an element of it)`;
        return `'${id}' (${inner.type === 'bpmn:BoundaryEvent' ? 'a boundary event' : 'it has incoming flows'})`;
      };
      return rejection(
        'AD_HOC_SUB_PROCESS.ELEMENT_NOT_ACTIVATABLE',
        `Expected the elements to activate in ad-hoc subprocess '${adHoc.elementId}' to be among its inner elements without incoming flows (${(node as AdHocSubProcessNode).activatableElementIds.join(', ')}) but found ${refused.map(describe).join(', ')}`,
      );
    }
    if (command.cancelRemainingInstances) for (const inner of state.childrenOf(adHoc.elementInstanceKey)) lifecycle.terminate(inner.elementInstanceKey);
    for (const element of command.elements) lifecycle.activateAdHocElement(adHoc.elementInstanceKey, element.elementId, element.variables);
    return undefined;
  },
};
