import { addIsoDuration, firstCycleDue, nextCycleDue, parseIsoDateTime, parseIsoDuration, parseTimeCycle, type TimerDefinition } from '#bpmn';
import { Failure } from '../failure.js';
import type { ValueEvaluator } from './value-evaluator.js';

/**
 * When a timer is due (ISO-8601), Camunda 8's way (docs.camunda.io/docs/components/modeler/bpmn/timer-events/):
 * a time duration counts from `now` (calendar parts on the calendar, like Java), a time date is
 * that instant. A FEEL value yields a duration or date-time, or its ISO text
 * (`=duration("PT" + string(x) + "S")`, `=timeout` holding "PT1H", `=now() + duration("P1D")`).
 * Anything else is an EXTRACT_VALUE_ERROR failure, resolvable once the variables are fixed.
 */
export function timerDueDate(timer: TimerDefinition, variables: Record<string, unknown>, evaluator: ValueEvaluator, now: string): string | Failure {
  const source = timer.value;
  const raw = source.kind === 'static' ? source.value : evaluator.typed(source.expression, variables, 'any');
  if (raw instanceof Failure) return raw;
  const what = source.kind === 'static' ? `'${source.value}'` : `the result of '${source.expression}' (${JSON.stringify(raw)})`;
  if (timer.kind === 'duration') {
    const duration = typeof raw === 'string' ? parseIsoDuration(raw) : undefined;
    if (!duration?.ok) return new Failure('EXTRACT_VALUE_ERROR', `Expected ${what} to be a duration, like PT15M or P1DT12H, for the timer of this element`);
    return addIsoDuration(new Date(now), duration.value).toISOString();
  }
  const date = typeof raw === 'string' ? parseIsoDateTime(raw) : undefined;
  if (!date?.ok) return new Failure('EXTRACT_VALUE_ERROR', `Expected ${what} to be a date-time with offset, like 2026-05-01T17:00:00+02:00, for the timer of this element`);
  return new Date(date.value.epochMilliseconds).toISOString();
}

/** A timer's first due date and, for a time cycle, what it repeats. */
export interface TimerSchedule {
  dueDate: string;
  cycle?: { expression: string; remaining: number | null };
}

/**
 * When a timer is due first (`timerDueDate` for a duration or date); a time cycle (ISO 8601
 * repeating interval or cron, static or FEEL) fires first at its first occurrence from now and
 * carries its text and its repetitions (`R3/...`: 3; `R/...` and cron: without end).
 */
export function timerSchedule(timer: TimerDefinition, variables: Record<string, unknown>, evaluator: ValueEvaluator, now: string): TimerSchedule | Failure {
  if (timer.kind !== 'cycle') {
    const dueDate = timerDueDate(timer, variables, evaluator, now);
    return dueDate instanceof Failure ? dueDate : { dueDate };
  }
  const source = timer.value;
  const raw = source.kind === 'static' ? source.value : evaluator.typed(source.expression, variables, 'string');
  if (raw instanceof Failure) return raw;
  const text = String(raw).trim();
  const cycle = parseTimeCycle(text);
  if (!cycle.ok) return new Failure('EXTRACT_VALUE_ERROR', `Expected '${text}' to be a time cycle, like R3/PT10M or a cron expression, for the timer of this element, but ${cycle.reason}`);
  const remaining = cycle.value.kind === 'repeating-interval' && cycle.value.repetitions !== undefined ? cycle.value.repetitions : null;
  if (remaining === 0) return new Failure('EXTRACT_VALUE_ERROR', `Expected the time cycle '${text}' to repeat at least once`);
  return { dueDate: firstCycleDue(cycle.value, new Date(now)).toISOString(), cycle: { expression: text, remaining } };
}

/**
 * The next timer of a cycle after one fired (its repetitions left counted down), or undefined when
 * it has fired its last time.
 */
export function nextCycleTimer(cycle: NonNullable<TimerSchedule['cycle']>, previousDue: string, now: string): TimerSchedule | undefined {
  if (cycle.remaining !== null && cycle.remaining <= 1) return undefined;
  const parsed = parseTimeCycle(cycle.expression);
  if (!parsed.ok) return undefined;
  const dueDate = nextCycleDue(parsed.value, new Date(previousDue), new Date(now)).toISOString();
  return { dueDate, cycle: { expression: cycle.expression, remaining: cycle.remaining === null ? null : cycle.remaining - 1 } };
}
