import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Int64 } from '../../common/int64.js';

/** Body of POST /v2/process-instances (Camunda 8 shape; by id + version, or by key). */
export class CreateProcessInstanceRequestDto {
  @ApiPropertyOptional({ description: 'BPMN process id; the latest version unless processDefinitionVersion is given.', example: 'expense-approval' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  processDefinitionId?: string | null;

  @ApiPropertyOptional({ example: 1, description: 'A version of the process id; -1 (what Camunda clients send by default) or absent: the latest.' })
  @IsOptional()
  @IsInt()
  @Min(-1)
  processDefinitionVersion?: number | null;

  @ApiPropertyOptional({ description: 'Key of the process definition (instead of id and version).', example: '2251799813685249' })
  @IsOptional()
  @IsString()
  @Matches(/^[1-9][0-9]{0,18}$/, { message: 'processDefinitionKey must be a key (a numeric string)' })
  processDefinitionKey?: string | null;

  @ApiPropertyOptional({ type: Object, example: { amount: 120 } })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;

  @ApiPropertyOptional({
    description:
      'Business id: while an instance of this process with the same business id is active, another start is refused (409, with the existing processInstanceKey). As Camunda 8.10; Temporal\'s workflow-id policy.',
    example: 'order-4711',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  businessId?: string;

  @ApiPropertyOptional({ example: '<default>' })
  @IsOptional()
  @IsString()
  tenantId?: string;

  @ApiPropertyOptional({ description: 'Answer only when the instance has completed (504 after requestTimeout).', default: false })
  @IsOptional()
  @IsBoolean()
  awaitCompletion?: boolean;

  @ApiPropertyOptional({ description: 'With awaitCompletion: milliseconds to wait; 0 or absent: 10000.', default: 0, maximum: 600000 })
  @IsOptional()
  @Int64()
  @Min(0)
  @Max(600_000)
  requestTimeout?: number;

  @ApiPropertyOptional({ type: [String], description: 'With awaitCompletion: the root variables to return (all when empty).' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  fetchVariables?: string[];

  @ApiPropertyOptional({ description: 'Accepted for compatibility; not used.' })
  @IsOptional()
  @Int64()
  operationReference?: number;
}

export class CreateProcessInstanceResultDto {
  @ApiProperty() processDefinitionId: string;
  @ApiProperty() processDefinitionVersion: number;
  @ApiProperty() tenantId: string;
  @ApiProperty({ type: Object, description: 'With awaitCompletion: the root variables at completion; otherwise empty.' }) variables: Record<string, unknown>;
  @ApiProperty() processDefinitionKey: string;
  @ApiProperty() processInstanceKey: string;
  @ApiPropertyOptional({ nullable: true, type: String }) businessId: string | null;
}
