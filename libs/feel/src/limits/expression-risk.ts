/**
 * Words that let an expression do work that grows faster than its inputs without calling a
 * function for each step (so without passing the budget's deadline check): iteration (`for`,
 * `some`, `every`: nested and cartesian iteration over lists), function definitions (recursion),
 * regular expressions (`matches`, `replace`, `split`, `extract`: catastrophic backtracking), and
 * built-ins that compare every element with every other (`distinct values`, `union`,
 * `duplicate values`) or take a comparator (`sort`).
 */
const LONG_RUNNING_WORDS = new Set(['for', 'some', 'every', 'function', 'matches', 'replace', 'split', 'extract', 'distinct', 'union', 'duplicate', 'sort']);

/** Words after which `[` starts a list or range literal rather than a filter. */
const WORDS_BEFORE_LITERAL = new Set(['in', 'then', 'else', 'return', 'and', 'or', 'satisfies', 'not', 'between', 'if']);

/** Characters after which `[` starts a list or range literal rather than a filter. */
const CHARACTERS_BEFORE_LITERAL = new Set(['(', ',', ':', '[', '{', '+', '-', '*', '/', '=', '<', '>', '!']);

const INDEX_FILTER = /\[\s*-?\d+\s*\]/y;
const NON_ASCII_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Whether an expression may run long without calling a function for each step: it contains one of
 * {@link LONG_RUNNING_WORDS} or a filter (`items[price > 10]`; nested filters and `in` over lists
 * inside them are quadratic). Such expressions run under the watchdog; the others are bounded by
 * the budget's checks on each function call, because everything else they do is linear in the
 * size of the expression and of its variables.
 *
 * A lexical scan over the expression (string literals and comments skipped), not a parse: it runs
 * before every evaluation and must cost next to nothing. It errs on the side of "may run long"
 * (a variable named `sort`, a filter it cannot tell from a list) — that only costs the watchdog's
 * thread (0.1–0.6 ms). A plain index (`items[1]`) is not a filter that can run long.
 */
export function mayRunLong(expression: string): boolean {
  let lastCharacter = '';
  let lastWord = '';
  let i = 0;
  const length = expression.length;
  while (i < length) {
    const c = expression[i]!;
    if (c === '"') {
      i = skipString(expression, i);
      lastCharacter = '"';
      lastWord = '';
      continue;
    }
    if (c === '/' && expression[i + 1] === '/') {
      const end = expression.indexOf('\n', i);
      i = end === -1 ? length : end;
      continue;
    }
    if (c === '/' && expression[i + 1] === '*') {
      const end = expression.indexOf('*/', i + 2);
      i = end === -1 ? length : end + 2;
      continue;
    }
    if (isWordCharacter(c)) {
      const start = i;
      while (i < length && isWordCharacter(expression[i]!)) i++;
      lastWord = expression.slice(start, i);
      if (LONG_RUNNING_WORDS.has(lastWord)) return true;
      lastCharacter = lastWord[lastWord.length - 1]!;
      continue;
    }
    if (c === '[') {
      const literal = lastCharacter === '' || CHARACTERS_BEFORE_LITERAL.has(lastCharacter) || WORDS_BEFORE_LITERAL.has(lastWord);
      if (!literal) {
        INDEX_FILTER.lastIndex = i;
        if (!INDEX_FILTER.test(expression)) return true;
      }
    }
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
      lastCharacter = c;
      if (!isWordCharacter(c)) lastWord = '';
    }
    i++;
  }
  return false;
}

/** Letters, digits, `_` and `$`: the characters of FEEL names and keywords (and numbers). */
function isWordCharacter(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;
  return NON_ASCII_WORD_CHARACTER.test(c);
}

/** The index after the string literal starting at `start` (a `"`), honouring backslash escapes. */
function skipString(expression: string, start: number): number {
  let i = start + 1;
  while (i < expression.length) {
    const c = expression[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return i;
}
