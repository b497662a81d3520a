import { FeelService } from '#feel';
import type { StandardLoopDefinition } from '../model/executable-process.js';
import { elementProperty, isA, type ModdleElement } from '../parse/moddle-element.js';
import { expressionBody } from '../parse/zeebe-extensions.js';

/**
 * `bpmn:standardLoopCharacteristics` as a loop definition, or undefined for an activity without
 * one (validated by the `standard-loop` rule: the condition parses, the maximum is an integer ≥ 0).
 */
export function compileStandardLoop(element: ModdleElement): StandardLoopDefinition | undefined {
  const loop = elementProperty(element, 'loopCharacteristics');
  if (loop === undefined || !isA(loop, 'bpmn:StandardLoopCharacteristics')) return undefined;
  const definition: StandardLoopDefinition = { testBefore: loop['testBefore'] === true };
  const condition = expressionBody(loop, 'loopCondition');
  if (condition !== undefined) definition.loopCondition = FeelService.stripEquals(condition);
  const maximum = loop['loopMaximum'];
  if (typeof maximum === 'number' && Number.isInteger(maximum)) definition.loopMaximum = maximum;
  return definition;
}
