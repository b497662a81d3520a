import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional } from 'class-validator';

/** Optional body of Camunda operations such as cancellation and incident resolution. */
export class OperationReferenceDto {
  @ApiPropertyOptional({ description: 'Accepted for compatibility with Camunda clients; not used.' })
  @IsOptional()
  @IsInt()
  operationReference?: number;
}
