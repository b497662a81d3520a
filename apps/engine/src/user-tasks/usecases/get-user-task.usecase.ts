import { Injectable } from '@nestjs/common';
import { DefinitionCache } from '../../execution/definition-cache.js';
import type { UserTaskDto } from '../user-task.dto.js';
import { userTaskNotFound } from '../user-task-errors.js';
import { toUserTaskDto } from '../user-task.mapper.js';
import { UserTaskQueryRepository } from '../user-task-query.repository.js';
import type { TaskViewer } from '../user-task-visibility.js';

/**
 * One user task the viewer may see, with its business context (Baton additions): the instance's
 * business id, who started it and when, and the `taskVariables` its model names for the task
 * (the task's own list, else its process's; absent when neither sets one).
 */
@Injectable()
export class GetUserTaskUseCase {
  constructor(
    private readonly tasks: UserTaskQueryRepository,
    private readonly definitions: DefinitionCache,
  ) {}

  async execute(userTaskKey: string, viewer: TaskViewer): Promise<UserTaskDto> {
    const task = await this.tasks.findVisible(userTaskKey, viewer);
    if (!task) throw userTaskNotFound(userTaskKey);
    const [contexts, definition] = await Promise.all([this.tasks.instanceContexts([task.processInstanceKey]), this.definitions.get(task.processDefinitionKey)]);
    const element = definition.model.elements[task.elementId];
    const taskVariables = (element?.type === 'bpmn:UserTask' ? element.userTask.taskVariables : undefined) ?? definition.model.taskVariables;
    return { ...toUserTaskDto(task, contexts.get(task.processInstanceKey)), ...(taskVariables !== undefined && { taskVariables }) };
  }
}
