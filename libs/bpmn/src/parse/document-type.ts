/** Where a document type declaration starts, and how it begins (for the message). */
export interface DocumentTypeDeclaration {
  line: number;
  column: number;
  /** The declaration's first characters, e.g. `<!DOCTYPE bpmn:definitions [`. */
  text: string;
}

/**
 * Finds a DTD (`<!DOCTYPE ...>`, or an `<!ENTITY ...>` standing on its own) in the prolog, the
 * only place XML allows one: before the root element, after the XML declaration, comments and
 * processing instructions.
 *
 * Why: a DTD is how XML attacks start — external entities read files or URLs (XXE), nested
 * entities expand to gigabytes ("billion laughs"). BPMN never needs one, and bpmn-moddle's reader
 * would only stumble over it with a misleading "non-whitespace outside of root node", so a
 * document with a DTD is refused with a message that says so, before the reader sees it.
 */
export function findDocumentTypeDeclaration(xml: string): DocumentTypeDeclaration | undefined {
  let offset = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (offset < xml.length && /\s/.test(xml[offset]!)) offset++;
    if (xml.startsWith('<?', offset)) {
      const end = xml.indexOf('?>', offset + 2);
      if (end === -1) return undefined;
      offset = end + 2;
    } else if (xml.startsWith('<!--', offset)) {
      const end = xml.indexOf('-->', offset + 4);
      if (end === -1) return undefined;
      offset = end + 3;
    } else if (/^<!(DOCTYPE|ENTITY)/i.test(xml.slice(offset, offset + 9))) {
      const before = xml.slice(0, offset).split(/\r\n|\r|\n/);
      const text = xml.slice(offset, offset + 60).split(/\r\n|\r|\n/)[0]!.trim();
      return { line: before.length, column: before[before.length - 1]!.length + 1, text };
    } else {
      return undefined;
    }
  }
}
