import { ApiProperty } from '@nestjs/swagger';

export class PartitionDto {
  @ApiProperty({ example: 1 }) partitionId: number;
  @ApiProperty({ enum: ['leader', 'follower', 'inactive'] }) role: 'leader' | 'follower' | 'inactive';
  @ApiProperty({ enum: ['healthy', 'unhealthy', 'dead'] }) health: 'healthy' | 'unhealthy' | 'dead';
}

export class BrokerDto {
  @ApiProperty({ example: 0 }) nodeId: number;
  @ApiProperty({ example: 'localhost' }) host: string;
  @ApiProperty({ example: 8080 }) port: number;
  @ApiProperty({ type: [PartitionDto] }) partitions: PartitionDto[];
  @ApiProperty({ example: '0.1.0' }) version: string;
}

/** GET /v2/topology in Camunda 8's shape, describing Baton truthfully: one node, one partition. */
export class TopologyDto {
  @ApiProperty({ type: [BrokerDto] }) brokers: BrokerDto[];
  @ApiProperty({ example: 1 }) clusterSize: number;
  @ApiProperty({ example: 1 }) partitionsCount: number;
  @ApiProperty({ example: 1 }) replicationFactor: number;
  @ApiProperty({ example: '0.1.0' }) gatewayVersion: string;
  @ApiProperty({ example: '' }) lastCompletedChangeId: string;
}
