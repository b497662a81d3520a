import { Inject, Injectable } from '@nestjs/common';
import type { AdHocJobResult, EngineCommand, TaskListenerResult, UserTaskCorrections } from '#engine-core';
import type { Principal } from '../../auth/principal.js';
import { ConflictError } from '../../common/errors/index.js';
import { CommandExecutor } from '../../execution/command-executor.js';
import { InstanceLookup } from '../../execution/instance-lookup.js';
import { CLOCK, type Clock } from '../../infrastructure/clock.js';
import { JobStore } from '../../stores/job.store.js';
import type { CompleteJobRequestDto, JobResultDto, FailJobRequestDto, ThrowJobErrorRequestDto, UpdateJobRequestDto } from '../dto/job.dto.js';

/**
 * What a worker reports about a job, as commands on its instance (in the instance's lock): a
 * completion, failure or error for a job that is not active any more changes nothing and is
 * answered 404 (ended, also with its instance) or 409 (wrong state) — the core decides which.
 */
@Injectable()
export class JobCommandsUseCase {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly lookup: InstanceLookup,
    private readonly jobs: JobStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  complete(jobKey: string, request: CompleteJobRequestDto, principal: Principal): Promise<void> {
    // the DTO validated both variants; here they only take the core's shape
    const adHocResult = request.result?.type === 'adHocSubProcess' ? adHocJobResult(request.result) : undefined;
    const result = request.result && !adHocResult ? taskListenerResult(request.result) : undefined;
    return this.run(jobKey, { type: 'COMPLETE_JOB', jobKey, variables: request.variables ?? {}, ...(adHocResult ? { adHocResult } : {}), ...(result ? { result } : {}) }, principal);
  }

  fail(jobKey: string, request: FailJobRequestDto, principal: Principal): Promise<void> {
    return this.run(
      jobKey,
      { type: 'FAIL_JOB', jobKey, retries: request.retries ?? 0, errorMessage: request.errorMessage ?? null, retryBackOffMs: request.retryBackOff ?? null, variables: request.variables ?? {} },
      principal,
    );
  }

  throwError(jobKey: string, request: ThrowJobErrorRequestDto, principal: Principal): Promise<void> {
    return this.run(jobKey, { type: 'THROW_ERROR', jobKey, errorCode: request.errorCode, errorMessage: request.errorMessage ?? null, variables: request.variables ?? {} }, principal);
  }

  /** Retries go through the instance; a new timeout moves the deadline of the activated job (engine clock, as the deadline sweeper compares it). */
  async update(jobKey: string, request: UpdateJobRequestDto, principal: Principal): Promise<void> {
    const { retries, timeout } = request.changeset;
    if (retries !== undefined && retries !== null) await this.run(jobKey, { type: 'UPDATE_JOB_RETRIES', jobKey, retries }, principal);
    if (timeout !== undefined && timeout !== null) {
      if (!(await this.jobs.moveDeadline(jobKey, new Date(this.clock.now().getTime() + timeout)))) {
        await this.lookup.ofJob(jobKey); // 404 when unknown
        throw new ConflictError('JOB.NOT_ACTIVATED', `Job ${jobKey} is not activated by a worker; only an activated job has a timeout`);
      }
    }
  }

  private async run(jobKey: string, command: EngineCommand, principal: Principal): Promise<void> {
    const processInstanceKey = await this.lookup.ofJob(jobKey);
    await this.executor.execute(processInstanceKey, command, { command: command.type, actor: principal.username });
  }
}

/**
 * Camunda's `userTask` job result as the core's: null or absent keeps a field, an empty string
 * clears the assignee or a date (null in the core), a list replaces the candidates.
 */
function taskListenerResult(result: JobResultDto): TaskListenerResult {
  const given = result.corrections ?? {};
  const corrections: UserTaskCorrections = {};
  const cleared = (value: string) => (value === '' ? null : value);
  if (typeof given.assignee === 'string') corrections.assignee = cleared(given.assignee);
  if (typeof given.dueDate === 'string') corrections.dueDate = given.dueDate === '' ? null : new Date(given.dueDate).toISOString();
  if (typeof given.followUpDate === 'string') corrections.followUpDate = given.followUpDate === '' ? null : new Date(given.followUpDate).toISOString();
  if (Array.isArray(given.candidateUsers)) corrections.candidateUsers = [...new Set(given.candidateUsers)];
  if (Array.isArray(given.candidateGroups)) corrections.candidateGroups = [...new Set(given.candidateGroups)];
  if (typeof given.priority === 'number') corrections.priority = given.priority;
  return { denied: result.denied === true, deniedReason: result.deniedReason ?? null, corrections };
}

/** Camunda's `adHocSubProcess` job result as the core takes it (absent flags are false, absent variables empty). */
function adHocJobResult(result: JobResultDto): AdHocJobResult {
  return {
    activateElements: (result.activateElements ?? []).map((element) => ({ elementId: element.elementId, variables: element.variables ?? {} })),
    isCompletionConditionFulfilled: result.isCompletionConditionFulfilled === true,
    isCancelRemainingInstances: result.isCancelRemainingInstances === true,
  };
}
