import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { GroupsController } from './groups.controller.js';
import { OwnPasswordController } from './own-password.controller.js';
import { RolesController } from './roles.controller.js';
import { UsersController } from './users.controller.js';
import { ChangeOwnPasswordUseCase } from './usecases/change-own-password.usecase.js';
import { ManageGroupsUseCase } from './usecases/manage-groups.usecase.js';
import { ManageRolesUseCase } from './usecases/manage-roles.usecase.js';
import { ManageUsersUseCase } from './usecases/manage-users.usecase.js';

/** Users, groups and roles over `/v2/users`, `/v2/groups`, `/v2/roles` (Camunda 8.8's shapes), and one's own password. */
@Module({
  imports: [AuthModule],
  controllers: [UsersController, GroupsController, RolesController, OwnPasswordController],
  providers: [ManageUsersUseCase, ManageGroupsUseCase, ManageRolesUseCase, ChangeOwnPasswordUseCase],
})
export class IdentityModule {}
