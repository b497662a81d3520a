import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SearchPageResponseDto, SearchRequestDto } from '../common/search/search-request.dto.js';

/** A deployed process version (Camunda 8 shape; absent values are left out, as Camunda does). */
export class ProcessDefinitionDto {
  @ApiPropertyOptional({ example: 'Order process' }) name?: string;
  @ApiProperty({ example: 'order-process.bpmn' }) resourceName: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiPropertyOptional() versionTag?: string;
  @ApiProperty({ example: 'order-process' }) processDefinitionId: string;
  @ApiProperty({ example: '<default>' }) tenantId: string;
  @ApiProperty({ example: '2251799813685249' }) processDefinitionKey: string;
  @ApiProperty() hasStartForm: boolean;
}

export class ProcessDefinitionSearchRequestDto extends SearchRequestDto {}

export class ProcessDefinitionSearchResultDto {
  @ApiProperty({ type: [ProcessDefinitionDto] }) items: ProcessDefinitionDto[];
  @ApiProperty({ type: SearchPageResponseDto }) page: SearchPageResponseDto;
}
