import { Module } from '@nestjs/common';
import { ExecutionModule } from '../execution/execution.module.js';
import { ProcessInstanceCommandsController } from './process-instance-commands.controller.js';
import { ProcessInstanceQueryRepository } from './process-instance-query.repository.js';
import { ProcessInstancesController } from './process-instances.controller.js';
import { CancelProcessInstanceUseCase } from './usecases/cancel-process-instance.usecase.js';
import { CreateProcessInstanceUseCase } from './usecases/create-process-instance.usecase.js';
import { GetInstanceWaitsUseCase } from './usecases/get-instance-waits.usecase.js';

/** Process instances: search, get, audit log, waits; start and cancel (commands run by execution/). */
@Module({
  imports: [ExecutionModule],
  controllers: [ProcessInstancesController, ProcessInstanceCommandsController],
  providers: [ProcessInstanceQueryRepository, CreateProcessInstanceUseCase, CancelProcessInstanceUseCase, GetInstanceWaitsUseCase],
  exports: [ProcessInstanceQueryRepository],
})
export class ProcessInstancesModule {}
