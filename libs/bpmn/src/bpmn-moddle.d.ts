/**
 * Type shim for `bpmn-moddle` 10 (ESM, named export, ships no types for its main entry).
 * Only the surface libs/bpmn uses is declared; elements are read through `ModdleElement`.
 */
declare module 'bpmn-moddle' {
  /** A non-fatal remark from the lax XML reader (unresolved reference, unknown element, ...). */
  export interface ModdleWarning {
    message: string;
    /** The element the warning is about (unresolved references, unknown attributes). */
    element?: unknown;
    property?: string;
    value?: unknown;
    /** The nested error for "unparsable content" warnings. */
    error?: Error;
  }

  export interface FromXmlResult {
    rootElement: unknown;
    warnings: ModdleWarning[];
    elementsById: Record<string, unknown>;
    references: unknown[];
  }

  /** Thrown by `fromXML` for XML that can not be read; carries the warnings collected until then. */
  export interface FromXmlError extends Error {
    warnings?: ModdleWarning[];
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string, options?: Record<string, unknown>): Promise<FromXmlResult>;
  }
}
