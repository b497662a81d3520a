import { describeElement, idOf } from '../parse/moddle-element.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';

/**
 * `executable-process`: the resource must contain at least one process marked
 * `isExecutable="true"` (Camunda: "Must contain at least one executable process"). Processes
 * that are not executable (other pools, documentation-only models) are ignored with a warning.
 */
export const executableProcessRule: BpmnRule = {
  id: 'executable-process',
  description: 'At least one bpmn:process must be marked isExecutable="true"; non-executable processes are ignored.',
  check(context) {
    if (context.processes.length > 0) return [];
    const ids = context.allProcesses.map((process) => `'${idOf(process) ?? '?'}'`);
    const found = ids.length === 0 ? 'no process at all' : `only non-executable ${ids.length === 1 ? 'process' : 'processes'} ${ids.join(', ')}`;
    return [
      {
        rule: this.id,
        message: `Must contain at least one executable process: expected a bpmn:process with isExecutable="true" but found ${found}`,
      },
    ];
  },
  warn(context) {
    if (context.processes.length === 0) return [];
    return context.allProcesses
      .filter((process) => !context.processes.includes(process))
      .map((process) => {
        const warning = elementProblem(this.id, context, process, `${describeElement(process)} is not executable (isExecutable is not "true") and is not deployed`);
        const processId = idOf(process);
        return processId === undefined ? warning : { ...warning, processId };
      });
  },
};
