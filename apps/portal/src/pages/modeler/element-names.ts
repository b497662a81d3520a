/**
 * The engine's messages name elements the way its rules see them, by type and id
 * (`bpmn:ServiceTask 'Activity_0rq3xyj'`); the analyst knows them by the names on the canvas.
 * In the modeler such a mention becomes the element's name (`service task “Charge card”`) when the
 * element has one; elements without a name keep their type and id.
 */
import type { ElementLabel } from './problem-markers';
import { elementTypeLabel } from './problem-markers';

const MENTION = /\bbpmn:([A-Z][A-Za-z]*) '([^']+)'/g;

/** `message` with each `bpmn:Type 'id'` of a named element replaced by its kind and name. */
export function nameElements(message: string, describe: (elementId: string) => ElementLabel): string {
  const named = message.replace(MENTION, (mention, _type: string, id: string, offset: number) => {
    const label = describe(id);
    if (!label.name) return mention;
    const kind = elementTypeLabel(label.type ?? `bpmn:${_type}`);
    const text = `${kind} “${label.name}”`;
    return offset === 0 ? text : text.charAt(0).toLowerCase() + text.slice(1);
  });
  return named;
}
