import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module.js';
import { DeploymentsModule } from './deployments/deployments.module.js';
import { ElementInstancesModule } from './element-instances/element-instances.module.js';
import { FormsModule } from './forms/forms.module.js';
import { HealthModule } from './health/health.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { IncidentsModule } from './incidents/incidents.module.js';
import { InfrastructureModule, type InfrastructureOptions } from './infrastructure/infrastructure.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { MessagesModule } from './messages/messages.module.js';
import { ProcessDefinitionsModule } from './process-definitions/process-definitions.module.js';
import { ProcessInstancesModule } from './process-instances/process-instances.module.js';
import { SignalsModule } from './signals/signals.module.js';
import { StatisticsModule } from './statistics/statistics.module.js';
import { TopologyModule } from './topology/topology.module.js';
import { UserTasksModule } from './user-tasks/user-tasks.module.js';
import { MyRequestsModule } from './my-requests/my-requests.module.js';
import { VariablesModule } from './variables/variables.module.js';

/** The engine's root module: the REST API on top of the infrastructure the bootstrap prepared. */
@Module({})
export class AppModule {
  static forRoot(infrastructure: InfrastructureOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(infrastructure),
        AuthModule,
        IdentityModule,
        HealthModule,
        DeploymentsModule,
        ProcessDefinitionsModule,
        FormsModule,
        TopologyModule,
        ProcessInstancesModule,
        ElementInstancesModule,
        VariablesModule,
        IncidentsModule,
        UserTasksModule,
        MyRequestsModule,
        MessagesModule,
        SignalsModule,
        JobsModule,
        StatisticsModule,
      ],
    };
  }
}
