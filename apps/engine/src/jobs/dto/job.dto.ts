import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { Int64 } from '../../common/int64.js';
import { SearchPageResponseDto } from '../../common/search/search-request.dto.js';

/** Camunda's job kinds: the element's own job, or a listener's. */
export const JOB_KINDS = ['BPMN_ELEMENT', 'EXECUTION_LISTENER', 'TASK_LISTENER'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** Camunda's listener event types of a job (UNSPECIFIED for the element's own job). */
export const LISTENER_EVENT_TYPES = ['UNSPECIFIED', 'START', 'END', 'CREATING', 'ASSIGNING', 'UPDATING', 'COMPLETING', 'CANCELING'] as const;
export type JobListenerEventType = (typeof LISTENER_EVENT_TYPES)[number];

/** Largest retry count a job may be given (the column is a signed 32-bit int). */
export const MAX_RETRIES = 2_147_483_647;

/** Body of POST /v2/jobs/activation (Camunda 8 shape). */
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
  @ApiProperty({ enum: JOB_KINDS, example: 'BPMN_ELEMENT' }) kind: JobKind;
  @ApiProperty({ enum: LISTENER_EVENT_TYPES, example: 'UNSPECIFIED' }) listenerEventType: JobListenerEventType;
}

export class ActivateJobsResultDto {
  @ApiProperty({ type: [ActivatedJobDto] }) jobs: ActivatedJobDto[];
}

/**
 * What a user task listener corrects (Camunda's `corrections`): null or absent keeps the value;
 * an empty string clears the assignee or a date, an empty list the candidates.
 */
export class UserTaskCorrectionsDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: "'' clears the assignee." }) @IsOptional() @IsString() @MaxLength(128) assignee?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', description: "'' clears the due date." }) @IsOptional() @ValidateIf((_, value) => value !== '') @IsDateString({ strict: true }) dueDate?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', description: "'' clears the follow-up date." }) @IsOptional() @ValidateIf((_, value) => value !== '') @IsDateString({ strict: true }) followUpDate?: string | null;
  @ApiPropertyOptional({ nullable: true, type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsString({ each: true }) @MaxLength(255, { each: true }) candidateUsers?: string[] | null;
  @ApiPropertyOptional({ nullable: true, type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsString({ each: true }) @MaxLength(255, { each: true }) candidateGroups?: string[] | null;
  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, maximum: 100 }) @IsOptional() @IsInt() @Min(0) @Max(100) priority?: number | null;
}

/** An element an ad-hoc subprocess's job worker activates (job result `adHocSubProcess`). */
export class AdHocActivateElementDto {
  @ApiProperty({ example: 'search' }) @IsString() @IsNotEmpty() @MaxLength(255) elementId: string;
  @ApiPropertyOptional({ type: Object, nullable: true, description: 'Local variables of the activated inner instance.' }) @IsOptional() @IsObject() variables?: Record<string, unknown> | null;
}

/**
 * A job result (Camunda 8.8): `userTask` for user task listener jobs (denial, corrections) and
 * `adHocSubProcess` for the job of an ad-hoc subprocess with the job worker implementation.
 */
export class JobResultDto {
  @ApiPropertyOptional({ enum: ['userTask', 'adHocSubProcess'], description: 'The result variant (absent: userTask, as Camunda 8.7 sent it).' })
  @IsOptional()
  @IsIn(['userTask', 'adHocSubProcess'])
  type?: 'userTask' | 'adHocSubProcess';
  @ApiPropertyOptional({ type: [AdHocActivateElementDto], description: 'adHocSubProcess: the inner elements to activate.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => AdHocActivateElementDto)
  activateElements?: AdHocActivateElementDto[];
  @ApiPropertyOptional({ nullable: true, type: Boolean, description: 'adHocSubProcess: the completion condition is fulfilled.' }) @IsOptional() @IsBoolean() isCompletionConditionFulfilled?: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean, description: 'adHocSubProcess: cancel the inner instances still active when it completes.' }) @IsOptional() @IsBoolean() isCancelRemainingInstances?: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean, description: 'Deny the user task transition (assigning, updating, completing).' }) @IsOptional() @IsBoolean() denied?: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(65_535) deniedReason?: string | null;
  @ApiPropertyOptional({ nullable: true, type: UserTaskCorrectionsDto }) @IsOptional() @ValidateNested() @Type(() => UserTaskCorrectionsDto) corrections?: UserTaskCorrectionsDto | null;
}

export class CompleteJobRequestDto {
  @ApiPropertyOptional({ type: Object, nullable: true }) @IsOptional() @IsObject() variables?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: JobResultDto, nullable: true, description: 'The result of a user task listener job (`userTask`: denial and corrections) or of an ad-hoc subprocess job (`adHocSubProcess`: elements to activate, completion).' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => JobResultDto)
  result?: JobResultDto | null;
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
  @ApiProperty({ enum: JOB_KINDS }) kind: JobKind;
  @ApiProperty({ enum: LISTENER_EVENT_TYPES }) listenerEventType: JobListenerEventType;
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
