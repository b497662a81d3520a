import { parseIsoDateTime, type ValueSource } from '#bpmn';
import type { FeelEvaluationOptions, FeelExpectedType, FeelService } from '#feel';
import { Failure } from '../failure.js';

/**
 * Turns model values (static text or FEEL) into the typed values the engine needs, with
 * failures worded like Zeebe's ("Expected result of the expression ... to be ..., but was ...").
 * Failures carry EXTRACT_VALUE_ERROR; callers that raise another incident type re-wrap them.
 */
export class ValueEvaluator {
  constructor(
    private readonly feel: FeelService,
    private readonly options: FeelEvaluationOptions,
  ) {}

  /** Any JSON value; a static source is its text. */
  any(source: ValueSource, variables: Record<string, unknown>): unknown | Failure {
    if (source.kind === 'static') return source.value;
    const result = this.feel.evaluate(source.expression, variables, this.options);
    return result.ok ? result.value : new Failure('EXTRACT_VALUE_ERROR', result.failure.message);
  }

  /** A FEEL expression of an expected type (null refused unless `nullable`). */
  typed(expression: string, variables: Record<string, unknown>, type: FeelExpectedType, nullable = false): unknown | Failure {
    const result = this.feel.evaluateAs(expression, variables, type, { ...this.options, nullable });
    return result.ok ? result.value : new Failure('EXTRACT_VALUE_ERROR', result.failure.message);
  }

  /** A condition: must evaluate to a boolean. */
  condition(expression: string, variables: Record<string, unknown>): boolean | Failure {
    const value = this.typed(expression, variables, 'boolean');
    return value instanceof Failure ? new Failure('CONDITION_ERROR', value.message) : (value as boolean);
  }

  /** A non-empty string (job types, ...). */
  string(source: ValueSource, variables: Record<string, unknown>): string | Failure {
    if (source.kind === 'static') return source.value;
    return this.typed(source.expression, variables, 'string') as string | Failure;
  }

  /**
   * A message correlation key: a string or a number (Zeebe's rule; a number becomes its text),
   * evaluated when the subscription opens.
   */
  correlationKey(source: ValueSource, variables: Record<string, unknown>): string | Failure {
    if (source.kind === 'static') return source.value;
    const value = this.typed(source.expression, variables, 'any', true);
    if (value instanceof Failure) return value;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return new Failure('EXTRACT_VALUE_ERROR', `Expected result of the expression '${source.expression}' to be one of '[STRING, NUMBER]', but was ${value === null ? "'NULL'" : JSON.stringify(value)}.`);
  }

  /** Whether a condition holds: true only for `true` (null, false, or a failure: not met). */
  holds(expression: string, variables: Record<string, unknown>): boolean {
    const result = this.feel.evaluate(expression, variables, this.options);
    return result.ok && result.value === true;
  }

  /** A string or nothing (assignee, external form reference). */
  optionalString(source: ValueSource | undefined, variables: Record<string, unknown>): string | null | Failure {
    if (!source) return null;
    if (source.kind === 'static') return source.value.trim() === '' ? null : source.value.trim();
    const value = this.typed(source.expression, variables, 'string', true);
    return value instanceof Failure ? value : ((value as string | null) ?? null);
  }

  /** An integer within bounds. */
  integer(source: ValueSource, variables: Record<string, unknown>, min: number, max: number): number | Failure {
    const raw = source.kind === 'static' ? Number(source.value) : this.typed(source.expression, variables, 'number');
    if (raw instanceof Failure) return raw;
    const value = raw as number;
    if (!Number.isInteger(value) || value < min || value > max) {
      const text = source.kind === 'static' ? `'${source.value}'` : `the result of '${source.expression}' (${JSON.stringify(value)})`;
      return new Failure('EXTRACT_VALUE_ERROR', `Expected ${text} to be an integer between ${min} and ${max}`);
    }
    return value;
  }

  /** A list of strings: a comma-separated static list, or FEEL yielding a list of strings or one string. */
  stringList(source: ValueSource | undefined, variables: Record<string, unknown>): string[] | Failure {
    if (!source) return [];
    if (source.kind === 'static') return splitList(source.value);
    const result = this.feel.evaluate(source.expression, variables, this.options);
    if (!result.ok) return new Failure('EXTRACT_VALUE_ERROR', result.failure.message);
    const value = result.value;
    if (value === null) return [];
    if (typeof value === 'string') return splitList(value);
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return [...new Set(value.map((item) => item.trim()).filter(Boolean))];
    return new Failure('EXTRACT_VALUE_ERROR', `Expected result of the expression '${source.expression}' to be 'ARRAY' of strings or 'STRING', but was ${JSON.stringify(value)}.`);
  }

  /** A date-time (ISO-8601 with offset), or nothing. */
  dateTime(source: ValueSource | undefined, variables: Record<string, unknown>): string | null | Failure {
    if (!source) return null;
    const raw = source.kind === 'static' ? source.value.trim() : this.typed(source.expression, variables, 'any', true);
    if (raw instanceof Failure) return raw;
    if (raw === null || raw === '') return null;
    // Read like the deploy-time check (and Zeebe's ZonedDateTime): the offset is required, so the
    // instant never depends on the host's time zone.
    const parsed = typeof raw === 'string' ? parseIsoDateTime(raw) : undefined;
    if (!parsed?.ok) {
      const what = source.kind === 'static' ? `'${source.value}'` : `the result of '${source.expression}' (${JSON.stringify(raw)})`;
      return new Failure('EXTRACT_VALUE_ERROR', `Expected ${what} to be a date-time with offset, like 2026-05-01T17:00:00+02:00`);
    }
    return new Date(parsed.value.epochMilliseconds).toISOString();
  }
}

function splitList(text: string): string[] {
  return [...new Set(text.split(',').map((item) => item.trim()).filter(Boolean))];
}
