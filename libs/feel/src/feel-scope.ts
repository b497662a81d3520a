import { randomUUID } from 'node:crypto';
import { FeelDateTime, toFeel } from 'feelin';
import type { BuiltinScope } from './builtins/index.js';
import type { FeelEvaluationOptions, FeelWarning } from './feel.types.js';

/** A {@link BuiltinScope} plus what the service reads back after the evaluation. */
export interface EvaluationScope extends BuiltinScope {
  /** Warnings the built-ins recorded. */
  readonly warnings: FeelWarning[];
  /** The cause of the first failed `assert`, if any. */
  readonly assertion: string | undefined;
  /** Forgets the warnings and the assertion of an interrupted attempt before the evaluation runs again (the instant `now()` gave stays). */
  restart(): void;
}

/**
 * The one place libs/feel reads the system clock: the documented default when an evaluation is
 * given no `now` option. Engine code always passes its own clock.
 */
export function systemNow(): Date {
  return new Date();
}

/** Creates the scope of one evaluation from its options (clock, zone, uuid and random sources). */
export function createEvaluationScope(options: FeelEvaluationOptions): EvaluationScope {
  const warnings: FeelWarning[] = [];
  let assertion: string | undefined;
  let now: FeelDateTime | undefined;
  const timeZone = options.timeZone ?? 'UTC';
  return {
    warnings,
    get assertion() {
      return assertion;
    },
    timeZone,
    now() {
      // one evaluation sees one instant, even when it calls now() twice
      now ??= clockAt(options.now ?? systemNow(), timeZone);
      return now;
    },
    uuid: () => (options.uuid ?? randomUUID)(),
    random: () => (options.random ?? Math.random)(),
    warn(type, message) {
      warnings.push({ type, message });
    },
    fail(message) {
      assertion ??= message;
      warnings.push({ type: 'ASSERT_FAILURE', message });
    },
    restart() {
      warnings.length = 0;
      assertion = undefined;
    },
  };
}

/** A JS instant as a FEEL date and time in the given zone. */
function clockAt(instant: Date, timeZone: string): FeelDateTime {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new Error(`Expected the option 'now' to be a valid Date, but was '${String(instant)}'`);
  }
  const utc = toFeel(instant) as FeelDateTime;
  if (timeZone === 'UTC' || timeZone === 'Z') return utc;
  try {
    const zoned = utc.unwrap().toZonedDateTime('UTC').withTimeZone(timeZone);
    return new FeelDateTime(zoned.toPlainDateTime(), timeZone);
  } catch {
    throw new Error(`Expected the option 'timeZone' to be a time zone such as 'Europe/Berlin' or '+01:00', but was '${timeZone}'`);
  }
}
