import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Int64 } from './int64.js';

/** Optional body of Camunda operations such as cancellation and incident resolution. */
export class OperationReferenceDto {
  @ApiPropertyOptional({ description: 'Accepted for compatibility with Camunda clients; not used.' })
  @IsOptional()
  @Int64()
  operationReference?: number;
}
