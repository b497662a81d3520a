import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SearchPageResponseDto, SearchRequestDto } from '../common/search/search-request.dto.js';
import { CAMUNDA_TYPE_ENUM } from './element-type.js';

/**
 * An element instance (Camunda 8.8 shape; absent values left out). The process itself is one
 * too (type PROCESS, key = process instance key). `elementName` falls back to the element id.
 */
export class ElementInstanceDto {
  @ApiProperty({ example: 'order-process' }) processDefinitionId: string;
  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' }) startDate: string;
  @ApiPropertyOptional() endDate?: string;
  @ApiProperty({ example: 'approve' }) elementId: string;
  @ApiProperty({ example: 'Approve order' }) elementName: string;
  @ApiProperty({ enum: CAMUNDA_TYPE_ENUM, example: 'USER_TASK' }) type: string;
  @ApiProperty({ enum: ['ACTIVE', 'COMPLETED', 'TERMINATED'] }) state: string;
  @ApiProperty() hasIncident: boolean;
  @ApiProperty({ example: '<default>' }) tenantId: string;
  @ApiProperty({ example: '2251799813685260' }) elementInstanceKey: string;
  @ApiProperty({ example: '2251799813685251' }) processInstanceKey: string;
  @ApiProperty({ example: '2251799813685249' }) processDefinitionKey: string;
  @ApiPropertyOptional({ description: 'The active incident holding the element, if any.' }) incidentKey?: string;
}

export class ElementInstanceSearchRequestDto extends SearchRequestDto {}

export class ElementInstanceSearchResultDto {
  @ApiProperty({ type: [ElementInstanceDto] }) items: ElementInstanceDto[];
  @ApiProperty({ type: SearchPageResponseDto }) page: SearchPageResponseDto;
}
