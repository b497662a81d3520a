import { describeElement, elementList, quote, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { extension } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import type { ValidationContext } from '../validate/validation-context.js';
import type { BpmnRule } from './bpmn-rule.js';
import { expressionSitesOf, rootElementSites, type ExpressionSite } from './expression-sites.js';
import { elementProblem } from './rule-problem.js';
import { isVariablePath } from './variable-name.js';

/**
 * `feel-expression`: every FEEL expression in the executable processes parses — attributes that
 * start with `=`, plus condition bodies and zeebe:script expressions, which are FEEL without `=`
 * too — including those on elements other rules refuse, so a modeler sees every problem at once.
 * Mapping targets (zeebe:input / zeebe:output `target`) must be variable names or paths.
 */
export const feelExpressionRule: BpmnRule = {
  id: 'feel-expression',
  description: 'Every FEEL expression parses (conditions, mappings, job types, assignments, timers, ...); mapping targets are variable names or paths.',
  check(context) {
    const problems: BpmnProblem[] = [];
    const sites: ExpressionSite[] = [...context.processes, ...context.flowElements].flatMap(expressionSitesOf);
    for (const type of ['bpmn:Message', 'bpmn:Signal', 'bpmn:Error', 'bpmn:Escalation']) sites.push(...context.referencedRootElements(type).flatMap(rootElementSites));
    for (const site of sites) {
      const failure = context.feel.checkSyntax(site.raw);
      if (failure === undefined) continue;
      const reason = failure.position === undefined ? failure.message : positionReason(site.raw, failure.expression, failure.position);
      const juel = /^\s*[$#]\{/.test(site.raw) ? ' (it looks like a Camunda 7 JUEL expression; Baton evaluates FEEL, written with a leading =)' : '';
      problems.push(elementProblem(this.id, context, site.element, `FEEL expression ${quote(site.raw)} in ${site.label} of ${describeElement(site.element)} does not parse: ${reason}${juel}`));
    }
    for (const element of context.flowElements) problems.push(...targetProblems(this.id, context, element));
    return problems;
  },
};

/** Says where parsing stopped, counted in the value as written (with its `=`), 1-based. */
function positionReason(raw: string, expression: string, position: number): string {
  const start = raw.indexOf(expression);
  const offset = (start === -1 ? 0 : start) + position;
  const rest = raw.slice(offset).trimEnd();
  if (rest === '') return 'the expression ends too early';
  return `unexpected ${quote(rest, 12)} at character ${offset + 1}`;
}

function targetProblems(rule: string, context: ValidationContext, element: ModdleElement): BpmnProblem[] {
  const ioMapping = extension(element, 'zeebe:IoMapping');
  const problems: BpmnProblem[] = [];
  for (const [property, tag] of [
    ['inputParameters', 'zeebe:input'],
    ['outputParameters', 'zeebe:output'],
  ] as const) {
    for (const mapping of elementList(ioMapping, property)) {
      const target = (stringProperty(mapping, 'target') ?? '').trim();
      if (isVariablePath(target)) continue;
      const source = stringProperty(mapping, 'source');
      const of = `${tag}${source === undefined ? '' : ` with source ${quote(source, 40)}`} on ${describeElement(element)}`;
      problems.push(
        elementProblem(rule, context, element, `Expected the target of ${of} to be a variable name or path (like total or order.total) but found ${target === '' ? 'none' : quote(target)}`),
      );
    }
  }
  return problems;
}

