import { AccessTokenEntity } from './access-token.entity.js';
import { DeploymentEntity } from './deployment.entity.js';
import { EngineNodeEntity } from './engine-node.entity.js';
import { FormEntity } from './form.entity.js';
import { GroupMembershipEntity } from './group-membership.entity.js';
import { GroupEntity } from './group.entity.js';
import { ProcessDefinitionEntity } from './process-definition.entity.js';
import { RoleAssignmentEntity } from './role-assignment.entity.js';
import { UserEntity } from './user.entity.js';

export { AccessTokenEntity, DeploymentEntity, EngineNodeEntity, FormEntity, GroupEntity, GroupMembershipEntity, ProcessDefinitionEntity, RoleAssignmentEntity, UserEntity };
export type { AccessTokenKind } from './access-token.entity.js';
export { ROLES, type Role } from './role-assignment.entity.js';

/** Every entity Baton persists. */
export const ENTITIES = [
  UserEntity,
  GroupEntity,
  GroupMembershipEntity,
  RoleAssignmentEntity,
  AccessTokenEntity,
  EngineNodeEntity,
  DeploymentEntity,
  ProcessDefinitionEntity,
  FormEntity,
];
