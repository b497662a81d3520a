/**
 * bpmn-js's import messages as the modeler shows them. bpmn-moddle's XML reader counts lines and
 * columns from 0 (`line: 3` is the fourth line); the engine's deployment problems, editors and
 * this page count from 1, so the message is rewritten to say the same line the engine would.
 */

const UNPARSABLE = /^unparsable content ([\s\S]*?)\s*detected\n\tline: (\d+)\n\tcolumn: (\d+)\n\tnested error: ([\s\S]*)$/;

/** "unparsable content <x> detected\n\tline: 3\n\tcolumn: 5\n\tnested error: y" → "Line 4, column 6: y (at <x>)." */
export function describeImportWarning(message: string): string {
  const match = UNPARSABLE.exec(message.trim());
  if (match === null) return message;
  const [, data, line, column, reason] = match;
  const at = data!.trim() ? ` (at ${data!.trim()})` : '';
  const text = `Line ${Number(line) + 1}, column ${Number(column) + 1}: ${reason!.trim()}${at}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
