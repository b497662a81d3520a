import { linkNameOf } from '../parse/event-references.js';
import { describeElement, type ModdleElement } from '../parse/moddle-element.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { names } from './catch-ambiguity.js';
import { eventKind } from './event-kind.js';
import { elementProblem } from './rule-problem.js';

/**
 * `link-event`: link events are a "go to" inside one process or subprocess. Every link event has a
 * name (`bpmn:linkEventDefinition name`); the link catch events of a scope have different names;
 * every link throw event has a link catch event with its name in its own scope, where the flow
 * continues (Camunda 8: links never cross a subprocess boundary, several throws may share one
 * catch, docs.camunda.io/docs/components/modeler/bpmn/link-events/).
 */
export const linkEventRule: BpmnRule = {
  id: 'link-event',
  description: 'Link events have a name; link catch events of a scope have distinct names; every link throw event has a catch event with its name in its scope.',
  check(context) {
    const problems: BpmnProblem[] = [];
    const report = (element: ModdleElement, message: string): void => {
      problems.push(elementProblem(this.id, context, element, message));
    };
    const links = context.flowNodes.filter((node) => eventKind(node) === 'link' && (node.$type === 'bpmn:IntermediateCatchEvent' || node.$type === 'bpmn:IntermediateThrowEvent'));
    const catchesByScope = new Map<ModdleElement | undefined, Map<string, ModdleElement[]>>();
    for (const link of links) {
      const name = linkNameOf(link);
      if (name === undefined) {
        report(link, `Expected a link name (bpmn:linkEventDefinition name) on ${describeElement(link)} but found none`);
        continue;
      }
      if (link.$type !== 'bpmn:IntermediateCatchEvent') continue;
      const scope = context.scopeOf(link);
      const byName = catchesByScope.get(scope) ?? new Map<string, ModdleElement[]>();
      byName.set(name, [...(byName.get(name) ?? []), link]);
      catchesByScope.set(scope, byName);
    }
    for (const [scope, byName] of catchesByScope) {
      for (const [name, catches] of byName) {
        if (catches.length > 1 && scope !== undefined) {
          report(scope, `Expected the link catch events of ${describeElement(scope)} to have different names but ${names(catches)} are all named '${name}'`);
        }
      }
    }
    for (const link of links.filter((node) => node.$type === 'bpmn:IntermediateThrowEvent')) {
      const name = linkNameOf(link);
      const scope = context.scopeOf(link);
      if (name === undefined || scope === undefined || catchesByScope.get(scope)?.has(name) === true) continue;
      const elsewhere = [...catchesByScope].flatMap(([other, byName]) => (other === scope ? [] : (byName.get(name) ?? [])));
      const hint = elsewhere.length === 0 ? '' : ` (link events connect only within one process or subprocess: ${elsewhere.map((found) => `${describeElement(found)} is in ${describeElement(context.scopeOf(found)!)}`).join(', ')})`;
      report(link, `Expected a link catch event named '${name}' in ${describeElement(scope)}, where ${describeElement(link)} continues, but found none${hint}`);
    }
    return problems;
  },
};
