const BPMN_NAMESPACE = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/**
 * Element id → name of every named element of a BPMN model, read from its XML: the instance page
 * names elements that waited but never ran (the catch events after an event-based gateway,
 * boundary events) by it. Unreadable XML gives an empty map.
 */
export function elementNamesFromXml(xml: string): Map<string, string> {
  const names = new Map<string, string>();
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  if (document.getElementsByTagName('parsererror').length > 0) return names;
  for (const element of Array.from(document.getElementsByTagNameNS(BPMN_NAMESPACE, '*'))) {
    const id = element.getAttribute('id');
    const name = element.getAttribute('name');
    if (id && name && element.localName !== 'message' && element.localName !== 'signal') names.set(id, name);
  }
  return names;
}
