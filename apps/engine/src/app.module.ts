import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module.js';
import { DeploymentsModule } from './deployments/deployments.module.js';
import { FormsModule } from './forms/forms.module.js';
import { HealthModule } from './health/health.module.js';
import { InfrastructureModule, type InfrastructureOptions } from './infrastructure/infrastructure.module.js';
import { ProcessDefinitionsModule } from './process-definitions/process-definitions.module.js';
import { TopologyModule } from './topology/topology.module.js';

/** The engine's root module: the REST API on top of the infrastructure the bootstrap prepared. */
@Module({})
export class AppModule {
  static forRoot(infrastructure: InfrastructureOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(infrastructure),
        AuthModule,
        HealthModule,
        DeploymentsModule,
        ProcessDefinitionsModule,
        FormsModule,
        TopologyModule,
      ],
    };
  }
}
