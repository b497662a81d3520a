import type { FeelWarning } from './feel.types.js';

/**
 * feelin's warnings in the wording Zeebe uses for the same cases, so incident messages read as
 * in Camunda 8: `[NO_VARIABLE_FOUND] No variable found with name 'x'`. Other warnings keep
 * feelin's message; the `type` codes are the same in both engines.
 */
export function toFeelWarning(warning: { type: string; message: string }): FeelWarning {
  const variable = /^Variable '(.*)' not found$/s.exec(warning.message);
  if (warning.type === 'NO_VARIABLE_FOUND' && variable) {
    return { type: warning.type, message: `No variable found with name '${variable[1]}'` };
  }
  const entry = /^Key '(.*)' not found in /s.exec(warning.message);
  if (warning.type === 'NO_CONTEXT_ENTRY_FOUND' && entry) {
    return { type: warning.type, message: `No context entry found with key '${entry[1]}'` };
  }
  return { type: warning.type, message: warning.message };
}

/**
 * A failure message with the evaluation's warnings appended as Zeebe does:
 * `... The evaluation reported the following warnings:\n[TYPE] message\n[TYPE] message`.
 */
export function withWarnings(message: string, warnings: readonly FeelWarning[]): string {
  if (warnings.length === 0) return message;
  return `${message} The evaluation reported the following warnings:\n${warnings.map((w) => `[${w.type}] ${w.message}`).join('\n')}`;
}
