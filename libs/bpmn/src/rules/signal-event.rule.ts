import { eventDefinitionOf, nonBlank, signalOf } from '../parse/event-references.js';
import { describeElement, idOf, quote, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';

/**
 * `signal-event`: every signal event — start, intermediate catch, boundary, intermediate throw, end —
 * references a `bpmn:signal` with a name (Camunda 8: "Must reference a signal", "Name must be
 * present and not empty"). The name may be FEEL, evaluated when the event activates, except on a
 * signal start event of the process: a broadcast is matched to it before any variable exists, so
 * Baton wants a static name there (as on message start events), and the signal start events of one
 * process have different names (docs.camunda.io/docs/components/modeler/bpmn/signal-events/).
 */
export const signalEventRule: BpmnRule = {
  id: 'signal-event',
  description: 'Signal events reference a signal with a name; signal start events of a process have static, distinct names.',
  check(context) {
    const problems: BpmnProblem[] = [];
    const startsByName = new Map<ModdleElement, Map<string, ModdleElement[]>>();
    for (const event of context.flowNodes) {
      const definition = eventDefinitionOf(event, 'bpmn:SignalEventDefinition');
      if (definition === undefined) continue;
      const report = (message: string): void => {
        problems.push(elementProblem(this.id, context, event, message));
      };
      const unresolved = context.unresolvedReference(definition, 'signalRef');
      if (unresolved !== undefined) {
        report(`Expected the signal reference (signalRef) of ${describeElement(event)} to name a bpmn:signal but found no element with id '${unresolved}'`);
        continue;
      }
      const signal = signalOf(event);
      const name = nonBlank(stringProperty(signal, 'name'));
      if (name === undefined) {
        const found = signal === undefined ? 'no signal' : `${describeElement(signal)} without name`;
        report(`Expected ${describeElement(event)} to reference a signal with a name (signalRef to a bpmn:signal with name) but found ${found}`);
        continue;
      }
      const scope = context.scopeOf(event);
      if (event.$type !== 'bpmn:StartEvent' || scope?.$type !== 'bpmn:Process') continue;
      if (name.startsWith('=')) {
        report(`Expected a static signal name on ${describeElement(event)}, a signal start event of the process, but found the expression ${quote(name)}: a broadcast signal is matched to a start event by a fixed name`);
        continue;
      }
      const byName = startsByName.get(scope) ?? new Map<string, ModdleElement[]>();
      byName.set(name, [...(byName.get(name) ?? []), event]);
      startsByName.set(scope, byName);
    }
    for (const [process, byName] of startsByName) {
      for (const [name, starts] of byName) {
        if (starts.length < 2) continue;
        const ids = starts.map((start) => `'${idOf(start) ?? '?'}'`).join(', ');
        problems.push(elementProblem(this.id, context, process, `Expected the signal start events of ${describeElement(process)} to have different signals but ${ids} all start on '${name}'`));
      }
    }
    return problems;
  },
};
