import { describeElement } from '../parse/moddle-element.js';
import { extension } from '../parse/zeebe-extensions.js';
import { compileHeaders } from '../compile/compile-extensions.js';
import type { BpmnProblem } from '../problem.js';
import { parseRetryBackoff } from '../timers/retry-backoff.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';

/**
 * `retry-backoff`: the retry backoff a model declares in the task headers of an element with a
 * job (`retryBackoff`: ISO-8601 duration of fixed length; `retryBackoffMultiplier`: a number ≥ 1;
 * `retryBackoffMax`: a duration not shorter than `retryBackoff`) must be readable, so that a
 * failing job never meets a backoff the engine has to ignore.
 */
export const retryBackoffRule: BpmnRule = {
  id: 'retry-backoff',
  description: 'The retry backoff task headers (retryBackoff, retryBackoffMultiplier, retryBackoffMax) of job elements are valid durations and a multiplier of at least 1.',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const element of context.flowNodes) {
      if (extension(element, 'zeebe:TaskDefinition') === undefined) continue;
      const parsed = parseRetryBackoff(compileHeaders(element));
      if (parsed.ok) continue;
      for (const message of parsed.problems) problems.push(elementProblem(this.id, context, element, `${message} on ${describeElement(element)}`));
    }
    return problems;
  },
};
