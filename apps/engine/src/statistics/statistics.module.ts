import { Module } from '@nestjs/common';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module.js';
import { ProcessInstancesModule } from '../process-instances/process-instances.module.js';
import { ElementDurationsController } from './element-durations.controller.js';
import { ElementDurationsRepository } from './element-durations.repository.js';
import { ElementStatisticsController } from './element-statistics.controller.js';
import { ElementStatisticsRepository } from './element-statistics.repository.js';
import { ProcessInstanceStatisticsController } from './process-instance-statistics.controller.js';
import { ProcessInstanceStatisticsRepository } from './process-instance-statistics.repository.js';

/**
 * Operations statistics, read-only: element-instance counts and sequence flows taken (the
 * instance diagram), instance counts per process and version (the processes overview), and
 * element duration percentiles (metrics). Everything is computed in MySQL from the tables the
 * command side writes; nothing is cached.
 */
@Module({
  imports: [ProcessDefinitionsModule, ProcessInstancesModule],
  controllers: [ProcessInstanceStatisticsController, ElementStatisticsController, ElementDurationsController],
  providers: [ElementStatisticsRepository, ProcessInstanceStatisticsRepository, ElementDurationsRepository],
})
export class StatisticsModule {}
