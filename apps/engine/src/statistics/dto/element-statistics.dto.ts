import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';

/**
 * Body of `POST /v2/process-definitions/{key}/statistics/element-instances` (Camunda 8.8 shape):
 * an optional process-instance filter choosing which instances of the definition count.
 */
export class ProcessDefinitionElementStatisticsQueryDto {
  @ApiPropertyOptional({
    type: Object,
    description:
      'Which instances of the definition count: `processInstanceKey`, `state`, `hasIncident`, `startDate`, `endDate`, `tenantId` and Baton\'s `businessId`, each a value or an object of operators ($eq, $neq, $in, $notIn, $exists, $like, $gt, $gte, $lt, $lte).',
    example: { state: 'ACTIVE' },
  })
  @IsOptional()
  @IsObject()
  filter?: Record<string, unknown>;
}

/**
 * Counts of one element's instances (Camunda 8.8 `ProcessElementStatisticsResult`). An element
 * instance with an active incident counts under `incidents` only, not under `active`, so the
 * diagram shows a green and a red badge that add up to what is there.
 */
export class ProcessElementStatisticsDto {
  @ApiProperty({ example: 'approve-expense', description: 'The element id from the BPMN model.' }) elementId: string;
  @ApiProperty({ example: 3, description: 'Active element instances without an incident.' }) active: number;
  @ApiProperty({ example: 1, description: 'Element instances that were terminated (canceled, interrupted).' }) canceled: number;
  @ApiProperty({ example: 0, description: 'Active element instances held by an incident.' }) incidents: number;
  @ApiProperty({ example: 12, description: 'Completed element instances.' }) completed: number;
}

export class ProcessElementStatisticsResultDto {
  @ApiProperty({ type: [ProcessElementStatisticsDto], description: 'One entry per element that has (had) instances, ordered by element id.' })
  items: ProcessElementStatisticsDto[];
}

/** One sequence flow an instance took (Camunda 8.8 `ProcessInstanceSequenceFlowResult`). */
export class ProcessInstanceSequenceFlowDto {
  @ApiProperty({ example: '2251799813685251_flow-to-approve', description: 'Unique per instance and flow: `<processInstanceKey>_<flow id>`.' }) sequenceFlowId: string;
  @ApiProperty({ example: '2251799813685251' }) processInstanceKey: string;
  @ApiProperty({ example: '2251799813685249' }) processDefinitionKey: string;
  @ApiProperty({ example: 'expense-approval' }) processDefinitionId: string;
  @ApiProperty({ example: 'flow-to-approve', description: 'The id of the sequence flow in the BPMN model.' }) elementId: string;
  @ApiProperty({ example: '<default>' }) tenantId: string;
}

export class ProcessInstanceSequenceFlowsResultDto {
  @ApiProperty({ type: [ProcessInstanceSequenceFlowDto], description: 'Each flow taken at least once, in the order first taken.' })
  items: ProcessInstanceSequenceFlowDto[];
}
