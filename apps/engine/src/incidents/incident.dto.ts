import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SearchPageResponseDto, SearchRequestDto } from '../common/search/search-request.dto.js';

/** An incident (Camunda 8.8 shape; absent values left out). */
export class IncidentDto {
  @ApiProperty({ example: 'order-process' }) processDefinitionId: string;
  @ApiProperty({ example: 'CONDITION_ERROR', enum: ['CONDITION_ERROR', 'EXTRACT_VALUE_ERROR', 'IO_MAPPING_ERROR', 'FORM_NOT_FOUND', 'JOB_NO_RETRIES', 'EXECUTION_LISTENER_NO_RETRIES', 'TASK_LISTENER_NO_RETRIES', 'UNHANDLED_ERROR_EVENT', 'CALLED_ELEMENT_ERROR', 'UNKNOWN'] })
  errorType: string;
  @ApiProperty() errorMessage: string;
  @ApiProperty({ example: 'check-amount' }) elementId: string;
  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' }) creationTime: string;
  @ApiProperty({ enum: ['ACTIVE', 'RESOLVED'] }) state: string;
  @ApiProperty({ example: '<default>' }) tenantId: string;
  @ApiProperty({ example: '2251799813685270' }) incidentKey: string;
  @ApiProperty({ example: '2251799813685249' }) processDefinitionKey: string;
  @ApiProperty({ example: '2251799813685251' }) processInstanceKey: string;
  @ApiProperty({ example: '2251799813685260' }) elementInstanceKey: string;
  @ApiPropertyOptional({ description: 'The job that ran out of retries (JOB_NO_RETRIES); absent otherwise.' }) jobKey?: string;
}

export class IncidentSearchRequestDto extends SearchRequestDto {}

export class IncidentSearchResultDto {
  @ApiProperty({ type: [IncidentDto] }) items: IncidentDto[];
  @ApiProperty({ type: SearchPageResponseDto }) page: SearchPageResponseDto;
}
