import type { FeelEvaluationOptions, FeelResult, JsonValue } from './feel.types.js';

/**
 * Expressions that touch the parts of feelin and Baton that are slow the first time a process
 * uses them: the parser, time zones and calendars (Temporal and ICU data), durations, regular
 * expressions, iteration and the JSON conversion. Cold, `date and time(now(), "Europe/Berlin")`
 * takes 80–250 ms; warm, well under a millisecond.
 */
export const WARM_UP_EXPRESSIONS: readonly string[] = [
  'date and time(now(), "Europe/Berlin") + duration("PT1H") > date and time("2024-01-01T10:00:00@Europe/Paris")',
  'string(date("2024-01-31") + duration("P1M")) + string(today() - date("2024-01-01")) + string(time("10:00:00"))',
  'years and months duration(date("2020-01-01"), date("2024-03-15")) / duration("P1M")',
  'matches("a-1", "^[a-z]+-\\\\d$") and replace("abc", "b", "x") = "axc" and count(split("a,b", ",")) = 2',
  'count(for x in 1..10, y in [1, 2] return {x: x, y: y}) > 0 and some x in [1, 2] satisfies x > 1',
  'get or else(items, [{sku: "a", quantity: 1}])[1].sku + string join(["a", "b"], ",") + upper case("x")',
  'sum(for item in items return item.price * item.quantity) > 100 and is defined(items)',
];

/** The variables the warm-up expressions read. */
export const WARM_UP_VARIABLES: Readonly<Record<string, unknown>> = Object.freeze({ items: [{ sku: 'a', price: 10, quantity: 2 }] });

let warm = false;

/**
 * Runs {@link WARM_UP_EXPRESSIONS} once per process, with a generous time limit, so that the
 * one-time costs of the first evaluations are not charged to a real one: the time limit is
 * wall-clock, and a cold first `now()` in a time zone alone can take longer than the default
 * time limit on a busy machine. The results are discarded.
 */
export function warmUpOnce(evaluate: (expression: string, variables: Record<string, unknown>, options: FeelEvaluationOptions) => FeelResult<JsonValue>): void {
  if (warm) return;
  warm = true;
  for (const expression of WARM_UP_EXPRESSIONS) {
    evaluate(expression, { ...WARM_UP_VARIABLES }, { now: new Date(0), limits: { timeoutMs: 60_000 } });
  }
}
