import type { CommandProcessor } from './command-processor.js';
import type { EngineCommandType } from './engine-command.js';
import { activateAdHocElements } from './processors/activate-ad-hoc-elements.processor.js';
import { assignUserTask } from './processors/assign-user-task.processor.js';
import { calledElementNotFound } from './processors/called-element-not-found.processor.js';
import { cancelProcessInstance } from './processors/cancel-process-instance.processor.js';
import { completeCallActivity } from './processors/complete-call-activity.processor.js';
import { completeJob } from './processors/complete-job.processor.js';
import { completeUserTask } from './processors/complete-user-task.processor.js';
import { correlateMessage } from './processors/correlate-message.processor.js';
import { createProcessInstance } from './processors/create-process-instance.processor.js';
import { failJob } from './processors/fail-job.processor.js';
import { raiseUncaughtError } from './processors/raise-uncaught-error.processor.js';
import { resolveIncident } from './processors/resolve-incident.processor.js';
import { setVariables } from './processors/set-variables.processor.js';
import { throwErrorAt } from './processors/throw-error-at.processor.js';
import { throwEscalationAt } from './processors/throw-escalation-at.processor.js';
import { throwError } from './processors/throw-error.processor.js';
import { timeOutJob } from './processors/time-out-job.processor.js';
import { triggerSignal } from './processors/trigger-signal.processor.js';
import { triggerTimer } from './processors/trigger-timer.processor.js';
import { updateJobRetries } from './processors/update-job-retries.processor.js';
import { updateUserTask } from './processors/update-user-task.processor.js';

/**
 * One processor per command type, in one table (Zeebe's `processors.put(...)`). The key type is
 * the command union, so a command without a processor does not compile.
 */
export const COMMAND_PROCESSORS: { [T in EngineCommandType]: CommandProcessor<T> } = {
  CREATE_PROCESS_INSTANCE: createProcessInstance,
  CANCEL_PROCESS_INSTANCE: cancelProcessInstance,
  COMPLETE_JOB: completeJob,
  FAIL_JOB: failJob,
  THROW_ERROR: throwError,
  UPDATE_JOB_RETRIES: updateJobRetries,
  TIME_OUT_JOB: timeOutJob,
  COMPLETE_USER_TASK: completeUserTask,
  ASSIGN_USER_TASK: assignUserTask,
  UPDATE_USER_TASK: updateUserTask,
  RESOLVE_INCIDENT: resolveIncident,
  SET_VARIABLES: setVariables,
  TRIGGER_TIMER: triggerTimer,
  COMPLETE_CALL_ACTIVITY: completeCallActivity,
  CALLED_ELEMENT_NOT_FOUND: calledElementNotFound,
  THROW_ERROR_AT: throwErrorAt,
  RAISE_UNCAUGHT_ERROR: raiseUncaughtError,
  THROW_ESCALATION_AT: throwEscalationAt,
  CORRELATE_MESSAGE: correlateMessage,
  TRIGGER_SIGNAL: triggerSignal,
  ACTIVATE_AD_HOC_ELEMENTS: activateAdHocElements,
};
