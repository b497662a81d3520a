import type { AdHocJobResult } from '#engine-core';
import { InvalidArgumentError } from '../common/errors/index.js';

/**
 * Reads Camunda 8.8's `adHocSubProcess` job result from a job completion's `result`
 * (`{ type: 'adHocSubProcess', activateElements: [{ elementId, variables? }], isCompletionConditionFulfilled?, isCancelRemainingInstances? }`);
 * undefined for any other result (or none). A malformed one is a 400 naming the field.
 */
export function adHocJobResultOf(result: Record<string, unknown> | undefined): AdHocJobResult | undefined {
  if (result?.['type'] !== 'adHocSubProcess') return undefined;
  const invalid = (property: string, expected: string): never => {
    throw new InvalidArgumentError('REQUEST.INVALID_BODY', `Expected ${property} of the adHocSubProcess job result to be ${expected}`, { violations: [{ property, message: `must be ${expected}` }] });
  };
  const flag = (name: 'isCompletionConditionFulfilled' | 'isCancelRemainingInstances'): boolean => {
    const value = result[name];
    if (value !== undefined && value !== null && typeof value !== 'boolean') invalid(`result.${name}`, 'a boolean');
    return value === true;
  };
  const list = result['activateElements'] ?? [];
  if (!Array.isArray(list)) return invalid('result.activateElements', 'a list');
  const activateElements = list.map((entry: unknown, index) => {
    const element = entry as { elementId?: unknown; variables?: unknown };
    if (typeof element !== 'object' || element === null || typeof element.elementId !== 'string' || element.elementId === '') invalid(`result.activateElements[${index}].elementId`, 'a non-empty string');
    const variables = element.variables ?? {};
    if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) invalid(`result.activateElements[${index}].variables`, 'an object');
    return { elementId: element.elementId as string, variables: variables as Record<string, unknown> };
  });
  return { activateElements, isCompletionConditionFulfilled: flag('isCompletionConditionFulfilled'), isCancelRemainingInstances: flag('isCancelRemainingInstances') };
}
