import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EngineCommand } from '#engine-core';
import type { Principal } from '../../auth/principal.js';
import { ConflictError, NotFoundError } from '../../common/errors/index.js';
import { CommandExecutor } from '../../execution/command-executor.js';
import { InstanceLookup } from '../../execution/instance-lookup.js';
import { CLOCK, type Clock } from '../../infrastructure/clock.js';
import type { CompleteJobRequestDto, FailJobRequestDto, ThrowJobErrorRequestDto, UpdateJobRequestDto } from '../dto/job.dto.js';

/**
 * What a worker reports about a job, as commands on its instance (in the instance's lock): a
 * completion, failure or error for a job that is not active any more changes nothing and is
 * answered 404 (ended) or 409 (wrong state).
 */
@Injectable()
export class JobCommandsUseCase {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly lookup: InstanceLookup,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  complete(jobKey: string, request: CompleteJobRequestDto, principal: Principal): Promise<void> {
    return this.run(jobKey, { type: 'COMPLETE_JOB', jobKey, variables: request.variables ?? {} }, principal);
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

  /** Retries go through the instance; a new timeout moves the deadline of the activated job. */
  async update(jobKey: string, request: UpdateJobRequestDto, principal: Principal): Promise<void> {
    const { retries, timeout } = request.changeset;
    if (retries !== undefined && retries !== null) await this.run(jobKey, { type: 'UPDATE_JOB_RETRIES', jobKey, retries }, principal);
    if (timeout !== undefined && timeout !== null) {
      const deadline = new Date(this.clock.now().getTime() + timeout);
      const result = (await this.dataSource.query("UPDATE jobs SET deadline = ? WHERE job_key = ? AND state = 'ACTIVATED'", [deadline, jobKey])) as { affectedRows: number };
      if (result.affectedRows === 0) {
        await this.lookup.ofJob(jobKey); // 404 when unknown
        throw new ConflictError('JOB.NOT_ACTIVATED', `Job ${jobKey} is not activated by a worker; only an activated job has a timeout`);
      }
    }
  }

  private async run(jobKey: string, command: EngineCommand, principal: Principal): Promise<void> {
    const processInstanceKey = await this.lookup.ofJob(jobKey);
    try {
      await this.executor.execute(processInstanceKey, command, { command: command.type, actor: principal.username });
    } catch (error) {
      // The job's instance has ended: the job is gone as far as workers are concerned.
      if (error instanceof ConflictError && error.code === 'PROCESS_INSTANCE.NOT_ACTIVE') throw new NotFoundError('JOB.NOT_FOUND', `Job ${jobKey} is not active: its process instance has ended`);
      throw error;
    }
  }
}
