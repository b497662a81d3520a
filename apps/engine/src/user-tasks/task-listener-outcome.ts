import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, GatewayTimeoutError } from '../common/errors/index.js';
import { WALL_CLOCK, type Clock } from '../infrastructure/clock.js';
import { UserTaskStore } from '../stores/user-task.store.js';

/** How long an assignment, update or completion waits for its task listeners before answering 504 (the transition goes on). */
export const TASK_LISTENER_WAIT_MS = 15_000;

/** How often the waiting request looks at the task again. */
const POLL_MS = 100;

const STATES_OF = { assigning: 'ASSIGNING', updating: 'UPDATING', completing: 'COMPLETING' } as const;
const VERBS = { assigning: 'Assignment', updating: 'Update', completing: 'Completion' } as const;

/**
 * Answers a user task request once its task listeners decided, as Camunda answers it: the request
 * that assigned, updated or completed a task with listeners waits (up to {@link TASK_LISTENER_WAIT_MS})
 * while the task is ASSIGNING, UPDATING or COMPLETING; a denial is a 409
 * `USER_TASK.TRANSITION_DENIED` with the listener's reason. Without listeners the task is never in
 * that state and the answer is immediate.
 */
@Injectable()
export class TaskListenerOutcome {
  constructor(
    private readonly tasks: UserTaskStore,
    @Inject(WALL_CLOCK) private readonly clock: Clock,
  ) {}

  async waitFor(userTaskKey: string, eventType: keyof typeof STATES_OF, timeoutMs = TASK_LISTENER_WAIT_MS): Promise<void> {
    const deadline = this.clock.now().getTime() + timeoutMs;
    for (;;) {
      const outcome = await this.tasks.transitionOutcome(userTaskKey);
      if (!outcome) return;
      if (outcome.state !== STATES_OF[eventType]) {
        if (outcome.state === 'CREATED' && outcome.denial?.eventType === eventType) {
          const reason = outcome.denial.deniedReason ?? '';
          throw new ConflictError('USER_TASK.TRANSITION_DENIED', `${VERBS[eventType]} of the user task with key '${userTaskKey}' was denied by a task listener. Reason to deny: '${reason}'`, {
            deniedReason: outcome.denial.deniedReason,
          });
        }
        return;
      }
      if (this.clock.now().getTime() >= deadline) {
        throw new GatewayTimeoutError(
          'USER_TASK.LISTENERS_TIMEOUT',
          `Expected the task listeners of user task ${userTaskKey} to decide within ${timeoutMs} ms, but they still run; the ${eventType} goes on once they complete`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
