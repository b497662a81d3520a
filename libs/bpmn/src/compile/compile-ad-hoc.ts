import { FeelService } from '#feel';
import type { AdHocSubProcessNode } from '../model/executable-process.js';
import { stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { expressionBody, extension } from '../parse/zeebe-extensions.js';
import { compileJob } from './compile-extensions.js';

/**
 * A `bpmn:adHocSubProcess` with its `zeebe:adHoc` settings (validated by `ad-hoc-subprocess`).
 * Its children and activatable elements are filled in once its scope is compiled.
 */
export function compileAdHocSubProcess(element: ModdleElement, base: Omit<AdHocSubProcessNode, 'type' | 'children' | 'activatableElementIds' | 'cancelRemainingInstances'>): AdHocSubProcessNode {
  const adHoc = extension(element, 'zeebe:AdHoc');
  const attribute = (name: string): string | undefined => {
    const value = stringProperty(adHoc, name)?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const node: AdHocSubProcessNode = { ...base, type: 'bpmn:AdHocSubProcess', children: [], activatableElementIds: [], cancelRemainingInstances: element['cancelRemainingInstances'] !== false };
  const active = attribute('activeElementsCollection');
  if (active !== undefined) node.activeElementsCollection = FeelService.stripEquals(active);
  const completion = expressionBody(element, 'completionCondition');
  if (completion !== undefined) node.completionCondition = FeelService.stripEquals(completion);
  const outputCollection = attribute('outputCollection');
  if (outputCollection !== undefined) node.outputCollection = outputCollection;
  const outputElement = attribute('outputElement');
  if (outputElement !== undefined) node.outputElement = FeelService.stripEquals(outputElement);
  if (extension(element, 'zeebe:TaskDefinition') !== undefined) node.job = compileJob(element);
  return node;
}
