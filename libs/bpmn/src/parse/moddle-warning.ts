/**
 * Reads the text of bpmn-moddle's (moddle-xml's) parse messages. Their shape is not an API, so
 * everything here is defensive: an unrecognised message still yields a usable text.
 */

/** A message of the form `unparsable content <x> detected\n\tline: N\n\tcolumn: N\n\tnested error: ...`. */
export interface UnparsableContent {
  /** The offending text, trimmed to the tag name for elements (`<bpmn:process>`); may be empty. */
  data: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** The nested error, e.g. `closing tag mismatch`, `unknown type <bpmn:FooBar>`, `duplicate ID <Task_1>`. */
  reason: string;
}

const UNPARSABLE = /^unparsable content ([\s\S]*?)\s*detected\n\tline: (\d+)\n\tcolumn: (\d+)\n\tnested error: ([\s\S]*)$/;

/** Splits an "unparsable content" message; the parser's 0-based line and column become 1-based. */
export function readUnparsableContent(message: string): UnparsableContent | undefined {
  const match = UNPARSABLE.exec(message);
  if (match === null) return undefined;
  return { data: match[1]!.trim(), line: Number(match[2]) + 1, column: Number(match[3]) + 1, reason: match[4]!.trim() };
}

/** The type named in a nested error like `unknown type <bpmn:FooBar>`, with its package prefix. */
export function namedTypeOf(reason: string): { prefix?: string; name: string } | undefined {
  const match = /<(?:([\w.-]+):)?([\w.-]+)>/.exec(reason);
  if (match === null) return undefined;
  return match[1] === undefined ? { name: match[2]! } : { prefix: match[1], name: match[2]! };
}

/** The id in `duplicate ID <Task_1>`, or undefined for other reasons. */
export function duplicateIdOf(reason: string): string | undefined {
  const match = /^duplicate ID <([\s\S]*)>$/.exec(reason);
  return match === null ? undefined : match[1];
}

/** The id in `unresolved reference <Flow_1>`. */
export function unresolvedIdOf(message: string): string | undefined {
  const match = /^unresolved reference <([\s\S]*)>$/.exec(message);
  return match === null ? undefined : match[1];
}

/** The encoding in `unsupported document encoding <ISO-8859-1>, falling back to UTF-8`. */
export function unsupportedEncodingOf(message: string): string | undefined {
  const match = /^unsupported document encoding <([^>]*)>/.exec(message);
  return match === null ? undefined : match[1];
}

/** The attribute name in `unknown attribute <foo>`. */
export function unknownAttributeOf(message: string): string | undefined {
  const match = /^unknown attribute <([^>]*)>$/.exec(message);
  return match === null ? undefined : match[1];
}
