import type { BpmnProblem } from '../problem.js';
import type { ValidationContext } from '../validate/validation-context.js';

/**
 * A deploy-time check. Each rule lives in its own file, is small, and is tested by `valid/` and
 * `invalid/` fixture models under `test/fixtures/<rule-id>/`. Rules only read the context.
 */
export interface BpmnRule {
  /** Stable id, used as `BpmnProblem.rule` and as the fixture folder name, e.g. `'gateway-exit'`. */
  readonly id: string;
  /** One sentence: what the rule checks and why. */
  readonly description: string;
  /** The problems that make Baton refuse the model (every one of them, not just the first). */
  check(context: ValidationContext): BpmnProblem[];
  /** Findings that do not block deployment (something is ignored or unreachable). */
  warn?(context: ValidationContext): BpmnProblem[];
}
