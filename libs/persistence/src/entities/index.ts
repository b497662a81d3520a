import { TimerEntity } from './timer.entity.js';
import { PendingCommandEntity } from './pending-command.entity.js';
import { MessageStartSubscriptionEntity } from './message-start-subscription.entity.js';
import { EventSubscriptionEntity } from './event-subscription.entity.js';
import { MessageEntity } from './message.entity.js';
import { MessageCorrelationEntity } from './message-correlation.entity.js';
import { SignalStartSubscriptionEntity } from './signal-start-subscription.entity.js';
import { StartTimerEntity } from './start-timer.entity.js';
import { CompensationSubscriptionEntity } from './compensation-subscription.entity.js';
import { BusinessIdEntity } from './business-id.entity.js';
import { ElementInstanceEntity } from './element-instance.entity.js';
import { IncidentEntity } from './incident.entity.js';
import { JobEntity } from './job.entity.js';
import { JoinTokenEntity } from './join-token.entity.js';
import { ProcessInstanceEntity } from './process-instance.entity.js';
import { ProcessInstanceEventEntity } from './process-instance-event.entity.js';
import { UserTaskCandidateEntity } from './user-task-candidate.entity.js';
import { UserTaskEntity } from './user-task.entity.js';
import { VariableEntity } from './variable.entity.js';
import { AccessTokenEntity } from './access-token.entity.js';
import { ApiClientEntity } from './api-client.entity.js';
import { DeploymentEntity } from './deployment.entity.js';
import { EngineNodeEntity } from './engine-node.entity.js';
import { FormEntity } from './form.entity.js';
import { GroupMembershipEntity } from './group-membership.entity.js';
import { GroupEntity } from './group.entity.js';
import { ProcessDefinitionEntity } from './process-definition.entity.js';
import { RoleAssignmentEntity } from './role-assignment.entity.js';
import { GroupRoleEntity } from './group-role.entity.js';
import { RoleEntity } from './role.entity.js';
import { UserEntity } from './user.entity.js';

export {
  TimerEntity, PendingCommandEntity, MessageStartSubscriptionEntity,
  EventSubscriptionEntity, MessageEntity, MessageCorrelationEntity, SignalStartSubscriptionEntity, StartTimerEntity, CompensationSubscriptionEntity,
  BusinessIdEntity, ElementInstanceEntity, IncidentEntity, JobEntity, JoinTokenEntity, ProcessInstanceEntity, ProcessInstanceEventEntity, UserTaskCandidateEntity, UserTaskEntity, VariableEntity,
  AccessTokenEntity, ApiClientEntity, DeploymentEntity, EngineNodeEntity, FormEntity, GroupEntity, GroupMembershipEntity, GroupRoleEntity, ProcessDefinitionEntity, RoleAssignmentEntity, RoleEntity, UserEntity };
export type { AccessTokenKind } from './access-token.entity.js';
export { ROLES, type Role } from './role-assignment.entity.js';

/** Every entity Baton persists. */
export const ENTITIES = [
  UserEntity,
  GroupEntity,
  GroupMembershipEntity,
  RoleEntity,
  RoleAssignmentEntity,
  GroupRoleEntity,
  AccessTokenEntity,
  ApiClientEntity,
  EngineNodeEntity,
  DeploymentEntity,
  ProcessDefinitionEntity,
  FormEntity,
  ProcessInstanceEntity,
  BusinessIdEntity,
  ElementInstanceEntity,
  JoinTokenEntity,
  VariableEntity,
  UserTaskEntity,
  UserTaskCandidateEntity,
  JobEntity,
  IncidentEntity,
  ProcessInstanceEventEntity,
  TimerEntity,
  PendingCommandEntity,
  MessageStartSubscriptionEntity,
  EventSubscriptionEntity,
  MessageEntity,
  MessageCorrelationEntity,
  SignalStartSubscriptionEntity,
  StartTimerEntity,
  CompensationSubscriptionEntity,
];
