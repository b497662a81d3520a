import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from '../rules/bpmn-rule.js';
import type { ValidationContext } from './validation-context.js';

/** Rule id of problems that are bugs in Baton, not in the model. */
export const INTERNAL_RULE = 'internal';

/**
 * Runs every rule and collects all problems and warnings. A rule that throws is a bug: it becomes
 * an `internal` problem naming the rule, and the other rules still run.
 */
export function runRules(rules: readonly BpmnRule[], context: ValidationContext): { problems: BpmnProblem[]; warnings: BpmnProblem[] } {
  const problems: BpmnProblem[] = [];
  const warnings: BpmnProblem[] = [];
  for (const rule of rules) {
    try {
      problems.push(...rule.check(context));
      if (rule.warn !== undefined) warnings.push(...rule.warn(context));
    } catch (error) {
      problems.push(internalProblem(`rule '${rule.id}'`, error));
    }
  }
  return { problems: unique(problems), warnings: unique(warnings) };
}

/** A problem for an unexpected exception, asking for a bug report rather than a model change. */
export function internalProblem(where: string, error: unknown): BpmnProblem {
  const detail = error instanceof Error ? error.message : String(error);
  return { rule: INTERNAL_RULE, message: `Baton failed while checking this model (${where}: ${detail}); this is a bug in Baton, not in the model` };
}

function unique(problems: BpmnProblem[]): BpmnProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
