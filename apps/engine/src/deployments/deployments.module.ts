import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { ExecutionModule } from '../execution/execution.module.js';
import { FormsModule } from '../forms/forms.module.js';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module.js';
import { BoundedMemoryStorage } from './bounded-memory-storage.js';
import { DeploymentRepository } from './deployment.repository.js';
import { DeploymentsController } from './deployments.controller.js';
import { CreateDeploymentUseCase } from './usecases/create-deployment.usecase.js';

@Module({
  imports: [
    ExecutionModule,
    FormsModule,
    ProcessDefinitionsModule,
    MulterModule.registerAsync({
      inject: [BATON_CONFIG],
      useFactory: (config: BatonConfig) => ({
        storage: new BoundedMemoryStorage(config.limits.maxDeploymentBytes),
        limits: { fileSize: config.maxResourceBytes, files: 100, fields: 10, parts: 110 },
      }),
    }),
  ],
  controllers: [DeploymentsController],
  providers: [DeploymentRepository, CreateDeploymentUseCase],
  exports: [CreateDeploymentUseCase],
})
export class DeploymentsModule {}
