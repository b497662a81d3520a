import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

/**
 * Body of Baton's `POST /v2/process-definitions/{key}/statistics/element-durations`: the period,
 * on the element instances' end date, `from` inclusive and `to` exclusive.
 */
export class ElementDurationsQueryDto {
  @ApiProperty({ example: '2026-11-20T00:00:00.000Z', description: 'Start of the period (inclusive), ISO 8601 date-time; element instances that ended at or after it count.' })
  @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({ example: '2026-11-21T00:00:00.000Z', description: 'End of the period (exclusive), ISO 8601 date-time; later than `from`.' })
  @IsISO8601({ strict: true })
  to: string;
}

/**
 * How long one element's instances took in the period. Durations (end date minus start date, in
 * milliseconds) are of **completed** element instances; terminated ones (canceled or interrupted)
 * are counted but not measured, since their duration says when something stopped them, not how
 * long the work takes. Percentiles are continuous (linear interpolation between the two nearest
 * ranks, as SQL's PERCENTILE_CONT); all duration fields are null when nothing completed.
 */
export class ElementDurationDto {
  @ApiProperty({ example: 'approve-expense' }) elementId: string;
  @ApiPropertyOptional({ example: 'Approve expense', description: 'The element\'s name, when the model gives one.' }) elementName?: string;
  @ApiProperty({ example: 'USER_TASK', description: 'Camunda\'s element type; `PROCESS` is the whole instance, `MULTI_INSTANCE_BODY` the body around a multi-instance activity\'s inner instances.' })
  elementType: string;
  @ApiProperty({ example: 42, description: 'Element instances that completed in the period.' }) completedCount: number;
  @ApiProperty({ example: 3, description: 'Element instances that were terminated in the period.' }) terminatedCount: number;
  @ApiProperty({ nullable: true, type: Number, example: 1200 }) minMs: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 3600000, description: 'Median.' }) p50Ms: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 7200000 }) p95Ms: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 9000000 }) p99Ms: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 10800000 }) maxMs: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 4000000 }) meanMs: number | null;
}

export class ElementDurationsResultDto {
  @ApiProperty({ example: '2251799813685249' }) processDefinitionKey: string;
  @ApiProperty({ example: 'expense-approval' }) processDefinitionId: string;
  @ApiProperty({ example: 2 }) processDefinitionVersion: number;
  @ApiProperty({ example: '2026-11-20T00:00:00.000Z' }) from: string;
  @ApiProperty({ example: '2026-11-21T00:00:00.000Z' }) to: string;
  @ApiProperty({
    type: [ElementDurationDto],
    description: 'One entry per element (and type) that ended in the period: the process itself first, then in the order the elements were first entered.',
  })
  items: ElementDurationDto[];
}
