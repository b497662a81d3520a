import { FeelService } from '#feel';
import type {
  CalledElementDefinition,
  ErrorCatchDefinition,
  ErrorThrowDefinition,
  EventTrigger,
  MessageTrigger,
  MultiInstanceDefinition,
  ThrowDefinition,
  TimerDefinition,
} from '../model/executable-process.js';
import { elementProperty, isA, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { expressionBody, extension } from '../parse/zeebe-extensions.js';
import {
  caughtErrorCode,
  caughtEscalationCode,
  escalationOf,
  eventDefinitionOf,
  linkNameOf,
  messageOf,
  referencedError,
  signalOf,
  subscriptionOf,
} from '../parse/event-references.js';
import { eventKind, timerOf } from '../rules/event-kind.js';
import { VARIABLE_EVENTS } from '../rules/conditional-event.rule.js';
import { valueSource } from './value-source.js';

/** The timer of an event (validated: exactly one of timeDate, timeDuration, timeCycle, whose value parses or is FEEL). */
export function compileTimer(event: ModdleElement): TimerDefinition {
  const timer = timerOf(event);
  const date = expressionBody(timer, 'timeDate');
  if (date !== undefined) return { kind: 'date', value: valueSource(date) };
  const cycle = expressionBody(timer, 'timeCycle');
  if (cycle !== undefined) return { kind: 'cycle', value: valueSource(cycle) };
  return { kind: 'duration', value: valueSource(expressionBody(timer, 'timeDuration') ?? '') };
}

/**
 * What a catch event (or receive task) waits for or catches, or undefined for a none event and for
 * kinds that are not triggers (terminate, and refused ones). `withCorrelationKey` is false for the
 * message start events of a process, which are matched by name alone.
 */
export function compileTrigger(element: ModdleElement, withCorrelationKey = true): EventTrigger | undefined {
  if (element.$type === 'bpmn:ReceiveTask') return compileMessageTrigger(element, true);
  switch (eventKind(element)) {
    case 'timer':
      return { kind: 'timer', timer: compileTimer(element) };
    case 'message':
      return compileMessageTrigger(element, withCorrelationKey);
    case 'signal':
      return { kind: 'signal', signalName: valueSource((stringProperty(signalOf(element), 'name') ?? '').trim()) };
    case 'error':
      return { kind: 'error', ...compileErrorCatch(element) };
    case 'escalation': {
      const escalationCode = caughtEscalationCode(element);
      return escalationCode === undefined ? { kind: 'escalation' } : { kind: 'escalation', escalationCode };
    }
    case 'conditional':
      return compileConditionalTrigger(element);
    case 'link':
      return { kind: 'link', linkName: linkNameOf(element) ?? '' };
    case 'compensation':
      return { kind: 'compensation' };
    case 'cancel':
      return { kind: 'cancel' };
    default:
      return undefined;
  }
}

/** The message a message event or receive task waits for: its name and (validated: FEEL) correlation key. */
function compileMessageTrigger(element: ModdleElement, withCorrelationKey: boolean): MessageTrigger {
  const message = messageOf(element);
  const trigger: MessageTrigger = { kind: 'message', messageName: valueSource((stringProperty(message, 'name') ?? '').trim()) };
  const correlationKey = stringProperty(subscriptionOf(message), 'correlationKey')?.trim();
  if (withCorrelationKey && correlationKey !== undefined && correlationKey !== '') trigger.correlationKey = valueSource(correlationKey);
  return trigger;
}

/** A conditional event: its condition (without `=`) and the variables and kinds of change of its `zeebe:conditionalFilter`, when given. */
function compileConditionalTrigger(element: ModdleElement): Extract<EventTrigger, { kind: 'conditional' }> {
  const definition = eventDefinitionOf(element, 'bpmn:ConditionalEventDefinition');
  const trigger: Extract<EventTrigger, { kind: 'conditional' }> = { kind: 'conditional', condition: FeelService.stripEquals(expressionBody(definition, 'condition') ?? '') };
  const filter = extension(definition ?? element, 'zeebe:ConditionalFilter');
  const variableNames = commaList(stringProperty(filter, 'variableNames'));
  if (variableNames.length > 0) trigger.variableNames = variableNames;
  const variableEvents = VARIABLE_EVENTS.filter((kind) => commaList(stringProperty(filter, 'variableEvents')).includes(kind));
  if (variableEvents.length > 0) trigger.variableEvents = variableEvents;
  return trigger;
}

/** What an intermediate throw or end event throws (escalation or signal), or undefined for other kinds. */
export function compileThrow(element: ModdleElement): ThrowDefinition | undefined {
  switch (eventKind(element)) {
    case 'escalation':
      return { kind: 'escalation', escalationCode: valueSource((stringProperty(escalationOf(element), 'escalationCode') ?? '').trim()) };
    case 'signal':
      return { kind: 'signal', signalName: valueSource((stringProperty(signalOf(element), 'name') ?? '').trim()) };
    default:
      return undefined;
  }
}

/** The distinct, non-empty entries of a comma-separated attribute, trimmed, in order. */
function commaList(text: string | undefined): string[] {
  const entries = (text ?? '').split(',').map((entry) => entry.trim());
  return entries.filter((entry, index) => entry !== '' && entries.indexOf(entry) === index);
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
