/**
 * The rows of the variables editor (name + JSON value) and their validation, kept apart from
 * the component so the rules are plain functions.
 */

/** One editable variable; `value` is JSON text as typed. */
export interface VariableRow {
  /** Stable identity for React keys and error lookup. */
  id: number;
  name: string;
  value: string;
}

/** What is wrong with a row, per field. */
export interface VariableRowError {
  name?: string;
  value?: string;
}

/** The result of {@link parseVariableRows}. */
export type ParsedVariables =
  | { valid: true; variables: Record<string, unknown> }
  | { valid: false; errors: Record<number, VariableRowError>; count: number };

let nextRowId = 1;

/** A row with a fresh id. */
export function newVariableRow(name = '', value = ''): VariableRow {
  return { id: nextRowId++, name, value };
}

/**
 * Checks every row and builds the variables: a row with neither name nor value is ignored; a name
 * is required, unique and without surrounding spaces; the value must be JSON (`"text"`, `42`,
 * `true`, `null`, `[1, 2]`, `{"a": 1}`).
 */
export function parseVariableRows(rows: readonly VariableRow[]): ParsedVariables {
  const errors: Record<number, VariableRowError> = {};
  // Entries, not assignments: a variable named `__proto__` must become a member, not a prototype.
  const entries: Array<[string, unknown]> = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const name = row.name;
    if (name.trim() === '' && row.value.trim() === '') continue;
    const error: VariableRowError = {};
    if (name.trim() === '') error.name = 'Enter a name.';
    else if (name !== name.trim()) error.name = 'Remove the spaces around the name.';
    else if (seen.has(name)) error.name = `“${name}” is set twice; keep one row per variable.`;
    seen.add(name);
    if (row.value.trim() === '') error.value = 'Enter a JSON value, e.g. "text", 42, true or {"a": 1}.';
    else {
      try {
        entries.push([name, JSON.parse(row.value)]);
      } catch (cause) {
        error.value = `Not valid JSON (${cause instanceof Error ? cause.message : String(cause)}). Text needs double quotes: "like this".`;
      }
    }
    if (error.name || error.value) errors[row.id] = error;
  }
  const count = Object.keys(errors).length;
  return count === 0 ? { valid: true, variables: Object.fromEntries(entries) } : { valid: false, errors, count };
}
