import { eventDefinitionOf } from '../parse/event-references.js';
import { describeElement, quote, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { expressionBody, extension } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { names } from './catch-ambiguity.js';
import { eventKind, isEventSubProcess } from './event-kind.js';
import { elementProblem } from './rule-problem.js';

/** The kinds of variable change a `zeebe:conditionalFilter` may name. */
export const VARIABLE_EVENTS = ['create', 'update'] as const;

/**
 * `conditional-event`: a conditional event (Camunda 8.9: intermediate catch, boundary, event
 * subprocess start) has a condition, a FEEL expression (`feel-expression` checks that it parses),
 * and its optional `zeebe:conditionalFilter` names variables statically (a comma-separated list
 * without empty entries) and variable events among `create` and `update`; the conditional start
 * events of the event subprocesses directly in a process have different conditions — as Zeebe
 * validates (docs.camunda.io/docs/components/modeler/bpmn/conditional-events/).
 */
export const conditionalEventRule: BpmnRule = {
  id: 'conditional-event',
  description: 'Conditional events have a FEEL condition; their zeebe:conditionalFilter lists static variable names and the variable events create and/or update.',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const event of context.flowNodes) {
      const definition = eventDefinitionOf(event, 'bpmn:ConditionalEventDefinition');
      if (definition === undefined) continue;
      const report = (message: string): void => {
        problems.push(elementProblem(this.id, context, event, message));
      };
      if (expressionBody(definition, 'condition') === undefined) {
        report(`Expected a condition (bpmn:condition, a FEEL expression like = x > 1) on ${describeElement(event)}, a conditional event, but found none`);
      }
      const filter = extension(definition, 'zeebe:ConditionalFilter');
      const names = stringProperty(filter, 'variableNames');
      if (names !== undefined && names.trim() !== '') {
        const list = names.split(',').map((name) => name.trim());
        const what = `Expected the variable names (zeebe:conditionalFilter variableNames) of ${describeElement(event)} to be a comma-separated list of variable names`;
        if (list.includes('')) report(`${what} but found ${quote(names)}, which has an empty entry`);
        const expression = list.find((name) => name.startsWith('='));
        if (expression !== undefined) report(`${what} but found the expression ${quote(expression)}: the names are read when the process is deployed, not evaluated`);
      }
      const events = stringProperty(filter, 'variableEvents');
      const unknown = (events ?? '')
        .split(',')
        .map((kind) => kind.trim())
        .filter((kind) => kind !== '' && !(VARIABLE_EVENTS as readonly string[]).includes(kind));
      if (unknown.length > 0) {
        report(
          `Expected the variable events (zeebe:conditionalFilter variableEvents) of ${describeElement(event)} to be create, update or both (comma-separated) but found ${unknown.map((kind) => quote(kind)).join(', ')}`,
        );
      }
    }
    for (const process of context.processes) {
      const starts = context
        .childrenOf(process)
        .filter(isEventSubProcess)
        .flatMap((subprocess) => context.childrenOf(subprocess).filter((child) => child.$type === 'bpmn:StartEvent' && eventKind(child) === 'conditional'));
      const byCondition = new Map<string, ModdleElement[]>();
      for (const start of starts) {
        const condition = expressionBody(eventDefinitionOf(start, 'bpmn:ConditionalEventDefinition'), 'condition');
        if (condition !== undefined) byCondition.set(condition, [...(byCondition.get(condition) ?? []), start]);
      }
      for (const [condition, same] of byCondition) {
        if (same.length < 2) continue;
        problems.push(
          elementProblem(this.id, context, process, `Expected the conditional start events of the event subprocesses of ${describeElement(process)} to have different conditions but ${names(same)} all have ${quote(condition)}`),
        );
      }
    }
    return problems;
  },
};
