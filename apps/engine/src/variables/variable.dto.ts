import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { VariableEntity } from '#persistence';
import { SearchPageResponseDto, SearchRequestDto } from '../common/search/search-request.dto.js';
import type { VariableRow } from './variable-query.repository.js';

/** A variable (Camunda 8 shape): `value` is the JSON text of the value, complete. */
export class VariableDto {
  @ApiProperty({ example: 'amount' }) name: string;
  @ApiProperty({ example: '1200.5', description: 'The value as JSON text (a string value is quoted: "\\"abc\\"").' }) value: string;
  @ApiProperty({ example: '<default>' }) tenantId: string;
  @ApiProperty({ example: '2251799813685262' }) variableKey: string;
  @ApiProperty({ example: '2251799813685251', description: 'The element instance (or process instance) the variable belongs to.' }) scopeKey: string;
  @ApiProperty({ example: '2251799813685251' }) processInstanceKey: string;
}

/** A variable in a search result: values longer than 8191 characters are cut there unless `truncateValues=false`. */
export class VariableSearchItemDto extends VariableDto {
  @ApiProperty() isTruncated: boolean;
}

export class VariableSearchRequestDto extends SearchRequestDto {}

export class VariableSearchResultDto {
  @ApiProperty({ type: [VariableSearchItemDto] }) items: VariableSearchItemDto[];
  @ApiProperty({ type: SearchPageResponseDto }) page: SearchPageResponseDto;
}

/** Query parameters of variable searches (Camunda's). */
export class VariableSearchQueryParamsDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'true', description: 'When false, full values are returned.' })
  @IsOptional()
  @IsIn(['true', 'false'])
  truncateValues?: 'true' | 'false';
}

export function toVariableDto(v: VariableEntity): VariableDto {
  return { name: v.name, value: v.value, tenantId: v.tenantId, variableKey: v.variableKey, scopeKey: v.scopeKey, processInstanceKey: v.processInstanceKey };
}

export function toVariableSearchItemDto(row: VariableRow): VariableSearchItemDto {
  return { ...toVariableDto(row.variable), isTruncated: row.isTruncated };
}
