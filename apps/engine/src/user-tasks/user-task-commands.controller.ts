import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { KeyParam } from '../common/key-param.pipe.js';
import { AssignUserTaskRequestDto, CompleteUserTaskRequestDto, UpdateUserTaskRequestDto } from './dto/user-task-commands.dto.js';
import { UserTaskCommandsUseCase } from './usecases/user-task-commands.usecase.js';
import { ApiProblemResponse } from '../common/openapi/problem-responses.js';

@ApiTags('User tasks')
@Controller('v2/user-tasks')
export class UserTaskCommandsController {
  constructor(private readonly tasks: UserTaskCommandsUseCase) {}

  @Post(':userTaskKey/assignment')
  @ApiProblemResponse(409, 'Someone else holds the task, it is completed or canceled, its element does not wait for it, its task listeners run or denied the transition (USER_TASK.*).')
  @ApiProblemResponse(504, 'The task listeners of the transition did not finish in time; the transition goes on.')
  @HttpCode(204)
  @ApiOperation({ summary: 'Assign (claim) a user task. Employees may claim visible unassigned tasks for themselves; admins may assign anyone.' })
  @ApiNoContentResponse()
  assign(@Param('userTaskKey', KeyParam) key: string, @Body() body: AssignUserTaskRequestDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.tasks.assign(key, body, principal);
  }

  @Delete(':userTaskKey/assignee')
  @ApiProblemResponse(409, 'Someone else holds the task, it is completed or canceled, its element does not wait for it, its task listeners run or denied the transition (USER_TASK.*).')
  @ApiProblemResponse(504, 'The task listeners of the transition did not finish in time; the transition goes on.')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unassign (release) a user task: its assignee or an admin.' })
  @ApiNoContentResponse()
  unassign(@Param('userTaskKey', KeyParam) key: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.tasks.unassign(key, principal);
  }

  @Post(':userTaskKey/completion')
  @ApiProblemResponse(409, 'Someone else holds the task, it is completed or canceled, its element does not wait for it, its task listeners run or denied the transition (USER_TASK.*).')
  @ApiProblemResponse(504, 'The task listeners of the transition did not finish in time; the transition goes on.')
  @HttpCode(204)
  @ApiOperation({ summary: 'Complete a user task with variables. A task assigned to someone else is refused (409); an unassigned one is assigned to the caller first.' })
  @ApiNoContentResponse()
  complete(@Param('userTaskKey', KeyParam) key: string, @Body() body: CompleteUserTaskRequestDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.tasks.complete(key, body, principal);
  }

  @Patch(':userTaskKey')
  @ApiProblemResponse(409, 'Someone else holds the task, it is completed or canceled, its element does not wait for it, its task listeners run or denied the transition (USER_TASK.*).')
  @ApiProblemResponse(504, 'The task listeners of the transition did not finish in time; the transition goes on.')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change due date, follow-up date, candidates or priority: an admin or the assignee.' })
  @ApiNoContentResponse()
  update(@Param('userTaskKey', KeyParam) key: string, @Body() body: UpdateUserTaskRequestDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.tasks.update(key, body, principal);
  }
}
