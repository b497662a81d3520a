import { TaskListenerOutcome } from './task-listener-outcome.js';
import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ElementInstancesModule } from '../element-instances/element-instances.module.js';
import { ExecutionModule } from '../execution/execution.module.js';
import { FormsModule } from '../forms/forms.module.js';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module.js';
import { VariablesModule } from '../variables/variables.module.js';
import { GetUserTaskUseCase } from './usecases/get-user-task.usecase.js';
import { GetUserTaskFormUseCase } from './usecases/get-user-task-form.usecase.js';
import { SearchUserTaskVariablesUseCase } from './usecases/search-user-task-variables.usecase.js';
import { UserTaskAccess } from './user-task-access.js';
import { UserTaskCommandsController } from './user-task-commands.controller.js';
import { UserTaskCommandsUseCase } from './usecases/user-task-commands.usecase.js';
import { UserTaskQueryRepository } from './user-task-query.repository.js';
import { UserTaskVisibility } from './user-task-visibility.js';
import { UserTasksController } from './user-tasks.controller.js';

/**
 * Read side of user tasks. Exports the visibility rule (and the visible-task lookup) for the
 * command side: claim, complete, ... must refuse tasks the caller cannot see the same way (404).
 */
@Module({
  imports: [FormsModule, ProcessDefinitionsModule, ElementInstancesModule, VariablesModule, ExecutionModule, AuthModule],
  controllers: [UserTasksController, UserTaskCommandsController],
  providers: [UserTaskVisibility, UserTaskQueryRepository, UserTaskAccess, UserTaskCommandsUseCase, TaskListenerOutcome, GetUserTaskUseCase, GetUserTaskFormUseCase, SearchUserTaskVariablesUseCase],
  exports: [UserTaskVisibility, UserTaskQueryRepository],
})
export class UserTasksModule {}
