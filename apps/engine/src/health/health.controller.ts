import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { DependencyHealth, type DependencyStatus } from './dependency-health.js';

/**
 * Liveness and readiness for orchestrators (Docker healthchecks, load balancers); outside /v2
 * and without credentials, and telling nothing beyond up/down.
 */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(private readonly health: DependencyHealth) {}

  /** Fails (503) only when a restart would help: the connection pool is wedged (see DependencyHealth). */
  @Get('live')
  @Public()
  async live(@Res({ passthrough: true }) response: Response): Promise<{ status: 'up' | 'down' }> {
    const live = await this.health.canMakeProgress();
    if (!live) response.status(503);
    return { status: live ? 'up' : 'down' };
  }

  @Get(['', 'ready'])
  @Public()
  async ready(@Res({ passthrough: true }) response: Response): Promise<{ status: 'up' | 'down' } & DependencyStatus> {
    const dependencies = await this.health.check();
    const up = dependencies.mysql === 'up' && dependencies.redis === 'up';
    if (!up) response.status(503);
    return { status: up ? 'up' : 'down', ...dependencies };
  }
}
