import { describeRuleFixtures } from '../../test/support/fixtures.js';

const DURATION = 'an ISO 8601 duration (like PT15M or P1DT12H)';
const DATE = 'an ISO 8601 date-time with offset (like 2025-01-31T09:00:00Z)';
const CYCLE = 'an ISO 8601 repeating interval (like R3/PT10M or R/2025-01-01T09:00:00Z/P1D) or a cron expression (like 0 0 9 * * MON-FRI)';
const invalid = (id: string, property: string, expected: string, found: string, reason: string) => ({
  elementId: id,
  message: `Expected the ${property} of the timer on bpmn:IntermediateCatchEvent '${id}' to be ${expected} but found '${found}': ${reason}`,
});

/** The same model also puts its cycles on intermediate catch events, where Camunda 8 never repeats a timer. */
const cycleOnCatchEvent = (id: string) => ({
  elementId: id,
  message: `Expected a timeDuration or timeDate on the timer of bpmn:IntermediateCatchEvent '${id}', an intermediate catch event, but found a timeCycle: Camunda 8 repeats a timer only on timer start events of the process and on non-interrupting boundary and event subprocess start events`,
});

describeRuleFixtures('timer-definition', {
  'bad-values.bpmn': [
    invalid('Wait_minutes', 'timeDuration', DURATION, '5 minutes', 'it does not have the form PnYnMnWnDTnHnMnS'),
    invalid('Wait_local', 'timeDate', DATE, '2025-03-01T09:30:00', 'it does not have the form YYYY-MM-DDThh:mm:ss followed by Z or an offset like +01:00'),
    invalid('Wait_february', 'timeDate', DATE, '2025-02-30T09:30:00Z', 'day 30 does not exist in 2025-02'),
    invalid('Wait_cycle', 'timeCycle', CYCLE, 'PT10M', 'a duration alone does not repeat: write R/PT10M for an unbounded cycle or Rn/PT10M for n times'),
    cycleOnCatchEvent('Wait_cycle'),
    invalid('Wait_cron', 'timeCycle', CYCLE, '0 9 * * MON-FRI', 'a cron expression has six fields (second minute hour day-of-month month day-of-week) but this one has 5'),
    cycleOnCatchEvent('Wait_cron'),
    invalid('Wait_cron_range', 'timeCycle', CYCLE, '0 0 25 * * *', 'Constraint error, got value 25 expected range 0-23'),
    cycleOnCatchEvent('Wait_cron_range'),
  ],
  'placement.bpmn': [
    { elementId: 'In_an_hour', message: `Expected a timeDate or timeCycle on the timer of bpmn:StartEvent 'In_an_hour', a timer start event of the process, but found a timeDuration: the process is started at a date or on a cycle, scheduled when it is deployed` },
    { elementId: 'From_variable', message: `Expected the timeDate of the timer on bpmn:StartEvent 'From_variable', a timer start event of the process, to evaluate without variables (it is evaluated when the process is deployed) but '=startAt' evaluated to null (No variable found with name 'startAt')` },
    { elementId: 'Bad_feel_cycle', message: `Expected the timeCycle of the timer on bpmn:StartEvent 'Bad_feel_cycle', a timer start event of the process, to evaluate to an ISO 8601 repeating interval (like R3/PT10M or R/2025-01-01T09:00:00Z/P1D) or a cron expression (like 0 0 9 * * MON-FRI) but '="every hour"' evaluated to 'every hour': a cron expression has six fields (second minute hour day-of-month month day-of-week) but this one has 2` },
    cycleOnCatchEvent('Every_hour'),
    { elementId: 'Hourly_timeout', message: `Expected a timeDuration or timeDate on the timer of bpmn:BoundaryEvent 'Hourly_timeout', an interrupting boundary event, but found a timeCycle: Camunda 8 repeats a timer only on timer start events of the process and on non-interrupting boundary and event subprocess start events` },
    { elementId: 'Daily_interrupt', message: `Expected a timeDuration or timeDate on the timer of bpmn:StartEvent 'Daily_interrupt', the interrupting start event of an event subprocess, but found a timeCycle: Camunda 8 repeats a timer only on timer start events of the process and on non-interrupting boundary and event subprocess start events` },
  ],

  'missing-or-double.bpmn': [
    { elementId: 'Wait_nothing', message: `Expected a timeDate, timeDuration or timeCycle on the timer of bpmn:IntermediateCatchEvent 'Wait_nothing' but found none` },
    { elementId: 'Wait_empty', message: `Expected the timeDuration of the timer on bpmn:IntermediateCatchEvent 'Wait_empty' to be ${DURATION} but found nothing` },
    { elementId: 'Wait_both', message: `Expected one of timeDate, timeDuration or timeCycle on the timer of bpmn:IntermediateCatchEvent 'Wait_both' but found timeDate and timeDuration` },
  ],
});
