import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { SearchSortDto } from '../../common/search/search-request.dto.js';

/** Offset pagination (Camunda's `OffsetPagination`). */
export class OffsetPageDto {
  @ApiPropertyOptional({ description: 'Offset of the first item.', minimum: 0, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  from?: number;

  @ApiPropertyOptional({ description: 'Largest number of items to return.', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

/** The `page` of a statistics answer. */
export class StatisticsPageResponseDto {
  @ApiProperty({ description: 'Number of items in all pages.' }) totalItems: number;
}

/** Counts shared by the per-process and per-version answers. */
export class InstanceCountsDto {
  @ApiProperty({ example: 4, description: 'Active instances without an incident.' }) activeInstancesWithoutIncidentCount: number;
  @ApiProperty({ example: 1, description: 'Active instances with at least one active incident.' }) activeInstancesWithIncidentCount: number;
  @ApiProperty({ example: 120, description: 'Baton addition: completed instances.' }) completedInstancesCount: number;
  @ApiProperty({ example: 7, description: 'Baton addition: terminated (canceled) instances.' }) terminatedInstancesCount: number;
}

/**
 * Body of `POST /v2/process-definitions/statistics/process-instances` (Camunda 8.9 shape):
 * sort and offset page. Sort fields: `processDefinitionId`, `latestProcessDefinitionName`,
 * `activeInstancesWithIncidentCount`, `activeInstancesWithoutIncidentCount`,
 * `completedInstancesCount`, `terminatedInstancesCount`.
 */
export class ProcessDefinitionInstanceStatisticsQueryDto {
  @ApiPropertyOptional({ type: [SearchSortDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SearchSortDto)
  sort?: SearchSortDto[];

  @ApiPropertyOptional({ type: OffsetPageDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => OffsetPageDto)
  page?: OffsetPageDto;
}

/** Instance counts of one process (all its versions together). */
export class ProcessDefinitionInstanceStatisticsDto extends InstanceCountsDto {
  @ApiProperty({ example: 'expense-approval' }) processDefinitionId: string;
  @ApiProperty({ example: '<default>' }) tenantId: string;
  @ApiProperty({ example: 'Expense approval', description: 'Name of the latest version, or its id when it has none.' }) latestProcessDefinitionName: string;
  @ApiProperty({ description: 'True when more than one version is deployed.' }) hasMultipleVersions: boolean;
  @ApiProperty({ example: 3, description: 'Baton addition: the latest version number.' }) latestProcessDefinitionVersion: number;
  @ApiProperty({ example: '2251799813685249', description: 'Baton addition: the key of the latest version.' }) latestProcessDefinitionKey: string;
}

export class ProcessDefinitionInstanceStatisticsResultDto {
  @ApiProperty({ type: [ProcessDefinitionInstanceStatisticsDto], description: 'Every deployed process, with or without instances.' })
  items: ProcessDefinitionInstanceStatisticsDto[];
  @ApiProperty({ type: StatisticsPageResponseDto }) page: StatisticsPageResponseDto;
}

/** Which process the per-version statistics are about. */
export class ProcessDefinitionInstanceVersionStatisticsFilterDto {
  @ApiProperty({ example: 'expense-approval', description: 'The process id whose versions to count.' })
  @IsString()
  @IsNotEmpty()
  processDefinitionId: string;

  @ApiPropertyOptional({ example: '<default>' })
  @IsOptional()
  @IsString()
  tenantId?: string;
}

/**
 * Body of `POST /v2/process-definitions/statistics/process-instances-by-version` (Camunda 8.9
 * shape). Sort fields: `processDefinitionVersion` (default, newest first), `processDefinitionKey`,
 * `processDefinitionName` and the four counts.
 */
export class ProcessDefinitionInstanceVersionStatisticsQueryDto extends ProcessDefinitionInstanceStatisticsQueryDto {
  @ApiProperty({ type: ProcessDefinitionInstanceVersionStatisticsFilterDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ProcessDefinitionInstanceVersionStatisticsFilterDto)
  filter: ProcessDefinitionInstanceVersionStatisticsFilterDto;
}

/** Instance counts of one version of a process. */
export class ProcessDefinitionInstanceVersionStatisticsDto extends InstanceCountsDto {
  @ApiProperty({ example: 'expense-approval' }) processDefinitionId: string;
  @ApiProperty({ example: '2251799813685249' }) processDefinitionKey: string;
  @ApiProperty({ example: 'Expense approval', description: 'The version\'s name, or the process id when it has none.' }) processDefinitionName: string;
  @ApiProperty({ example: 2 }) processDefinitionVersion: number;
  @ApiPropertyOptional({ example: 'v2.1', description: 'Baton addition: the version tag, when the model has one.' }) processDefinitionVersionTag?: string;
  @ApiProperty({ example: '<default>' }) tenantId: string;
}

export class ProcessDefinitionInstanceVersionStatisticsResultDto {
  @ApiProperty({ type: [ProcessDefinitionInstanceVersionStatisticsDto], description: 'Every version of the process, with or without instances.' })
  items: ProcessDefinitionInstanceVersionStatisticsDto[];
  @ApiProperty({ type: StatisticsPageResponseDto }) page: StatisticsPageResponseDto;
}
