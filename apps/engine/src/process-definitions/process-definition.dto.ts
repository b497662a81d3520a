import { ApiProperty } from '@nestjs/swagger';
import { SearchPageResponseDto, SearchRequestDto } from '../common/search/search-request.dto.js';

/** A deployed process version (Camunda 8 shape). */
export class ProcessDefinitionDto {
  @ApiProperty({ example: 'Order process', nullable: true, type: String }) name: string | null;
  @ApiProperty({ example: 'order-process.bpmn' }) resourceName: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ nullable: true, type: String }) versionTag: string | null;
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
