import { addIsoDuration, parseIsoDateTime, parseIsoDuration, type TimerDefinition } from '#bpmn';
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
