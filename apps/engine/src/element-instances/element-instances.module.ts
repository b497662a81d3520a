import { Module } from '@nestjs/common';
import { ExecutionModule } from '../execution/execution.module.js';
import { AdHocActivitiesController } from './ad-hoc-activities.controller.js';
import { ElementInstanceCommandsController } from './element-instance-commands.controller.js';
import { ElementInstanceQueryRepository } from './element-instance-query.repository.js';
import { ElementInstancesController } from './element-instances.controller.js';
import { ActivateAdHocActivitiesUseCase } from './usecases/activate-ad-hoc-activities.usecase.js';
import { SetVariablesUseCase } from './usecases/set-variables.usecase.js';

/** Element instances: search and get; setting variables in their scope and activating ad-hoc subprocess elements (commands run by execution/). */
@Module({
  imports: [ExecutionModule],
  controllers: [ElementInstancesController, ElementInstanceCommandsController, AdHocActivitiesController],
  providers: [ElementInstanceQueryRepository, SetVariablesUseCase, ActivateAdHocActivitiesUseCase],
  exports: [ElementInstanceQueryRepository],
})
export class ElementInstancesModule {}
