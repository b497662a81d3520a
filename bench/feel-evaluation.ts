/**
 * FEEL evaluation cost on this machine: microseconds per `FeelService.evaluate` for typical model
 * expressions, and what the evaluation limits add (the watchdog, for expressions that iterate,
 * filter or use regular expressions; see libs/feel/README.md, "Limits").
 *
 *   npm run build:server && node dist/bench/feel-evaluation.js
 *
 * Prints one table; asserts nothing (tests never assert on timings). Compare runs on the same
 * machine only: on a shared machine the figures move by a factor of two from run to run.
 */
import { FeelService } from '#feel';
import { runWithWatchdog } from '../libs/feel/src/limits/watchdog.js';

const EXPRESSIONS: readonly string[] = [
  'amount > 100',
  'get or else(items, [{sku: sku, quantity: get or else(quantity, 1)}])',
  '"approved by " + (if is defined(financeApproved) then "finance" else "manager")',
  'sum(items.price) > 1000',
  'items[1].sku',
  'for item in items return item.price * item.quantity',
  'count(for x in 1..100 return x) > 0',
];

const items = Array.from({ length: 10 }, (_, i) => ({ sku: `s${i}`, price: i * 3, quantity: 2 }));
const variables = { amount: 150, items, sku: 'a', quantity: 2, financeApproved: true, customer: { name: 'x' }, note: 'unrelated text', tags: ['a', 'b'] };

/** Median microseconds per call of `work`, over `rounds` rounds of `perRound` calls after a warm-up. */
function measure(work: () => unknown, rounds = 7, perRound = 2000): number {
  for (let i = 0; i < perRound; i++) work();
  const results: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (let i = 0; i < perRound; i++) work();
    results.push(((performance.now() - started) / perRound) * 1000);
  }
  results.sort((a, b) => a - b);
  return results[Math.floor(rounds / 2)]!;
}

const feel = new FeelService({ now: new Date('2026-01-01T00:00:00Z') });
const rows = EXPRESSIONS.map((expression) => ({ expression, 'µs per evaluation': measure(() => feel.evaluate(expression, variables)).toFixed(1) }));
rows.push({ expression: '(the watchdog alone: arm, run nothing, disarm)', 'µs per evaluation': measure(() => runWithWatchdog(500, () => 0)).toFixed(1) });
console.table(rows);
