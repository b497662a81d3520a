import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../common/errors/index.js';
import { FormDto, toFormDto } from '../../forms/form.dto.js';
import { FormRepository } from '../../forms/form.repository.js';
import { ProcessDefinitionRepository } from '../../process-definitions/process-definition.repository.js';
import type { TaskViewer } from '../user-task-visibility.js';
import { UserTaskQueryRepository } from '../user-task-query.repository.js';
import { userTaskNotFound } from '../user-task-errors.js';

/** The prefix of a legacy embedded form key (`camunda-forms:bpmn:<zeebe:userTaskForm id>`). */
const EMBEDDED_PREFIX = 'camunda-forms:bpmn:';

/** A task's form: without `version` and `formKey` for a legacy embedded form. */
export type UserTaskForm = FormDto | Omit<FormDto, 'version' | 'formKey'>;

/**
 * The form of a user task: the linked form version the task was created with (its `formKey`),
 * or a legacy form embedded in the process (`zeebe:userTaskForm`, read from the compiled
 * model), or null when the task has none (an external reference is not a form Baton serves).
 */
@Injectable()
export class GetUserTaskFormUseCase {
  constructor(
    private readonly tasks: UserTaskQueryRepository,
    private readonly forms: FormRepository,
    private readonly definitions: ProcessDefinitionRepository,
  ) {}

  async execute(userTaskKey: string, viewer: TaskViewer): Promise<UserTaskForm | null> {
    const task = await this.tasks.findVisible(userTaskKey, viewer);
    if (!task) throw userTaskNotFound(userTaskKey);

    if (task.formKey !== null) {
      const form = await this.forms.findByKey(task.formKey);
      if (!form) throw new NotFoundError('FORM.NOT_FOUND', `The form ${task.formKey} of user task ${userTaskKey} is not deployed`);
      return toFormDto(form);
    }
    if (task.embeddedFormId !== null) {
      const model = await this.definitions.executableModel(task.processDefinitionKey);
      const element = model?.elements[task.elementId];
      const form = element?.type === 'bpmn:UserTask' ? element.userTask.form : undefined;
      const schema = form?.kind === 'embedded' ? parseSchema(form.schema) : null;
      if (!schema) throw new NotFoundError('FORM.NOT_FOUND', `The embedded form '${task.embeddedFormId}' of user task ${userTaskKey} is not in its process definition`);
      const formId = task.embeddedFormId.startsWith(EMBEDDED_PREFIX) ? task.embeddedFormId.slice(EMBEDDED_PREFIX.length) : task.embeddedFormId;
      return { tenantId: task.tenantId, formId, schema };
    }
    return null;
  }
}

function parseSchema(text: string): Record<string, unknown> | null {
  try {
    const schema: unknown = JSON.parse(text);
    return schema !== null && typeof schema === 'object' && !Array.isArray(schema) ? (schema as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
