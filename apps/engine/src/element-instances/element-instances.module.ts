import { Module } from '@nestjs/common';
import { ExecutionModule } from '../execution/execution.module.js';
import { ElementInstanceCommandsController } from './element-instance-commands.controller.js';
import { ElementInstanceQueryRepository } from './element-instance-query.repository.js';
import { ElementInstancesController } from './element-instances.controller.js';
import { SetVariablesUseCase } from './usecases/set-variables.usecase.js';

/** Element instances: search and get; setting variables in their scope (a command run by execution/). */
@Module({
  imports: [ExecutionModule],
  controllers: [ElementInstancesController, ElementInstanceCommandsController],
  providers: [ElementInstanceQueryRepository, SetVariablesUseCase],
  exports: [ElementInstanceQueryRepository],
})
export class ElementInstancesModule {}
