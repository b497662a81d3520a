import { BpmnModdle, type FromXmlError, type ModdleWarning } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import type { BpmnProblem } from '../problem.js';
import { findDocumentTypeDeclaration } from './document-type.js';
import { describeElement, isModdleElement, quote, type ModdleElement } from './moddle-element.js';
import {
  duplicateIdOf,
  namedTypeOf,
  readUnparsableContent,
  unknownAttributeOf,
  unresolvedIdOf,
  unsupportedEncodingOf,
  type UnparsableContent,
} from './moddle-warning.js';

/** A reference (`sourceRef="Task_9"`) that names no element. */
export interface UnresolvedReference {
  element: ModdleElement;
  /** Property name without prefix, e.g. `sourceRef`, `default`, `bpmnElement`. */
  property: string;
  id: string;
}

/** An id given to more than one element; bpmn-moddle keeps the first and drops the others. */
export interface DuplicateId {
  id: string;
  line: number;
  column: number;
}

/** The document as read by bpmn-moddle, with what the lax reader noticed on the way. */
export interface ParsedBpmn {
  definitions: ModdleElement;
  /** Every unresolved reference; rules report the ones that matter (flow ends, default flows). */
  unresolvedReferences: UnresolvedReference[];
  duplicateIds: DuplicateId[];
  /** Content the reader had to drop (unknown BPMN or Zeebe elements, broken attributes): rule `xml`. */
  problems: BpmnProblem[];
  /** Things that are ignored: diagram defects, unknown attributes, the declared encoding. */
  warnings: BpmnProblem[];
}

/** The read document, or the problems that stopped the reader (nothing else can be checked then). */
export type ParseBpmnResult = { ok: true; parsed: ParsedBpmn } | { ok: false; problems: BpmnProblem[]; warnings: BpmnProblem[] };

/** Rule id of every finding made while reading the XML. */
export const XML_RULE = 'xml';

const BPMN_NAMESPACE = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** Unresolved references that a rule reports as a problem, so they are not repeated as warnings. */
const REFERENCES_OWNED_BY_RULES: Record<string, string[]> = {
  sourceRef: ['bpmn:SequenceFlow'],
  targetRef: ['bpmn:SequenceFlow'],
  default: ['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway'],
  attachedToRef: ['bpmn:BoundaryEvent'],
  errorRef: ['bpmn:ErrorEventDefinition'],
};

/** Packages whose unknown content is only cosmetic (the diagram), so dropping it is a warning. */
const DIAGRAM_PACKAGES = new Set(['bpmndi', 'dc', 'di']);

/**
 * Reads BPMN 2.0 XML with bpmn-moddle and the Zeebe descriptor. Never throws: XML that can not be
 * read at all becomes an `xml` problem with the line and column the parser reports.
 */
export async function parseBpmnXml(xml: string): Promise<ParseBpmnResult> {
  if (typeof xml !== 'string' || xml.trim() === '') {
    return { ok: false, problems: [{ rule: XML_RULE, message: 'Expected a BPMN 2.0 XML document but the resource is empty' }], warnings: [] };
  }
  const doctype = findDocumentTypeDeclaration(xml);
  if (doctype !== undefined) {
    const message =
      `Expected a BPMN 2.0 XML document without a document type declaration but found ${quote(doctype.text, 40)} at line ${doctype.line}, column ${doctype.column}: ` +
      'DTDs and entity declarations are not allowed (external entities and entity expansion are ways to attack XML readers)';
    return { ok: false, problems: [{ rule: XML_RULE, message, line: doctype.line, column: doctype.column }], warnings: [] };
  }
  const moddle = new BpmnModdle({ zeebe });
  let rootElement: unknown;
  let moddleWarnings: ModdleWarning[];
  try {
    const result = await moddle.fromXML(xml, 'bpmn:Definitions');
    rootElement = result.rootElement;
    moddleWarnings = result.warnings ?? [];
  } catch (error) {
    return { ok: false, problems: [fatalProblem(error as FromXmlError, xml)], warnings: [] };
  }
  if (!isModdleElement(rootElement)) {
    return { ok: false, problems: [{ rule: XML_RULE, message: 'Expected a BPMN 2.0 document with a <bpmn:definitions> root element but found none' }], warnings: [] };
  }
  const parsed: ParsedBpmn = { definitions: rootElement, unresolvedReferences: [], duplicateIds: [], problems: [], warnings: [] };
  for (const warning of moddleWarnings) classifyWarning(warning, parsed);
  return { ok: true, parsed };
}

function fatalProblem(error: FromXmlError, xml: string): BpmnProblem {
  const message = typeof error?.message === 'string' ? error.message : String(error);
  const content = fixEndOfFileLocation(readUnparsableContent(message), xml);
  if (content !== undefined) {
    if (content.reason === 'missing start tag') {
      return { rule: XML_RULE, message: `Expected a BPMN 2.0 XML document but found no XML element (the resource starts with ${quote(xml.trim(), 40)})`, line: content.line, column: content.column };
    }
    const near = content.data === '' ? '' : ` (${quote(content.data, 60)})`;
    return {
      rule: XML_RULE,
      message: `Expected well-formed XML but the parser stopped at line ${content.line}, column ${content.column}${near}: ${content.reason}`,
      line: content.line,
      column: content.column,
    };
  }
  if (message.startsWith('failed to parse document as')) {
    const root = (error.warnings ?? []).map((warning) => readUnparsableContent(warning.message)).find((found) => found !== undefined);
    const namespace = rootNamespace(xml);
    const found = root === undefined ? 'another root element' : `${root.data.replace(/\/>$/, '>')}${namespace === undefined ? '' : ` in namespace ${namespace}`}`;
    return {
      rule: XML_RULE,
      message: `Expected a BPMN 2.0 document with the root element <bpmn:definitions> (namespace ${BPMN_NAMESPACE}) but found ${found}`,
      ...(root === undefined ? {} : { line: root.line, column: root.column }),
    };
  }
  return { rule: XML_RULE, message: `Expected a readable BPMN 2.0 XML document but the parser failed: ${message}` };
}

/**
 * At the end of the input the XML reader reports line 0 and, as "column", the offset into the whole
 * document; a column beyond the first line's end can only be that, so it is turned into a line and column.
 */
function fixEndOfFileLocation(content: UnparsableContent | undefined, xml: string): UnparsableContent | undefined {
  if (content === undefined || content.line !== 1) return content;
  const firstLineLength = xml.search(/\r\n|\r|\n/);
  if (firstLineLength === -1 || content.column - 1 <= firstLineLength) return content;
  const before = xml.slice(0, content.column - 1).split(/\r\n|\r|\n/);
  return { ...content, line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** The namespace of the document's root element, read from its start tag (for the wrong-root message). */
function rootNamespace(xml: string): string | undefined {
  const start = /<(?![?!])([\w.-]+:)?[\w.-]+([^>]*)>/.exec(xml);
  if (start === null) return undefined;
  const prefix = start[1]?.slice(0, -1);
  const declaration = new RegExp(`xmlns${prefix === undefined ? '' : `:${prefix}`}\\s*=\\s*["']([^"']*)["']`).exec(start[2] ?? '');
  return declaration?.[1];
}

function classifyWarning(warning: ModdleWarning, parsed: ParsedBpmn): void {
  const message = typeof warning.message === 'string' ? warning.message : String(warning.message);
  const element = isModdleElement(warning.element) ? warning.element : undefined;

  const unresolvedId = unresolvedIdOf(message);
  if (unresolvedId !== undefined && element !== undefined) {
    const property = (warning.property ?? '').replace(/^[\w.-]+:/, '');
    parsed.unresolvedReferences.push({ element, property, id: unresolvedId });
    if (!(REFERENCES_OWNED_BY_RULES[property] ?? []).some((type) => element.$instanceOf(type))) {
      parsed.warnings.push(unresolvedReferenceWarning(element, property, unresolvedId));
    }
    return;
  }

  const encoding = unsupportedEncodingOf(message);
  if (encoding !== undefined) {
    parsed.warnings.push({
      rule: XML_RULE,
      message: `The document declares encoding ${encoding} but was read as Unicode text; check that names with non-ASCII characters came through correctly`,
    });
    return;
  }

  const attribute = unknownAttributeOf(message);
  if (attribute !== undefined && element !== undefined) {
    parsed.warnings.push({
      rule: XML_RULE,
      message: `Attribute '${attribute}' on ${describeElement(element)} is not part of BPMN 2.0 or the Camunda 8 (zeebe) extensions and is ignored`,
      ...elementFields(element),
    });
    return;
  }

  const content = readUnparsableContent(message);
  if (content !== undefined) {
    classifyUnparsableContent(content, parsed);
    return;
  }
  parsed.warnings.push({ rule: XML_RULE, message: `The XML reader reported: ${message}` });
}

function classifyUnparsableContent(content: UnparsableContent, parsed: ParsedBpmn): void {
  const duplicateId = duplicateIdOf(content.reason);
  if (duplicateId !== undefined) {
    parsed.duplicateIds.push({ id: duplicateId, line: content.line, column: content.column });
    return;
  }
  const where = `line ${content.line}, column ${content.column}`;
  const location = { line: content.line, column: content.column };
  if (content.reason.startsWith('unexpected body text')) {
    parsed.warnings.push({ rule: XML_RULE, message: `Text ${quote(content.data, 40)} at ${where} is not part of any element and is ignored`, ...location });
    return;
  }
  const type = namedTypeOf(content.reason);
  if (type?.prefix !== undefined && DIAGRAM_PACKAGES.has(type.prefix)) {
    parsed.warnings.push({ rule: XML_RULE, message: `Diagram content ${quote(content.data, 60)} at ${where} can not be read (${content.reason}) and is ignored`, ...location });
    return;
  }
  parsed.problems.push({
    rule: XML_RULE,
    message: `Expected BPMN 2.0 or Camunda 8 (zeebe) content but found ${quote(content.data, 60)} at ${where}: ${content.reason}`,
    ...location,
  });
}

function unresolvedReferenceWarning(element: ModdleElement, property: string, id: string): BpmnProblem {
  if (element.$type.startsWith('bpmndi:')) {
    return {
      rule: XML_RULE,
      message: `Diagram element ${describeElement(element)} refers to '${id}', which does not exist; the diagram will not show it`,
      ...elementFields(element),
    };
  }
  return {
    rule: XML_RULE,
    message: `${describeElement(element)} refers to '${id}' in ${property}, but no element has that id; the reference is ignored`,
    ...elementFields(element),
  };
}

function elementFields(element: ModdleElement): Pick<BpmnProblem, 'elementId' | 'elementType'> {
  const id = element['id'];
  return typeof id === 'string' ? { elementId: id, elementType: element.$type } : { elementType: element.$type };
}
