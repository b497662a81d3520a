import type { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';

/**
 * ISO-8601 strings for FEEL temporal values, in the form Zeebe writes them into process variables
 * (`FeelToMessagePackTransformer`), so variables look the same as in Camunda 8:
 *
 * | FEEL value                 | Zeebe (Java)                   | example                                   |
 * |----------------------------|--------------------------------|-------------------------------------------|
 * | date                       | `LocalDate.toString`           | `2020-07-31`                              |
 * | local date and time        | `ISO_LOCAL_DATE_TIME`          | `2020-07-31T14:27:30`                     |
 * | zoned date and time        | `ISO_ZONED_DATE_TIME`          | `2020-07-31T14:27:30+02:00[Europe/Berlin]`, `2020-07-31T14:27:30Z` |
 * | local time                 | `LocalTime.toString`           | `14:27` (seconds only when non-zero), `14:27:30` |
 * | zoned time                 | FEEL-Scala `ZonedTime.format`  | `14:27:30+02:00`, `14:27:30Z`, `14:27:30@Europe/Berlin` |
 * | days and time duration     | FEEL-Scala `ValDayTimeDuration`| `P1DT2H30M`, `P0D`, `-PT5M`               |
 * | years and months duration  | FEEL-Scala `ValYearMonthDuration` | `P1Y2M`, `P0Y`, `-P3M`                 |
 *
 * One deliberate difference: Zeebe drops the fraction of a second from durations (`PT1.5S` becomes
 * `PT1S`); Baton keeps it, so no information is lost.
 */
export function formatDate(value: FeelDate): string {
  return value.toString();
}

const FIXED_OFFSET = /^[+-]\d{2}:\d{2}(:\d{2})?$/;

/** See {@link formatDate}. */
export function formatDateTime(value: FeelDateTime): string {
  const zone = value.zone;
  if (zone === null) return value.unwrap().toString();
  if (zone === 'UTC') return `${value.unwrap().toString()}Z`;
  if (FIXED_OFFSET.test(zone)) return `${value.unwrap().toString()}${zone === '+00:00' || zone === '-00:00' ? 'Z' : zone}`;
  const zoned = value.unwrap().toZonedDateTime(zone);
  const offset = zoned.offset === '+00:00' ? 'Z' : zoned.offset;
  return `${zoned.toPlainDateTime().toString()}${offset}[${zone}]`;
}

/** See {@link formatDate}. */
export function formatTime(value: FeelTime): string {
  if (value.zone !== null) return value.toString();
  const time = value.unwrap();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  let text = `${pad(time.hour)}:${pad(time.minute)}`;
  const nanos = time.millisecond * 1_000_000 + time.microsecond * 1_000 + time.nanosecond;
  if (time.second > 0 || nanos > 0) {
    text += `:${pad(time.second)}`;
    if (nanos > 0) {
      // Java's LocalTime.toString prints the fraction in groups of three digits
      if (nanos % 1_000_000 === 0) text += `.${pad(nanos / 1_000_000, 3)}`;
      else if (nanos % 1_000 === 0) text += `.${pad(nanos / 1_000, 6)}`;
      else text += `.${pad(nanos, 9)}`;
    }
  }
  return text;
}

/** See {@link formatDate}. */
export function formatDuration(value: FeelDuration): string {
  const d = value.unwrap();
  const sign = d.sign < 0 ? '-' : '';
  const abs = d.abs();
  if (value.yearsMonths) {
    const totalMonths = abs.years * 12 + abs.months;
    if (totalMonths === 0) return 'P0Y';
    const years = Math.trunc(totalMonths / 12);
    const months = totalMonths % 12;
    return `${sign}P${years ? `${years}Y` : ''}${months ? `${months}M` : ''}`;
  }
  const nanos = abs.milliseconds * 1_000_000 + abs.microseconds * 1_000 + abs.nanoseconds;
  const seconds = abs.seconds + Math.trunc(nanos / 1_000_000_000);
  const fraction = nanos % 1_000_000_000;
  const days = abs.days + abs.weeks * 7;
  if (days === 0 && abs.hours === 0 && abs.minutes === 0 && seconds === 0 && fraction === 0) return 'P0D';
  const secondsText =
    seconds || fraction ? `${seconds}${fraction ? `.${String(fraction).padStart(9, '0').replace(/0+$/, '')}` : ''}S` : '';
  const time = `${abs.hours ? `${abs.hours}H` : ''}${abs.minutes ? `${abs.minutes}M` : ''}${secondsText}`;
  return `${sign}P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}
