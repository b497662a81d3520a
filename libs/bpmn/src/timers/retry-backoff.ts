import { parseIsoDuration, type IsoDuration } from './iso-duration.js';

/** The task header with the backoff before the first retry (ISO-8601 duration, e.g. `PT10S`). */
export const RETRY_BACKOFF_HEADER = 'retryBackoff';
/** The task header with the factor each further failure multiplies the backoff by (a number ≥ 1). @default 1 */
export const RETRY_BACKOFF_MULTIPLIER_HEADER = 'retryBackoffMultiplier';
/** The task header with the longest backoff (ISO-8601 duration); none: no cap. */
export const RETRY_BACKOFF_MAX_HEADER = 'retryBackoffMax';

/**
 * A retry backoff declared in the model's task headers: after the n-th failure (with retries
 * left, and no backoff from the worker) the job may run again after
 * `baseMs * multiplier^(n-1)`, at most `maxMs`.
 */
export interface RetryBackoffPolicy {
  baseMs: number;
  multiplier: number;
  maxMs: number | null;
}

export type RetryBackoffResult = { ok: true; policy: RetryBackoffPolicy | null } | { ok: false; problems: string[] };

/**
 * Reads the backoff headers. No `retryBackoff`: no policy (the other two alone are a problem).
 * Durations must have a fixed length (weeks, days, hours, minutes, seconds; a day is 24 hours):
 * "P1M" cannot be multiplied. `PT0S` is no backoff (Camunda's connector templates write it).
 * Each problem says which header and what was found.
 */
export function parseRetryBackoff(headers: Readonly<Record<string, string>>): RetryBackoffResult {
  const problems: string[] = [];
  const base = headers[RETRY_BACKOFF_HEADER];
  const multiplierText = headers[RETRY_BACKOFF_MULTIPLIER_HEADER];
  const maxText = headers[RETRY_BACKOFF_MAX_HEADER];
  if (base === undefined) {
    for (const name of [RETRY_BACKOFF_MULTIPLIER_HEADER, RETRY_BACKOFF_MAX_HEADER]) {
      if (headers[name] !== undefined) problems.push(`Expected the task header '${RETRY_BACKOFF_HEADER}' beside '${name}', but found none`);
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, policy: null };
  }
  const baseMs = fixedDurationMs(RETRY_BACKOFF_HEADER, base, problems);
  let multiplier = 1;
  if (multiplierText !== undefined) {
    const trimmed = multiplierText.trim();
    multiplier = /^\d+(?:\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (!(multiplier >= 1) || !Number.isFinite(multiplier)) problems.push(`Expected the task header '${RETRY_BACKOFF_MULTIPLIER_HEADER}' to be a number of at least 1 (e.g. 2 or 1.5), but found '${multiplierText}'`);
  }
  const maxMs = maxText === undefined ? null : fixedDurationMs(RETRY_BACKOFF_MAX_HEADER, maxText, problems);
  if (problems.length > 0 || baseMs === null) return { ok: false, problems };
  if (maxMs !== null && maxMs < baseMs) return { ok: false, problems: [`Expected the task header '${RETRY_BACKOFF_MAX_HEADER}' (${maxText}) to be at least '${RETRY_BACKOFF_HEADER}' (${base}), but it is shorter`] };
  return { ok: true, policy: { baseMs, multiplier, maxMs } };
}

/** The backoff after the `failures`-th failure (1 for the first): base * multiplier^(failures-1), capped. */
export function retryBackoffMs(policy: RetryBackoffPolicy, failures: number): number {
  const raw = policy.baseMs * Math.pow(policy.multiplier, Math.max(0, failures - 1));
  const capped = policy.maxMs === null ? raw : Math.min(raw, policy.maxMs);
  // A huge multiplier overflows to Infinity; a year is long enough for any retry.
  return Math.round(Math.min(capped, MAX_BACKOFF_MS));
}

/** The longest backoff Baton applies without a cap: one year (what the REST API accepts as retryBackOff). */
export const MAX_BACKOFF_MS = 31_536_000_000;

function fixedDurationMs(header: string, text: string, problems: string[]): number | null {
  const parsed = parseIsoDuration(text.trim());
  if (!parsed.ok) {
    problems.push(`Expected the task header '${header}' to be an ISO-8601 duration (e.g. PT30S), but found '${text}': ${parsed.reason}`);
    return null;
  }
  if (parsed.value.years !== 0 || parsed.value.months !== 0) {
    problems.push(`Expected the task header '${header}' to be a duration of fixed length (weeks, days, hours, minutes, seconds), but found '${text}' with years or months`);
    return null;
  }
  return durationMs(parsed.value);
}

function durationMs(d: IsoDuration): number {
  return Math.round(((((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60 + d.seconds) * 1000);
}
