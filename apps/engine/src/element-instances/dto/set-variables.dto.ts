import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional } from 'class-validator';
import { Int64 } from '../../common/int64.js';

/** Body of PUT /v2/element-instances/{key}/variables (Camunda 8 shape). */
export class SetVariablesRequestDto {
  @ApiProperty({ type: Object, example: { approved: true } })
  @IsObject()
  variables: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Set them in exactly this scope; otherwise they propagate (updated where they exist, else created at the root).', default: false })
  @IsOptional()
  @IsBoolean()
  local?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Int64()
  operationReference?: number;
}
