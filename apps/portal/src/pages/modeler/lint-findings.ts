/**
 * Turns what bpmn-js-bpmnlint reports (`linting.completed`: issues grouped by the element they are
 * shown on) into the modeler's findings: the same shape as the engine's deployment problems, so
 * one list and one set of markers show both.
 */
import type { DeploymentProblem } from '../../api/deployments.api';
import type { FindingSeverity } from './problem-markers';

/** One report of bpmn-js-bpmnlint. */
export interface LintIssue {
  /** The element it is shown on (the process or participant for elements without a shape). */
  id: string;
  message: string;
  /** `error`, `warn`, `info`, or `rule-error` (the rule itself failed). */
  category: string;
  /** The rule's name, e.g. `camunda-compat/user-task-form`. */
  rule?: string;
  /** The element it is about, when that has no shape (then `id` is where it is shown). */
  actualElementId?: string;
}

/** A finding of the live checks. */
export interface LiveFinding {
  severity: FindingSeverity;
  problem: DeploymentProblem;
}

/**
 * `issues` as findings: errors are problems, warnings and notes are warnings; a rule that failed
 * is reported as a warning naming the rule (the diagram is not at fault). `typeOf` gives an
 * element's BPMN type. The same message twice on one element is listed once.
 */
export function lintFindings(issues: Record<string, readonly LintIssue[]>, typeOf: (elementId: string) => string | undefined): LiveFinding[] {
  const findings: LiveFinding[] = [];
  const seen = new Set<string>();
  for (const list of Object.values(issues)) {
    for (const issue of list) {
      const elementId = issue.actualElementId ?? issue.id;
      const ruleFailed = issue.category === 'rule-error';
      const message = ruleFailed ? `The check ${issue.rule ?? ''} could not run: ${issue.message}` : issue.message;
      const key = `${elementId}\u0000${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const elementType = typeOf(elementId);
      findings.push({
        severity: issue.category === 'error' ? 'problem' : 'warning',
        problem: { rule: issue.rule ?? 'lint', message: sentence(message), elementId, ...(elementType ? { elementType } : {}) },
      });
    }
  }
  return findings;
}

/** Camunda's messages start in lower case at times and end without a full stop. */
function sentence(message: string): string {
  const trimmed = message.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
