/**
 * What a user task listener corrects (Camunda's job result `corrections`): an absent key keeps
 * the task's value; `''` clears the assignee or a date, `[]` the candidates.
 */
export interface TaskCorrections {
  assignee?: string;
  dueDate?: string;
  followUpDate?: string;
  candidateUsers?: string[];
  candidateGroups?: string[];
  /** 0..100 */
  priority?: number;
}

/**
 * Returned by the handler of a user task listener's job (kind TASK_LISTENER): the job completes
 * with Camunda's `userTask` result instead of variables (which listener jobs may not set). Make
 * one with {@link TaskListenerResult.accept} or {@link TaskListenerResult.deny}.
 *
 * @example
 * createWorker({
 *   type: 'check-completion',
 *   handler: (job) => (job.variables.comment ? TaskListenerResult.accept() : TaskListenerResult.deny('a comment is required')),
 * });
 */
export class TaskListenerResult {
  private constructor(
    readonly denied: boolean,
    readonly deniedReason: string | undefined,
    readonly corrections: TaskCorrections,
  ) {}

  /** Lets the transition go on, with corrections to the task (none by default). */
  static accept(corrections: TaskCorrections = {}): TaskListenerResult {
    return new TaskListenerResult(false, undefined, { ...corrections });
  }

  /** Denies the transition (assigning, updating or completing): the task stays as it was. */
  static deny(reason?: string): TaskListenerResult {
    return new TaskListenerResult(true, reason, {});
  }

  /** The body of the job completion (POST /v2/jobs/{key}/completion). */
  toCompletion(): { result: { type: 'userTask'; denied: boolean; deniedReason?: string; corrections: TaskCorrections } } {
    return { result: { type: 'userTask', denied: this.denied, ...(this.deniedReason !== undefined ? { deniedReason: this.deniedReason } : {}), corrections: this.corrections } };
  }
}
