import { describeElement, elementProperty, quote, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { eventDefinitions } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import { parseIsoDateTime } from '../timers/iso-date-time.js';
import { parseIsoDuration } from '../timers/iso-duration.js';
import { parseTimeCycle } from '../timers/time-cycle.js';
import type { TimerParseResult } from '../timers/timer-parse-result.js';
import type { ValidationContext } from '../validate/validation-context.js';
import type { BpmnRule } from './bpmn-rule.js';
import { isInterrupting } from './event-kind.js';
import { elementProblem } from './rule-problem.js';

/** One of the three timer values, what it must look like and how it is parsed. */
interface TimerValue {
  property: 'timeDate' | 'timeDuration' | 'timeCycle';
  expected: string;
  parse: (text: string) => TimerParseResult<unknown>;
}

const TIMER_VALUES: TimerValue[] = [
  { property: 'timeDate', expected: 'an ISO 8601 date-time with offset (like 2025-01-31T09:00:00Z)', parse: parseIsoDateTime },
  { property: 'timeDuration', expected: 'an ISO 8601 duration (like PT15M or P1DT12H)', parse: parseIsoDuration },
  {
    property: 'timeCycle',
    expected: 'an ISO 8601 repeating interval (like R3/PT10M or R/2025-01-01T09:00:00Z/P1D) or a cron expression (like 0 0 9 * * MON-FRI)',
    parse: parseTimeCycle,
  },
];

/**
 * `timer-definition`: every timer (even on events `supported-element` refuses, so all problems come
 * at once) has exactly one of timeDate, timeDuration, timeCycle, and its value parses: an ISO 8601
 * date-time, duration, repeating interval, or a six-field cron expression. Values starting with `=`
 * are FEEL, evaluated when the event activates; their syntax is `feel-expression`'s to check.
 *
 * Where each kind is allowed follows Camunda 8 (docs.camunda.io/docs/components/modeler/bpmn/timer-events/):
 * a timer start event of the process has a date or a cycle (it is scheduled at deployment, so a
 * FEEL value must evaluate without variables, as Zeebe checks); a cycle repeats only on a timer
 * start event and on non-interrupting boundary and event subprocess start events, never on an
 * intermediate catch event or an interrupting event.
 */
export const timerDefinitionRule: BpmnRule = {
  id: 'timer-definition',
  description: 'Each timer has one of timeDate, timeDuration or timeCycle, with an ISO 8601 (or cron) value or a FEEL expression.',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const element of context.flowNodes) {
      for (const timer of eventDefinitions(element).filter((definition) => definition.$type === 'bpmn:TimerEventDefinition')) {
        const report = (message: string): void => {
          problems.push(elementProblem(this.id, context, element, message));
        };
        const present = TIMER_VALUES.filter(({ property }) => elementProperty(timer, property) !== undefined);
        if (present.length === 0) {
          report(`Expected a timeDate, timeDuration or timeCycle on the timer of ${describeElement(element)} but found none`);
          continue;
        }
        if (present.length > 1) {
          report(`Expected one of timeDate, timeDuration or timeCycle on the timer of ${describeElement(element)} but found ${present.map(({ property }) => property).join(' and ')}`);
          continue;
        }
        const value = present[0]!;
        const body = (stringProperty(elementProperty(timer, value.property), 'body') ?? '').trim();
        const valueProblem = body.startsWith('=') ? deploymentValueProblem(element, value, body, context) : staticValueProblem(element, value, body);
        if (valueProblem !== undefined) report(valueProblem);
        const placement = placementProblem(element, value.property, context);
        if (placement !== undefined) report(placement);
      }
    }
    return problems;
  },
};

/** A timer start event directly in the process (not one of an event subprocess). */
function isProcessTimerStart(element: ModdleElement, context: ValidationContext): boolean {
  return element.$type === 'bpmn:StartEvent' && context.scopeOf(element)?.$type === 'bpmn:Process';
}

/** What is wrong with a static timer value, or undefined when it parses. */
function staticValueProblem(element: ModdleElement, { property, expected, parse }: TimerValue, body: string): string | undefined {
  const what = `Expected the ${property} of the timer on ${describeElement(element)} to be ${expected}`;
  if (body === '') return `${what} but found nothing`;
  const parsed = parse(body);
  return parsed.ok ? undefined : `${what} but found ${quote(body)}: ${parsed.reason}`;
}

/** Why the timer's kind (date, duration, cycle) is not allowed on this event, or undefined. */
function placementProblem(element: ModdleElement, property: string, context: ValidationContext): string | undefined {
  const event = describeElement(element);
  if (isProcessTimerStart(element, context)) {
    if (property !== 'timeDuration') return undefined;
    return `Expected a timeDate or timeCycle on the timer of ${event}, a timer start event of the process, but found a timeDuration: the process is started at a date or on a cycle, scheduled when it is deployed`;
  }
  if (property !== 'timeCycle') return undefined;
  let where: string | undefined;
  if (element.$type === 'bpmn:IntermediateCatchEvent') where = 'an intermediate catch event';
  else if (element.$type === 'bpmn:BoundaryEvent' && isInterrupting(element)) where = 'an interrupting boundary event';
  else if (element.$type === 'bpmn:StartEvent' && isInterrupting(element)) where = 'the interrupting start event of an event subprocess';
  if (where === undefined) return undefined;
  return `Expected a timeDuration or timeDate on the timer of ${event}, ${where}, but found a timeCycle: Camunda 8 repeats a timer only on timer start events of the process and on non-interrupting boundary and event subprocess start events`;
}

/**
 * A FEEL value of a process timer start event must evaluate without variables to a value of its
 * kind: Zeebe evaluates it when the process is deployed. Other FEEL timers are evaluated when their
 * event activates, with its variables, and are not checked here.
 */
function deploymentValueProblem(element: ModdleElement, { property, expected, parse }: TimerValue, raw: string, context: ValidationContext): string | undefined {
  if (!isProcessTimerStart(element, context) || context.feel.checkSyntax(raw) !== undefined) return undefined;
  const of = `the ${property} of the timer on ${describeElement(element)}, a timer start event of the process,`;
  const result = context.feel.evaluate(raw, {}, { now: DEPLOYMENT_CHECK_TIME });
  if (!result.ok) return `Expected ${of} to evaluate without variables (it is evaluated when the process is deployed) but evaluating ${quote(raw)} failed: ${result.failure.message}`;
  if (typeof result.value !== 'string') {
    const warnings = result.warnings.map((warning) => warning.message).join('; ');
    return `Expected ${of} to evaluate without variables (it is evaluated when the process is deployed) but ${quote(raw)} evaluated to ${JSON.stringify(result.value)}${warnings === '' ? '' : ` (${warnings})`}`;
  }
  const parsed = parse(result.value);
  return parsed.ok ? undefined : `Expected ${of} to evaluate to ${expected} but ${quote(raw)} evaluated to ${quote(result.value)}: ${parsed.reason}`;
}

/** The `now()` of the deployment-time check: any fixed instant does, the check only asks whether the value can be computed without variables. */
const DEPLOYMENT_CHECK_TIME = new Date(0);
