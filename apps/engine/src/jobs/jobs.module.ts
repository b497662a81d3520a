import { Module } from '@nestjs/common';
import { ClockController } from '../clock/clock.controller.js';
import { DispatchSweeper } from './dispatch-sweeper.js';
import { ExecutionModule } from '../execution/execution.module.js';
import { JobActivation } from './job-activation.js';
import { JobQueryRepository } from './job-query.repository.js';
import { JobsController } from './jobs.controller.js';
import { JobCommandsUseCase } from './usecases/job-commands.usecase.js';

/** Jobs for workers (activation over REST and BullMQ, completion, failure, errors, search), the dispatch and timer sweepers, and clock control. */
@Module({
  imports: [ExecutionModule],
  controllers: [JobsController, ClockController],
  providers: [JobActivation, JobCommandsUseCase, JobQueryRepository, DispatchSweeper],
})
export class JobsModule {}
