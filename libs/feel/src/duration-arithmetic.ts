import { FeelDuration } from 'feelin';

/**
 * feelin 8.2 divides two durations to NaN; FEEL (and Camunda's FEEL-Scala) gives their ratio, a
 * number — models use it to turn a duration into seconds, e.g.
 * `(now() - date and time("1970-01-01T00:00Z")) / duration("PT1S")`. feelin's `/` accepts two
 * temporal operands and applies JavaScript's `/`, which reads each operand's `valueOf()`; so a
 * duration's `valueOf()` is defined here as its length in its own unit: milliseconds for a
 * days-and-time duration, months for a years-and-months duration. Dividing durations of the same
 * kind gives the FEEL result; the kinds do not mix in FEEL, and a mixed division is not defined.
 * Installed once, when libs/feel is loaded.
 */
export function installDurationArithmetic(): void {
  const prototype = FeelDuration.prototype as FeelDuration & { valueOf(): number };
  if (Object.prototype.hasOwnProperty.call(prototype, 'valueOf')) return;
  Object.defineProperty(prototype, 'valueOf', {
    configurable: true,
    writable: true,
    value(this: FeelDuration): number {
      const d = this.unwrap() as {
        years: number; months: number; days: number; hours: number; minutes: number; seconds: number;
        milliseconds: number; microseconds: number; nanoseconds: number;
      };
      if (this.yearsMonths) return d.years * 12 + d.months;
      return d.days * 86_400_000 + d.hours * 3_600_000 + d.minutes * 60_000 + d.seconds * 1_000 + d.milliseconds + d.microseconds / 1_000 + d.nanoseconds / 1_000_000;
    },
  });
}
