import { ERROR_CODES, PROBLEM_TITLES, type ErrorCode } from './error-codes.js';

/** The markers around the generated status table in docs/errors.md. */
export const TABLE_START = '<!-- error-codes: generated from libs/errors by `npm run docs:errors`; edit the catalogue, not this table -->';
export const TABLE_END = '<!-- /error-codes -->';

/** The status table of docs/errors.md: every code of the catalogue, by status, in catalogue order. */
export function errorCodeTable(): string {
  const codes = (Object.keys(ERROR_CODES) as ErrorCode[]).map((code, order) => ({ code, order, ...ERROR_CODES[code] }));
  codes.sort((a, b) => a.status - b.status || a.order - b.order);
  const rows = codes.map(({ code, status, description }) => `| ${status} | \`${PROBLEM_TITLES[status]}\` | \`${code}\` | ${description} |`);
  return ['| status | title | code | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

/** docs/errors.md with its status table replaced by the generated one (throws when the markers are missing). */
export function withGeneratedTable(markdown: string): string {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`Expected the markers ${TABLE_START} and ${TABLE_END} in docs/errors.md`);
  return `${markdown.slice(0, start + TABLE_START.length)}\n${errorCodeTable()}\n${markdown.slice(end)}`;
}

/** The codes a markdown text names (`AREA.REASON` in backticks). */
export function codesNamedIn(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(/`([A-Z][A-Z_]*\.[A-Z][A-Z_]*)`/g)].map((m) => m[1]!))];
}
