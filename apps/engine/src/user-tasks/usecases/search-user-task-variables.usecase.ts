import { Injectable } from '@nestjs/common';
import type { SearchRequestDto } from '../../common/search/search-request.dto.js';
import { ElementInstanceQueryRepository } from '../../element-instances/element-instance-query.repository.js';
import { VariableQueryRepository } from '../../variables/variable-query.repository.js';
import type { TaskViewer } from '../user-task-visibility.js';
import { UserTaskQueryRepository } from '../user-task-query.repository.js';
import { userTaskNotFound } from '../user-task-errors.js';

/**
 * The variables a user task sees: those of its own element instance and of every enclosing
 * scope up to the process instance, an inner name hiding the same name further out.
 */
@Injectable()
export class SearchUserTaskVariablesUseCase {
  constructor(
    private readonly tasks: UserTaskQueryRepository,
    private readonly elements: ElementInstanceQueryRepository,
    private readonly variables: VariableQueryRepository,
  ) {}

  async execute(userTaskKey: string, viewer: TaskViewer, request: SearchRequestDto, truncate: boolean) {
    const task = await this.tasks.findVisible(userTaskKey, viewer);
    if (!task) throw userTaskNotFound(userTaskKey);
    const scopes = await this.elements.scopeChain(task.elementInstanceKey);
    if (!scopes.includes(task.processInstanceKey)) scopes.push(task.processInstanceKey);
    return this.variables.searchInScopes(scopes, request, truncate);
  }
}
