import { completeTaskListener, taskListenerRefusal } from '../../processing/task-listeners.js';
import type { CommandProcessor } from '../command-processor.js';
import { completeAdHocJob } from './ad-hoc-job.js';
import { rejection } from '../engine-command.js';
import { jobFor } from './job-guard.js';

/** A worker completed its job: the element completes with the job's variables (an execution listener's job: the element goes on, listeners.md). */
export const completeJob: CommandProcessor<'COMPLETE_JOB'> = {
  instance: 'present',
  process(command, context) {
    const { state, lifecycle } = context;
    const found = jobFor(state, command.jobKey, ['CREATED', 'ACTIVATED', 'FAILED'], 'completed');
    if ('kind' in found) return found;
    // the ad-hoc subprocess's own job (job worker implementation), not a listener's job on it
    const adHocJob = found.job.kind === undefined && found.element.elementType === 'bpmn:AdHocSubProcess';
    if (command.adHocResult && !adHocJob) return rejection('JOB.RESULT_NOT_APPLICABLE', `Job ${found.job.jobKey} is not the job of an ad-hoc subprocess; only those take an adHocSubProcess result`);
    if (found.job.kind === 'TASK_LISTENER') {
      const task = [...state.userTasks.values()].find((candidate) => candidate.elementInstanceKey === found.job.elementInstanceKey && candidate.transition);
      const refusal = taskListenerRefusal(task, found.job, command.variables, command.result);
      if (refusal) return rejection(refusal.code, refusal.message);
      lifecycle.emit({ type: 'JOB_COMPLETED', jobKey: found.job.jobKey, elementInstanceKey: found.element.elementInstanceKey });
      completeTaskListener(lifecycle, task!, command.result);
      return undefined;
    }
    if (command.result) return rejection('JOB.RESULT_NOT_APPLICABLE', `Job ${found.job.jobKey} is not a user task listener's job; only those take a userTask result`);
    if (adHocJob) return completeAdHocJob(command, found, context);
    lifecycle.emit({ type: 'JOB_COMPLETED', jobKey: found.job.jobKey, elementInstanceKey: found.element.elementInstanceKey });
    if (found.job.kind === 'EXECUTION_LISTENER') lifecycle.completeExecutionListener(found.job, command.variables);
    else lifecycle.completeWaiting(found.element.elementInstanceKey, command.variables);
    return undefined;
  },
};
