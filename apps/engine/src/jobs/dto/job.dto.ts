import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Int64 } from '../../common/int64.js';
import { SearchPageResponseDto } from '../../common/search/search-request.dto.js';

/** Body of POST /v2/jobs/activation (Camunda 8 shape). */
/** Largest retry count a job may be given (the column is a signed 32-bit int). */
export const MAX_RETRIES = 2_147_483_647;

export class ActivateJobsRequestDto {
  @ApiProperty({ example: 'charge-payment' }) @IsString() @IsNotEmpty() @MaxLength(255) type: string;
  @ApiPropertyOptional({ example: 'billing-worker-1' }) @IsOptional() @IsString() @MaxLength(255) worker?: string;
  @ApiProperty({ description: 'Milliseconds the worker has before the job is offered again.', example: 30000 }) @Int64() @Min(1) @Max(86_400_000) timeout: number;
  @ApiProperty({ example: 10 }) @IsInt() @Min(1) @Max(1000) maxJobsToActivate: number;
  @ApiPropertyOptional({ type: [String], description: 'Variables to fetch (all when absent).' }) @IsOptional() @IsArray() @IsString({ each: true }) fetchVariable?: string[];
  @ApiPropertyOptional({ description: 'Long polling: milliseconds to wait for jobs when none are there; 0 or absent: 10000; negative: answer at once.', example: 20000 })
  @IsOptional()
  @Int64()
  @Max(600_000)
  requestTimeout?: number;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) tenantIds?: string[];
}

/** Body of POST /v2/jobs/{key}/activation (Baton addition, used by BullMQ workers). */
export class ActivateJobRequestDto {
  @ApiPropertyOptional({ example: 'billing-worker-1' }) @IsOptional() @IsString() @MaxLength(255) worker?: string;
  @ApiProperty({ example: 30000 }) @Int64() @Min(1) @Max(86_400_000) timeout: number;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) fetchVariable?: string[];
}

export class ActivatedJobDto {
  @ApiProperty() type: string;
  @ApiProperty() processDefinitionId: string;
  @ApiProperty() processDefinitionVersion: number;
  @ApiProperty() elementId: string;
  @ApiProperty({ type: Object }) customHeaders: Record<string, string>;
  @ApiProperty() worker: string;
  @ApiProperty() retries: number;
  @ApiProperty({ description: 'Epoch milliseconds.' }) deadline: number;
  @ApiProperty({ type: Object }) variables: Record<string, unknown>;
  @ApiProperty() tenantId: string;
  @ApiProperty() jobKey: string;
  @ApiProperty() processInstanceKey: string;
  @ApiProperty() processDefinitionKey: string;
  @ApiProperty() elementInstanceKey: string;
  @ApiProperty({ example: 'BPMN_ELEMENT' }) kind: 'BPMN_ELEMENT';
  @ApiProperty({ example: 'UNSPECIFIED' }) listenerEventType: 'UNSPECIFIED';
}

export class ActivateJobsResultDto {
  @ApiProperty({ type: [ActivatedJobDto] }) jobs: ActivatedJobDto[];
}

export class CompleteJobRequestDto {
  @ApiPropertyOptional({ type: Object, nullable: true }) @IsOptional() @IsObject() variables?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: Object, description: "Camunda's job result: `{ type: 'adHocSubProcess', activateElements, isCompletionConditionFulfilled, isCancelRemainingInstances }` for the job of an ad-hoc subprocess; other results are accepted for compatibility and not used." }) @IsOptional() @IsObject() result?: Record<string, unknown>;
}

export class FailJobRequestDto {
  @ApiPropertyOptional({ description: 'Retries left; 0 raises an incident JOB_NO_RETRIES.', example: 2, maximum: MAX_RETRIES }) @IsOptional() @IsInt() @Min(0) @Max(MAX_RETRIES) retries?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(65_535) errorMessage?: string;
  @ApiPropertyOptional({ description: "Milliseconds before the job is offered again (at most a year); absent: the model's retryBackoff task header (ISO-8601), else at once.", maximum: 31_536_000_000 })
  @IsOptional()
  @Int64()
  @Min(0)
  @Max(31_536_000_000)
  retryBackOff?: number;
  @ApiPropertyOptional({ type: Object, description: "Set as local variables of the job's element." }) @IsOptional() @IsObject() variables?: Record<string, unknown>;
}

export class ThrowJobErrorRequestDto {
  @ApiProperty({ example: 'CARD_DECLINED' }) @IsString() @IsNotEmpty() @MaxLength(255) errorCode: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(65_535) errorMessage?: string | null;
  @ApiPropertyOptional({ type: Object, nullable: true }) @IsOptional() @IsObject() variables?: Record<string, unknown> | null;
}

export class JobChangesetDto {
  @ApiPropertyOptional({ nullable: true, type: Number, maximum: MAX_RETRIES }) @IsOptional() @IsInt() @Min(0) @Max(MAX_RETRIES) retries?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'New timeout (ms from now) of an activated job.', maximum: 86_400_000 }) @IsOptional() @Int64() @Min(1) @Max(86_400_000) timeout?: number | null;
}

export class UpdateJobRequestDto {
  @ApiProperty({ type: JobChangesetDto }) @ValidateNested() @Type(() => JobChangesetDto) changeset: JobChangesetDto;
  @ApiPropertyOptional() @IsOptional() @Int64() operationReference?: number;
}

/** A job as search returns it (Camunda 8 shape). */
export class JobDto {
  @ApiProperty({ type: Object }) customHeaders: Record<string, string>;
  @ApiPropertyOptional({ format: 'date-time' }) deadline?: string;
  @ApiProperty() elementId: string;
  @ApiProperty() elementInstanceKey: string;
  @ApiPropertyOptional({ format: 'date-time' }) endTime?: string;
  @ApiPropertyOptional() errorMessage?: string;
  @ApiProperty() hasFailedWithRetriesLeft: boolean;
  @ApiProperty() jobKey: string;
  @ApiProperty() kind: 'BPMN_ELEMENT';
  @ApiProperty() listenerEventType: 'UNSPECIFIED';
  @ApiProperty() processDefinitionId: string;
  @ApiProperty() processDefinitionKey: string;
  @ApiProperty() processInstanceKey: string;
  @ApiProperty() retries: number;
  @ApiProperty({ enum: ['CREATED', 'COMPLETED', 'FAILED', 'ERROR_THROWN', 'CANCELED'], description: 'An activated job is CREATED with a worker and a deadline.' }) state: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() type: string;
  @ApiProperty() worker: string;
}

export class JobSearchResultDto {
  @ApiProperty({ type: [JobDto] }) items: JobDto[];
  @ApiProperty({ type: SearchPageResponseDto }) page: SearchPageResponseDto;
}
