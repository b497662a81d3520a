import { Module } from '@nestjs/common';
import { ExecutionModule } from '../execution/execution.module.js';
import { IncidentCommandsController } from './incident-commands.controller.js';
import { IncidentQueryRepository } from './incident-query.repository.js';
import { IncidentsController } from './incidents.controller.js';
import { ResolveIncidentUseCase } from './usecases/resolve-incident.usecase.js';

/** Incidents: search and get; resolution (a command run by execution/). */
@Module({
  imports: [ExecutionModule],
  controllers: [IncidentsController, IncidentCommandsController],
  providers: [IncidentQueryRepository, ResolveIncidentUseCase],
  exports: [IncidentQueryRepository],
})
export class IncidentsModule {}
