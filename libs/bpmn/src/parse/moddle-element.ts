/**
 * A read-only view of the elements bpmn-moddle produces. Moddle elements are dynamic objects
 * (properties come from the BPMN and Zeebe descriptors), so they are read through the small
 * accessors below, which never throw on a missing or oddly typed property.
 */
export interface ModdleElement {
  /** Verbatim type name from the descriptor, e.g. `'bpmn:ServiceTask'` or `'zeebe:TaskDefinition'`. */
  readonly $type: string;
  readonly $parent?: ModdleElement;
  /** Attributes the descriptors do not know (other namespaces, e.g. `camunda:class`). */
  readonly $attrs?: Record<string, string>;
  /** True when the element's type is, or inherits from, `type`. */
  $instanceOf(type: string): boolean;
  readonly [property: string]: unknown;
}

/** True for a moddle element (an object with a `$type`). */
export function isModdleElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/** True when `element` is of type `type` or a subtype; false for generic (unknown namespace) elements. */
export function isA(element: ModdleElement | undefined, type: string): boolean {
  if (element === undefined) return false;
  if (typeof element.$instanceOf === 'function') return element.$instanceOf(type);
  return element.$type === type;
}

/** A string property, or undefined when absent or not a string. */
export function stringProperty(element: ModdleElement | undefined, name: string): string | undefined {
  const value = element?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** A property holding one element (a child or a resolved reference), or undefined. */
export function elementProperty(element: ModdleElement | undefined, name: string): ModdleElement | undefined {
  const value = element?.[name];
  return isModdleElement(value) ? value : undefined;
}

/** A property holding many elements, as an array (empty when absent). */
export function elementList(element: ModdleElement | undefined, name: string): ModdleElement[] {
  const value = element?.[name];
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

/** The element's `id`, or undefined. */
export function idOf(element: ModdleElement | undefined): string | undefined {
  return stringProperty(element, 'id');
}

/** Quotes a value for a message, shortened to `max` characters so long scripts stay readable. */
export function quote(value: string, max = 100): string {
  const oneLine = value.replace(/\s*\n\s*/g, ' ');
  return `'${oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine}'`;
}

/** How messages name an element: `bpmn:ServiceTask 'charge'` (type and id). */
export function describeElement(element: ModdleElement): string {
  const id = idOf(element);
  return id === undefined ? `${element.$type} (without id)` : `${element.$type} '${id}'`;
}
