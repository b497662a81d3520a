import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { KeyParam } from '../common/key-param.pipe.js';
import { FormDto } from '../forms/form.dto.js';
import { toVariableSearchItemDto, VariableSearchQueryParamsDto, VariableSearchResultDto } from '../variables/variable.dto.js';
import { GetUserTaskUseCase } from './usecases/get-user-task.usecase.js';
import { GetUserTaskFormUseCase, type UserTaskForm } from './usecases/get-user-task-form.usecase.js';
import { SearchUserTaskVariablesUseCase } from './usecases/search-user-task-variables.usecase.js';
import { UserTaskDto, UserTaskSearchRequestDto, UserTaskSearchResultDto, UserTaskVariableSearchRequestDto } from './user-task.dto.js';
import { USER_TASK_SEARCH, UserTaskQueryRepository } from './user-task-query.repository.js';
import { toUserTaskDto } from './user-task.mapper.js';
import { USER_TASK_VARIABLE_SEARCH } from '../variables/variable-query.repository.js';
import { ApiSearchBody } from '../common/openapi/search-body.decorator.js';

/**
 * The read side of user tasks. No permission: every user may ask, and sees only the tasks the
 * visibility rule (user-task-visibility.ts) allows; other tasks are answered 404.
 */
@ApiTags('User tasks')
@Controller('v2/user-tasks')
export class UserTasksController {
  constructor(
    private readonly tasks: UserTaskQueryRepository,
    private readonly getTask: GetUserTaskUseCase,
    private readonly getForm: GetUserTaskFormUseCase,
    private readonly searchVariables: SearchUserTaskVariablesUseCase,
  ) {}

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search the user tasks the caller may see (Camunda 8 shape: filter, sort, page).' })
  @ApiOkResponse({ type: UserTaskSearchResultDto })
  @ApiSearchBody(USER_TASK_SEARCH, { filter: { state: 'CREATED', candidateGroup: 'managers' }, sort: [{ field: 'priority', order: 'DESC' }], page: { limit: 20 } }, { extraFilters: { offeredToMe: "Baton addition: true for the tasks offered to one of the caller's groups or to the caller by name (claimed or not), false for the others." } })
  async search(@Body() body: UserTaskSearchRequestDto, @CurrentPrincipal() principal: Principal): Promise<UserTaskSearchResultDto> {
    const { rows, page } = await this.tasks.search(body, principal);
    const contexts = await this.tasks.instanceContexts(rows.map((task) => task.processInstanceKey));
    return { items: rows.map((task) => toUserTaskDto(task, contexts.get(task.processInstanceKey))), page };
  }

  @Get(':userTaskKey')
  @ApiOperation({ summary: "A user task by key (404 when unknown or not visible to the caller), with its instance's business context and the task variables its model names." })
  @ApiOkResponse({ type: UserTaskDto })
  get(@Param('userTaskKey', KeyParam) key: string, @CurrentPrincipal() principal: Principal): Promise<UserTaskDto> {
    return this.getTask.execute(key, principal);
  }

  @Get(':userTaskKey/form')
  @ApiOperation({ summary: 'The form of a user task; 204 when it has none (or only an external reference).' })
  @ApiOkResponse({ type: FormDto })
  @ApiNoContentResponse()
  async form(@Param('userTaskKey', KeyParam) key: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<UserTaskForm | undefined> {
    const form = await this.getForm.execute(key, principal);
    if (form === null) {
      response.status(204);
      return undefined;
    }
    return form;
  }

  @Post(':userTaskKey/variables/search')
  @HttpCode(200)
  @ApiOperation({ summary: "Search the variables a user task sees: its own scope's and every enclosing scope's, inner names hiding outer ones. Filter: name." })
  @ApiOkResponse({ type: VariableSearchResultDto })
  @ApiSearchBody(USER_TASK_VARIABLE_SEARCH, { filter: { name: 'amount' }, sort: [{ field: 'name', order: 'ASC' }] })
  async variables(
    @Param('userTaskKey', KeyParam) key: string,
    @Body() body: UserTaskVariableSearchRequestDto,
    @Query() query: VariableSearchQueryParamsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VariableSearchResultDto> {
    const { rows, page } = await this.searchVariables.execute(key, principal, body, query.truncateValues !== 'false');
    return { items: rows.map(toVariableSearchItemDto), page };
  }
}
