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

/**
 * Camunda 8.8's findings that Baton's engine may not share: Baton runs elements Camunda 8.8
 * refuses (transactions, cancel and compensation events, complex gateways with conditions,
 * standard loops, conditional events, duplicate link names in separate scopes, messages without
 * a subscription where nothing waits for them). These are warnings ("Camunda 8.8 ..."), never problems: the engine has the last
 * word when it deploys. `lint-config.spec.ts` lints every `valid/` model of libs/bpmn and
 * expects no problem, so a rule of a newer plugin that refuses what Baton runs shows up there.
 */
const CAMUNDA_ONLY: Record<string, (message: string) => boolean> = {
  'camunda-compat/element-type': () => true,
  'camunda-compat/loop-characteristics': () => true,
  'camunda-compat/subscription': () => true,
  'camunda-compat/sequence-flow-condition': (message) => message.includes('only allowed if source'),
  'camunda-compat/link-event': (message) => message.includes('duplicate value'),
};

/** A finding of the live checks. */
export interface LiveFinding {
  severity: FindingSeverity;
  problem: DeploymentProblem;
}

/**
 * `issues` as findings: errors are problems, warnings and notes are warnings, and so are the
 * errors of Camunda 8.8 that Baton may not share ({@link CAMUNDA_ONLY}); a rule that failed is
 * reported as a warning naming the rule (the diagram is not at fault). `typeOf` gives an
 * element's BPMN type. The same message twice on one element is listed once.
 */
export function lintFindings(issues: Record<string, readonly LintIssue[]>, typeOf: (elementId: string) => string | undefined): LiveFinding[] {
  const findings: LiveFinding[] = [];
  const seen = new Set<string>();
  for (const list of Object.values(issues)) {
    for (const issue of list) {
      const elementId = issue.actualElementId ?? issue.id;
      const ruleFailed = issue.category === 'rule-error';
      const camundaOnly = issue.category === 'error' && (CAMUNDA_ONLY[issue.rule ?? '']?.(issue.message) ?? false);
      const message = ruleFailed
        ? `The check ${issue.rule ?? ''} could not run: ${issue.message}`
        : camundaOnly
          ? `Camunda 8.8 would refuse this (Baton runs it): ${issue.message}`
          : issue.message;
      const key = `${elementId}\u0000${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const elementType = typeOf(elementId);
      findings.push({
        severity: issue.category === 'error' && !camundaOnly ? 'problem' : 'warning',
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

/**
 * The live list: the engine's own problems (from `POST /v2/deployments/validation`, Baton's
 * deploy rules) and the lint findings. The engine has the last word on what deploys, so an
 * element it finds a problem on keeps only the engine's problems; its lint warnings, and the
 * lint findings on other elements (Camunda's rules, the linked-form rule), stay.
 */
export function mergeFindings(lint: readonly LiveFinding[], engineProblems: readonly DeploymentProblem[]): LiveFinding[] {
  const judged = new Set(engineProblems.map((problem) => problem.elementId ?? ''));
  return [
    ...engineProblems.map((problem): LiveFinding => ({ severity: 'problem', problem })),
    ...lint.filter((finding) => finding.severity === 'warning' || !judged.has(finding.problem.elementId ?? '')),
  ];
}
