import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { SearchPageResponseDto, SearchRequestDto } from '../common/search/search-request.dto.js';

/**
 * A process instance (Camunda 8.8 shape). Absent values are left out, as Camunda 8.8 does (its
 * client's schemas refuse null); `parentProcessInstanceKey`/`parentElementInstanceKey` are
 * present on instances started by a call activity. `processDefinitionName` falls back to the
 * process id. `businessId` is Baton's addition.
 */
export class ProcessInstanceDto {
  @ApiProperty({ example: 'order-process' }) processDefinitionId: string;
  @ApiProperty({ example: 'Order process', description: 'The process name, or its id when it has none.' }) processDefinitionName: string;
  @ApiProperty({ example: 1 }) processDefinitionVersion: number;
  @ApiPropertyOptional() processDefinitionVersionTag?: string;
  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' }) startDate: string;
  @ApiPropertyOptional({ description: 'When the instance completed or was terminated.' }) endDate?: string;
  @ApiProperty({ enum: ['ACTIVE', 'COMPLETED', 'TERMINATED'] }) state: string;
  @ApiProperty({ description: 'True while the instance has an active incident.' }) hasIncident: boolean;
  @ApiProperty({ example: '<default>' }) tenantId: string;
  @ApiProperty({ example: '2251799813685251' }) processInstanceKey: string;
  @ApiProperty({ example: '2251799813685249' }) processDefinitionKey: string;
  @ApiPropertyOptional({ description: 'For an instance started by a call activity: the calling instance.' }) parentProcessInstanceKey?: string;
  @ApiPropertyOptional({ description: "For an instance started by a call activity: the call activity's element instance." }) parentElementInstanceKey?: string;
  @ApiPropertyOptional({ description: 'Baton addition: the business id given at start (unique per process id among active instances).' })
  businessId?: string;
}

export class ProcessInstanceSearchRequestDto extends SearchRequestDto {}

export class ProcessInstanceSearchResultDto {
  @ApiProperty({ type: [ProcessInstanceDto] }) items: ProcessInstanceDto[];
  @ApiProperty({ type: SearchPageResponseDto }) page: SearchPageResponseDto;
}

/** Default and largest page of the audit log. */
export const HISTORY_DEFAULT_LIMIT = 1000;
export const HISTORY_MAX_LIMIT = 10000;

/** Query parameters of `GET /v2/process-instances/{key}/history`. */
export class ProcessInstanceHistoryQueryDto {
  @ApiPropertyOptional({ description: 'Position of the first event to return (positions start at 1).', minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  from?: number;

  @ApiPropertyOptional({ description: 'Largest number of events to return.', minimum: 1, maximum: HISTORY_MAX_LIMIT, default: HISTORY_DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(HISTORY_MAX_LIMIT)
  limit?: number;
}

/** One entry of an instance's audit log. */
export class ProcessInstanceEventDto {
  @ApiProperty({ example: 1, description: 'Position in the instance log: 1, 2, 3, ... without gaps.' }) position: number;
  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' }) time: string;
  @ApiProperty({ example: 'ELEMENT_ACTIVATED' }) eventType: string;
  @ApiPropertyOptional({ description: 'The element the event is about, if any.' }) elementId?: string;
  @ApiPropertyOptional() elementInstanceKey?: string;
  @ApiProperty({ example: 'COMPLETE_USER_TASK', description: 'The command that caused the event.' }) command: string;
  @ApiProperty({ example: 'emma', description: 'Who caused it: a user name, `system` or `worker:<name>`.' }) actor: string;
  @ApiProperty({ type: Object, description: "The event's own fields." }) details: Record<string, unknown>;
}

export class ProcessInstanceHistoryPageDto {
  @ApiProperty({ description: 'Number of events the instance has recorded.' }) totalItems: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The `from` of the next page; null on the last page.' }) nextFrom: number | null;
}

export class ProcessInstanceHistoryDto {
  @ApiProperty({ type: [ProcessInstanceEventDto] }) items: ProcessInstanceEventDto[];
  @ApiProperty({ type: ProcessInstanceHistoryPageDto }) page: ProcessInstanceHistoryPageDto;
}
