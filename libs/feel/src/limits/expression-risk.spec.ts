import { describe, expect, it } from 'vitest';
import { mayRunLong } from './expression-risk.js';

describe('mayRunLong', () => {
  it.each([
    'amount > 100',
    'approved = false',
    'get or else(items, [{sku: sku, quantity: get or else(quantity, 1)}])',
    '"approved by " + (if is defined(financeApproved) then "finance" else "manager")',
    'items[1].sku',
    'items[-1]',
    'x in [1, 2, 3]',
    'x in [1..10]',
    'if ok then [a, b] else []',
    'sum(items.price) > 1000',
    '"for some every [x]"',
    'a // for\n + b',
    'a /* some x in l */ + b',
    'fortune + everyone + sorted',
  ])('given %j, then it runs in bounded time without the watchdog', (expression) => {
    expect(mayRunLong(expression)).toBe(false);
  });

  it.each([
    'for x in 1..n return x',
    'some x in l satisfies x > 1',
    'every x in l satisfies x > 1',
    '{f: function(n) f(n)}',
    'matches(s, "a+")',
    'replace(s, "a", "b")',
    'split(s, ",")',
    'extract(s, "[0-9]+")',
    'distinct values(l)',
    'union(l, m)',
    'duplicate values(l)',
    'sort(l, function(a, b) a < b)',
    'items[price > 10]',
    'l[item in l]',
    'items[i]',
    '{a: l}.a[item > 1]',
    'f(x)[1 + 1]',
  ])('given %j, then it may run long', (expression) => {
    expect(mayRunLong(expression)).toBe(true);
  });
});
