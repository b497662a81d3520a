import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';

/** Page of a search (Camunda 8 shapes): offset (`from`) or cursor (`after` / `before`), and `limit`. */
export class SearchPageDto {
  @ApiPropertyOptional({ description: 'Offset of the first item.', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  from?: number;

  @ApiPropertyOptional({ description: 'Largest number of items to return.', minimum: 1, maximum: 10000, default: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  limit?: number;

  @ApiPropertyOptional({ description: 'Cursor: items after the one this `endCursor` points at.' })
  @IsOptional()
  @IsString()
  after?: string;

  @ApiPropertyOptional({ description: 'Cursor: items before the one this `startCursor` points at.' })
  @IsOptional()
  @IsString()
  before?: string;
}

export class SearchSortDto {
  @ApiPropertyOptional({ description: 'Field to sort by.' })
  @IsString()
  field: string;

  @ApiPropertyOptional({ enum: ['ASC', 'DESC'], default: 'ASC' })
  @IsOptional()
  @IsIn(['ASC', 'DESC', 'asc', 'desc'])
  order?: 'ASC' | 'DESC' | 'asc' | 'desc';
}

/** `{ filter, sort, page }`; the filter's fields are checked by the endpoint's search definition. */
export class SearchRequestDto {
  @ApiPropertyOptional({ type: Object, description: 'Field conditions: a value, or an object of operators ($eq, $neq, $in, $notIn, $exists, $like, $gt, $gte, $lt, $lte).' })
  @IsOptional()
  @IsObject()
  filter?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [SearchSortDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SearchSortDto)
  sort?: SearchSortDto[];

  @ApiPropertyOptional({ type: SearchPageDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SearchPageDto)
  page?: SearchPageDto;
}

export class SearchPageResponseDto {
  @ApiPropertyOptional() totalItems: number;
  @ApiPropertyOptional({ description: 'Cursor of the first item of this page (for `before`); absent on an empty page.', type: String }) startCursor?: string;
  @ApiPropertyOptional({ description: 'Cursor of the last item of this page (for `after`); absent on an empty page.', type: String }) endCursor?: string;
}
