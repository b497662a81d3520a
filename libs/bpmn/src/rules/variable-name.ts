/**
 * Variable names and paths as Zeebe accepts them for mapping targets and result variables:
 * a name (`total`), or a dotted path into context variables (`order.total`). A segment is a FEEL
 * name (letters, digits, `_`, `$`, not starting with a digit) or a backtick-quoted name.
 */
const SEGMENT = String.raw`(?:[\p{L}_$][\p{L}\p{N}_$]*|` + '`[^`]+`)';
const PATH = new RegExp(`^${SEGMENT}(?:\\.${SEGMENT})*$`, 'u');

/** True for a variable name or dotted path such as `order.total`. */
export function isVariablePath(text: string): boolean {
  return PATH.test(text);
}
