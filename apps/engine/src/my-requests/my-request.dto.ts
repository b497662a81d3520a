import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SearchPageResponseDto, SearchRequestDto } from '../common/search/search-request.dto.js';
import { ProcessInstanceDto } from '../process-instances/process-instance.dto.js';

/** The user task of a step, when the step is one. */
export class RequestStepUserTaskDto {
  @ApiProperty({ example: '2251799813685265' }) userTaskKey: string;
  @ApiProperty({ example: 'CREATED' }) state: string;
  @ApiPropertyOptional({ example: 'mia', description: 'Who holds the task (for a completed task: who completed it).' }) assignee?: string;
  @ApiProperty({ type: [String], example: ['managers'] }) candidateGroups: string[];
  @ApiProperty({ type: [String], example: [] }) candidateUsers: string[];
}

/** One step of a request: a task, call activity or wait of the instance. */
export class RequestStepDto {
  @ApiProperty({ example: '2251799813685260' }) elementInstanceKey: string;
  @ApiProperty({ example: 'approve' }) elementId: string;
  @ApiProperty({ example: 'Approve expense', description: 'The element name, or its id when it has none.' }) elementName: string;
  @ApiProperty({ example: 'bpmn:UserTask' }) elementType: string;
  @ApiProperty({ enum: ['ACTIVE', 'COMPLETED', 'TERMINATED'] }) state: string;
  @ApiProperty({ description: 'True while an incident holds the step: the request is delayed until it is fixed.' }) hasIncident: boolean;
  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' }) startDate: string;
  @ApiPropertyOptional() endDate?: string;
  @ApiPropertyOptional({ type: RequestStepUserTaskDto }) userTask?: RequestStepUserTaskDto;
}

/**
 * A request: a process instance the caller started (Camunda's process instance shape) with where
 * it stands. `status` says it in the requester's terms: IN_PROGRESS, DELAYED (an incident holds
 * it; operations are fixing it), COMPLETED or CANCELED.
 */
export class MyRequestDto extends ProcessInstanceDto {
  @ApiProperty({ enum: ['IN_PROGRESS', 'DELAYED', 'COMPLETED', 'CANCELED'] }) status: string;
  @ApiProperty({ type: [RequestStepDto], description: 'The active steps (empty once the request ended).' }) currentSteps: RequestStepDto[];
}

/** A request with every step it took, in the order they started. */
export class MyRequestDetailsDto extends MyRequestDto {
  @ApiProperty({ type: [RequestStepDto] }) steps: RequestStepDto[];
}

export class MyRequestSearchRequestDto extends SearchRequestDto {}

export class MyRequestSearchResultDto {
  @ApiProperty({ type: [MyRequestDto] }) items: MyRequestDto[];
  @ApiProperty({ type: SearchPageResponseDto }) page: SearchPageResponseDto;
}
