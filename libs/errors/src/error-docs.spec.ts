import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, PROBLEM_TITLES, type ErrorCode } from './error-codes.js';
import { codesNamedIn, errorCodeTable, withGeneratedTable } from './error-docs.js';

/** docs/errors.md and the catalogue say the same: the status table is the generated one, and the prose names only codes that exist. */
const docsPath = fileURLToPath(new URL('../../../docs/errors.md', import.meta.url));

describe('the error catalogue and docs/errors.md', () => {
  const docs = readFileSync(docsPath, 'utf8');

  it('has the generated status table (run `npm run docs:errors` after changing the catalogue)', () => {
    expect(withGeneratedTable(docs)).toBe(docs);
  });

  it('lists every code under its status, and names no code the catalogue lacks', () => {
    const table = errorCodeTable();
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      const { status } = ERROR_CODES[code];
      expect(table).toContain(`| ${status} | \`${PROBLEM_TITLES[status]}\` | \`${code}\` |`);
    }
    expect(codesNamedIn(docs).filter((code) => !Object.hasOwn(ERROR_CODES, code))).toEqual([]);
  });

  it('notices a code the docs name but the catalogue lacks', () => {
    expect(codesNamedIn('a `JOB.NOT_FOUND` and a `JOB.VANISHED`, but not `REQUEST.HTTP_<status>`')).toEqual(['JOB.NOT_FOUND', 'JOB.VANISHED']);
  });

  it('describes each code in one line', () => {
    const multiLine = Object.entries(ERROR_CODES).filter(([, { description }]) => description.includes('\n') || description.includes('|'));
    expect(multiLine).toEqual([]);
  });
});
