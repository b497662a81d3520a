import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SearchPageResponseDto, SearchRequestDto } from '../common/search/search-request.dto.js';

/**
 * A user task (Camunda 8.8 shape). Absent values are left out, as Camunda 8.8 does; `name`
 * falls back to the element id; `formKey` is the key of the linked form version (absent for
 * embedded and external forms).
 */
export class UserTaskDto {
  @ApiProperty({ example: 'Approve expense' }) name: string;
  @ApiProperty({ enum: ['CREATING', 'CREATED', 'ASSIGNING', 'UPDATING', 'COMPLETING', 'COMPLETED', 'CANCELING', 'CANCELED'], description: 'CREATING ... CANCELING: its task listeners run that transition.' }) state: string;
  @ApiPropertyOptional({ example: 'emma' }) assignee?: string;
  @ApiProperty({ example: 'approve' }) elementId: string;
  @ApiProperty({ type: [String], example: ['sales'] }) candidateGroups: string[];
  @ApiProperty({ type: [String], example: [] }) candidateUsers: string[];
  @ApiProperty({ example: 'expense-approval' }) processDefinitionId: string;
  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' }) creationDate: string;
  @ApiPropertyOptional() completionDate?: string;
  @ApiPropertyOptional() followUpDate?: string;
  @ApiPropertyOptional() dueDate?: string;
  @ApiProperty({ example: '<default>' }) tenantId: string;
  @ApiPropertyOptional() externalFormReference?: string;
  @ApiProperty({ example: 1 }) processDefinitionVersion: number;
  @ApiProperty({ type: Object, example: {} }) customHeaders: Record<string, string>;
  @ApiProperty({ example: 50, minimum: 0, maximum: 100 }) priority: number;
  @ApiProperty({ example: '2251799813685265' }) userTaskKey: string;
  @ApiProperty({ example: '2251799813685260' }) elementInstanceKey: string;
  @ApiPropertyOptional({ example: 'Expense approval' }) processName?: string;
  @ApiProperty({ example: '2251799813685249' }) processDefinitionKey: string;
  @ApiProperty({ example: '2251799813685251' }) processInstanceKey: string;
  @ApiPropertyOptional({ example: '2251799813685250' }) formKey?: string;
  @ApiPropertyOptional({ example: 'EXP-2026-0042', description: "Baton addition: the business id of the task's process instance, when it was started with one." })
  businessId?: string;
  @ApiPropertyOptional({ example: 'emma', description: "Baton addition: who started the task's process instance (a user name, `worker:<name>`, or `system` for timers and messages)." })
  processInstanceStartedBy?: string;
  @ApiPropertyOptional({ example: '2026-03-01T09:58:00.000Z', description: "Baton addition: when the task's process instance started." })
  processInstanceStartDate?: string;
  @ApiPropertyOptional({
    type: [String],
    example: ['amount', 'requester'],
    description:
      'Baton addition, on `GET /v2/user-tasks/{key}` only: the variables the task shows as its context, from the `taskVariables` zeebe:property of the task or else its process; absent when neither sets one (show every variable the task sees).',
  })
  taskVariables?: string[];
}

export class UserTaskSearchRequestDto extends SearchRequestDto {}

export class UserTaskSearchResultDto {
  @ApiProperty({ type: [UserTaskDto] }) items: UserTaskDto[];
  @ApiProperty({ type: SearchPageResponseDto }) page: SearchPageResponseDto;
}

export class UserTaskVariableSearchRequestDto extends SearchRequestDto {}
