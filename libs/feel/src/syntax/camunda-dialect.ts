/**
 * Rewrites the parts of Camunda's FEEL (FEEL-Scala) that feelin's grammar does not accept into
 * equivalent feelin FEEL, leaving everything else byte for byte:
 *
 * - Line breaks and tabs inside string literals: FEEL-Scala accepts them raw (models written
 *   in Camunda Modeler contain multi-line prompts and templates); feelin follows the DMN
 *   grammar, which forbids vertical space in strings. They become the `\n`, `\r`, `\t` escapes.
 * - Backtick-quoted names (`` `steady-state-hypothesis` ``, `` `my var` ``): FEEL-Scala's way to
 *   write names with special characters. feelin recognises such names from the evaluation
 *   context instead, so the backticks are dropped.
 */
export function toFeelinDialect(source: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (inString) {
      if (c === '\\' && i + 1 < source.length) {
        out += c + source[++i];
      } else if (c === '"') {
        inString = false;
        out += c;
      } else if (c === '\n') out += '\\n';
      else if (c === '\r') out += '\\r';
      else if (c === '\t') out += '\\t';
      else out += c;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '`') {
      const end = source.indexOf('`', i + 1);
      if (end === -1) {
        out += c; // an unterminated backtick is left for the parser to report
      } else {
        out += source.slice(i + 1, end);
        i = end;
      }
    } else {
      out += c;
    }
  }
  return out;
}
