import { builtin, describeValue, invalidArguments, type BuiltinScope, type BuiltinTable } from './builtin.js';
import { feelinBuiltin } from './feelin-builtins.js';

const ROUNDING = ['round up', 'round down', 'round half up', 'round half down'] as const;

/**
 * Numeric functions where Camunda differs from feelin.
 *
 * - `random number()`: a number in [0, 1) from the evaluation's `random` option.
 * - `round up|round down|round half up|round half down(n[, scale])`: Camunda makes `scale` optional
 *   (default 0); feelin 8.2 requires it and returns `null` without it. Delegates to feelin.
 * - `decimal(n, scale[, mode])`: Camunda's optional rounding mode (`UP`, `DOWN`, `CEILING`, `FLOOR`,
 *   `HALF_UP`, `HALF_DOWN`, `HALF_EVEN`, `UNNECESSARY`; any case); without it, feelin's `HALF_EVEN`.
 *   `UNNECESSARY` gives `null` when rounding would change the number.
 */
export function numericBuiltins(scope: BuiltinScope): BuiltinTable {
  const table: BuiltinTable = {
    'random number': builtin([], () => scope.random()),
  };
  const feelinDecimal = feelinBuiltin('decimal');
  table.decimal = builtin(['n', 'scale', 'mode'], (n: unknown, scale: unknown, mode: unknown) => {
    if (mode === undefined || mode === null) return feelinDecimal ? feelinDecimal(n, scale) : null;
    const rounding = typeof mode === 'string' ? ROUNDING_MODES[mode.toUpperCase()] : undefined;
    if (!rounding) return invalidArguments(scope, `decimal(n, scale, mode) expects a rounding mode such as "HALF_UP", got ${describeValue(mode)}`);
    if (typeof n !== 'number' || typeof scale !== 'number' || !Number.isInteger(scale)) {
      return invalidArguments(scope, `decimal(n, scale, mode) expects a number and an integer scale, got ${describeValue(n)} and ${describeValue(scale)}`);
    }
    const factor = 10 ** scale;
    // toPrecision(15) removes binary noise such as 1.005 * 100 = 100.49999999999999
    const shifted = Number((n * factor).toPrecision(15));
    const rounded = rounding(shifted);
    if (rounded === undefined) return invalidArguments(scope, `decimal(n, scale, mode) with mode UNNECESSARY cannot round ${n} to scale ${scale}`);
    return rounded / factor;
  });
  for (const name of ROUNDING) {
    const round = feelinBuiltin(name);
    if (round) table[name] = builtin(['n', 'scale'], (n: unknown, scale: unknown) => round(n, scale === undefined ? 0 : scale));
  }
  return table;
}

/** Java's RoundingMode on a shifted value; `undefined` when UNNECESSARY would have to round. */
const ROUNDING_MODES: Record<string, (x: number) => number | undefined> = {
  UP: (x) => Math.sign(x) * Math.ceil(Math.abs(x)),
  DOWN: (x) => Math.trunc(x),
  CEILING: (x) => Math.ceil(x),
  FLOOR: (x) => Math.floor(x),
  HALF_UP: (x) => Math.sign(x) * Math.floor(Math.abs(x) + 0.5),
  HALF_DOWN: (x) => Math.sign(x) * Math.ceil(Math.abs(x) - 0.5),
  HALF_EVEN: (x) => {
    const floor = Math.floor(x);
    const diff = x - floor;
    if (diff !== 0.5) return Math.round(x);
    return floor % 2 === 0 ? floor : floor + 1;
  },
  UNNECESSARY: (x) => (Number.isInteger(x) ? x : undefined),
};
