import { Module } from '@nestjs/common';
import { DependencyHealth } from './dependency-health.js';
import { HealthController } from './health.controller.js';

@Module({
  controllers: [HealthController],
  providers: [DependencyHealth],
  exports: [DependencyHealth],
})
export class HealthModule {}
