import { Module } from '@nestjs/common';
import { HealthModule } from '../health/health.module.js';
import { TopologyController } from './topology.controller.js';

@Module({ imports: [HealthModule], controllers: [TopologyController] })
export class TopologyModule {}
