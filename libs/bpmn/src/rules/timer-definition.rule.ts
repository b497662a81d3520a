import { describeElement, elementProperty, quote, stringProperty } from '../parse/moddle-element.js';
import { eventDefinitions } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import { parseIsoDateTime } from '../timers/iso-date-time.js';
import { parseIsoDuration } from '../timers/iso-duration.js';
import { parseTimeCycle } from '../timers/time-cycle.js';
import type { TimerParseResult } from '../timers/timer-parse-result.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';

const TIMER_VALUES: { property: string; expected: string; parse: (text: string) => TimerParseResult<unknown> }[] = [
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
 * are FEEL, evaluated at run time; their syntax is `feel-expression`'s to check.
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
        const { property, expected, parse } = present[0]!;
        const body = (stringProperty(elementProperty(timer, property), 'body') ?? '').trim();
        if (body.startsWith('=')) continue;
        const what = `Expected the ${property} of the timer on ${describeElement(element)} to be ${expected}`;
        if (body === '') {
          report(`${what} but found nothing`);
          continue;
        }
        const parsed = parse(body);
        if (!parsed.ok) report(`${what} but found ${quote(body)}: ${parsed.reason}`);
      }
    }
    return problems;
  },
};
