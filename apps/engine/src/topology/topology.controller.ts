import { hostname } from 'node:os';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BATON_CONFIG, batonVersion, type BatonConfig } from '#runtime';
import { DependencyHealth } from '../health/dependency-health.js';
import { TopologyDto } from './topology.dto.js';

@ApiTags('Cluster')
@Controller('v2/topology')
export class TopologyController {
  constructor(
    private readonly health: DependencyHealth,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Cluster topology (Camunda 8 shape).',
    description: 'Baton has no partitions or brokers: it reports itself as one node with one partition, healthy when MySQL and Redis answer.',
  })
  @ApiOkResponse({ type: TopologyDto })
  async get(): Promise<TopologyDto> {
    const status = await this.health.check();
    const healthy = status.mysql === 'up' && status.redis === 'up';
    const version = batonVersion();
    return {
      brokers: [{ nodeId: 0, host: hostname(), port: this.config.port, partitions: [{ partitionId: 1, role: 'leader', health: healthy ? 'healthy' : 'unhealthy' }], version }],
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: version,
      lastCompletedChangeId: '',
    };
  }
}
