import { FeelService } from '#feel';
import type { CalledElementDefinition, ErrorCatchDefinition, ErrorThrowDefinition, MultiInstanceDefinition, TimerDefinition } from '../model/executable-process.js';
import { elementProperty, isA, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { eventDefinitions, expressionBody, extension } from '../parse/zeebe-extensions.js';
import { caughtErrorCode, referencedError } from '../parse/event-references.js';
import { valueSource } from './value-source.js';

/**
 * The timer of an intermediate catch or boundary event (validated: it has a timeDuration or a
 * timeDate, and the value parses or is FEEL).
 */
export function compileTimer(event: ModdleElement): TimerDefinition {
  const timer = eventDefinitions(event).find((definition) => definition.$type === 'bpmn:TimerEventDefinition');
  const date = expressionBody(timer, 'timeDate');
  if (date !== undefined) return { kind: 'date', value: valueSource(date) };
  return { kind: 'duration', value: valueSource(expressionBody(timer, 'timeDuration') ?? '') };
}

/** The error an error end event throws: its error's code, static or FEEL. */
export function compileErrorThrow(event: ModdleElement): ErrorThrowDefinition {
  return { errorCode: valueSource((stringProperty(referencedError(event), 'errorCode') ?? '').trim()) };
}

/** The error an error boundary event catches: one code, or every error. */
export function compileErrorCatch(event: ModdleElement): ErrorCatchDefinition {
  const errorCode = caughtErrorCode(event);
  return errorCode === undefined ? {} : { errorCode };
}

/** `zeebe:calledElement` with Camunda's defaults (latest version, propagate everything both ways). */
export function compileCalledElement(element: ModdleElement): CalledElementDefinition {
  const calledElement = extension(element, 'zeebe:CalledElement');
  const bindingType = (stringProperty(calledElement, 'bindingType') ?? 'latest') as CalledElementDefinition['bindingType'];
  const versionTag = stringProperty(calledElement, 'versionTag')?.trim();
  return {
    processId: valueSource((stringProperty(calledElement, 'processId') ?? '').trim()),
    bindingType,
    ...(bindingType === 'versionTag' && versionTag ? { versionTag } : {}),
    propagateAllParentVariables: calledElement?.['propagateAllParentVariables'] !== false,
    propagateAllChildVariables: calledElement?.['propagateAllChildVariables'] !== false,
  };
}

/** The multi-instance characteristics of an activity, or undefined when it has none. */
export function compileMultiInstance(element: ModdleElement): MultiInstanceDefinition | undefined {
  const loop = elementProperty(element, 'loopCharacteristics');
  if (loop === undefined || !isA(loop, 'bpmn:MultiInstanceLoopCharacteristics')) return undefined;
  const zeebeLoop = extension(loop, 'zeebe:LoopCharacteristics');
  const attribute = (name: string): string | undefined => {
    const value = stringProperty(zeebeLoop, name)?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const definition: MultiInstanceDefinition = { sequential: loop['isSequential'] === true, inputCollection: FeelService.stripEquals(attribute('inputCollection') ?? '') };
  const inputElement = attribute('inputElement');
  if (inputElement !== undefined) definition.inputElement = inputElement;
  const outputCollection = attribute('outputCollection');
  if (outputCollection !== undefined) definition.outputCollection = outputCollection;
  const outputElement = attribute('outputElement');
  if (outputElement !== undefined) definition.outputElement = FeelService.stripEquals(outputElement);
  const completionCondition = expressionBody(loop, 'completionCondition');
  if (completionCondition !== undefined) definition.completionCondition = FeelService.stripEquals(completionCondition);
  return definition;
}
