import { CronExpressionParser } from 'cron-parser';
import { addIsoDuration } from './iso-duration.js';
import type { TimeCycle } from './time-cycle.js';

/** How many intervals are stepped through at most when catching up with a start in the past. */
const MAX_STEPS = 100_000;

/**
 * When a time cycle fires first, counted from `now`: a repeating interval with a start still
 * ahead fires at its start; with a start in the past at its first occurrence from now on; without
 * a start one interval after now. A cron expression (UTC, as Zeebe evaluates it) at its next
 * fire time after now.
 */
export function firstCycleDue(cycle: TimeCycle, now: Date): Date {
  if (cycle.kind === 'cron') return nextCronTime(cycle.expression, now);
  if (cycle.start === undefined) return addIsoDuration(now, cycle.interval);
  const start = new Date(cycle.start.epochMilliseconds);
  return start.getTime() >= now.getTime() ? start : catchUp(cycle, start, now);
}

/**
 * When a time cycle fires next after it fired at `previousDue`: one interval later, or the cron's
 * next fire time. A time that passed meanwhile (the engine was down) is not made up for: the next
 * one is the first from `now` on, so a cycle fires once when the engine is back, not once per
 * missed period.
 */
export function nextCycleDue(cycle: TimeCycle, previousDue: Date, now: Date): Date {
  if (cycle.kind === 'cron') return nextCronTime(cycle.expression, previousDue.getTime() > now.getTime() ? previousDue : now);
  const next = addIsoDuration(previousDue, cycle.interval);
  return next.getTime() > now.getTime() ? next : catchUp(cycle, next, now);
}

/** The first step of the cycle's grid (from `from`) that is not before `now`. */
function catchUp(cycle: Extract<TimeCycle, { kind: 'repeating-interval' }>, from: Date, now: Date): Date {
  let at = from;
  for (let step = 0; step < MAX_STEPS && at.getTime() < now.getTime(); step++) {
    const next = addIsoDuration(at, cycle.interval);
    if (next.getTime() <= at.getTime()) return now; // an empty interval never advances
    at = next;
  }
  return at.getTime() < now.getTime() ? now : at;
}

function nextCronTime(expression: string, after: Date): Date {
  return CronExpressionParser.parse(expression, { tz: 'UTC', currentDate: after }).next().toDate();
}
