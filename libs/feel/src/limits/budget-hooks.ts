import { FeelFunction, FeelRange } from 'feelin';
import { currentBudget } from './evaluation-budget.js';

const INSTALLED = Symbol.for('baton.feel.budgetHooks');

/**
 * Makes feelin charge the current {@link EvaluationBudget} at the two places where its work can
 * grow without bound, by wrapping two prototype methods of the classes it exports (feelin has no
 * hook API; this is the same technique as `duration-arithmetic.ts`):
 *
 * - `FeelRange.prototype.map`: every enumeration of a range (`for`, `some`, `every` over
 *   `a..b`; once per outer element in nested iterations and cartesian products) is charged, by its
 *   size, before it starts: a range over the limit, or one that would never end, fails at once.
 * - `FeelFunction.prototype.invoke`: every call of a built-in or of a `function(...)` defined in
 *   the expression (recursion included) checks the deadline, and the strings and lists it is
 *   given and returns.
 *
 * Outside an evaluation of the FeelService (no current budget) both behave exactly as feelin's.
 * Installed once, when libs/feel is loaded.
 */
export function installBudgetHooks(): void {
  const rangePrototype = FeelRange.prototype as FeelRange & { [INSTALLED]?: true; map(fn: (value: unknown) => unknown): unknown[] };
  if (rangePrototype[INSTALLED]) return;
  const enumerate = rangePrototype.map;
  Object.defineProperty(rangePrototype, 'map', {
    configurable: true,
    writable: true,
    value(this: FeelRange, fn: (value: unknown) => unknown): unknown[] {
      const budget = currentBudget();
      if (budget === undefined) return enumerate.call(this, fn);
      budget.beforeEnumerating(this);
      const elements = enumerate.call(this, fn);
      if (this.valueType !== 'number') budget.charge(elements.length);
      return elements;
    },
  });
  Object.defineProperty(rangePrototype, INSTALLED, { value: true });

  const functionPrototype = FeelFunction.prototype;
  const invoke = functionPrototype.invoke;
  Object.defineProperty(functionPrototype, 'invoke', {
    configurable: true,
    writable: true,
    value(this: FeelFunction, contextOrArgs: unknown): unknown {
      const budget = currentBudget();
      if (budget === undefined) return invoke.call(this, contextOrArgs);
      budget.beforeCall();
      if (Array.isArray(contextOrArgs)) {
        for (const argument of contextOrArgs) budget.checkValue(argument, 'argument');
      } else if (contextOrArgs !== null && typeof contextOrArgs === 'object') {
        for (const argument of Object.values(contextOrArgs)) budget.checkValue(argument, 'argument');
      }
      const result = invoke.call(this, contextOrArgs);
      budget.checkValue(result, 'result');
      return result;
    },
  });
}
