import { FeelDate, FeelDateTime } from 'feelin';
import { builtin, describeValue, invalidArguments, type BuiltinScope, type BuiltinTable } from './builtin.js';

/**
 * Temporal functions that must not read the system clock, plus Camunda's `last day of month`.
 *
 * - `now()`: the evaluation's clock (option `now`) as a date and time in the option `timeZone`
 *   (default UTC). feelin's own `now()` reads the system clock and zone; replacing it keeps the
 *   engine deterministic.
 * - `today()`: the date of `now()`.
 * - `last day of month(date)`: the last day of the month of a date or date and time, as a date.
 */
export function temporalBuiltins(scope: BuiltinScope): BuiltinTable {
  return {
    now: builtin([], () => scope.now()),
    today: builtin([], () => new FeelDate(scope.now().unwrap().toPlainDate())),
    'last day of month': builtin(['date'], (date: unknown) => {
      const day =
        date instanceof FeelDate ? date.unwrap() : date instanceof FeelDateTime ? date.unwrap().toPlainDate() : undefined;
      if (!day) {
        return invalidArguments(scope, `last day of month(date) expects a date or date and time, got ${describeValue(date)}`);
      }
      return new FeelDate(day.with({ day: day.daysInMonth }));
    }),
  };
}
