import { Module } from '@nestjs/common';
import { BusinessIdStore } from './business-id.store.js';
import { CompensationSubscriptionStore } from './compensation-subscription.store.js';
import { ElementInstanceStore } from './element-instance.store.js';
import { EventSubscriptionStore } from './event-subscription.store.js';
import { IncidentStore } from './incident.store.js';
import { InstanceEventStore } from './instance-event.store.js';
import { JobStore } from './job.store.js';
import { JoinTokenStore } from './join-token.store.js';
import { MessageCorrelationStore } from './message-correlation.store.js';
import { MessageStore } from './message.store.js';
import { PendingCommandStore } from './pending-command.store.js';
import { ProcessInstanceStore } from './process-instance.store.js';
import { SignalStartSubscriptionStore } from './signal-start-subscription.store.js';
import { StartTimerStore } from './start-timer.store.js';
import { TimerStore } from './timer.store.js';
import { UserTaskStore } from './user-task.store.js';
import { VariableStore } from './variable.store.js';

const STORES = [
  BusinessIdStore,
  ElementInstanceStore,
  EventSubscriptionStore,
  IncidentStore,
  InstanceEventStore,
  JobStore,
  JoinTokenStore,
  MessageCorrelationStore,
  MessageStore,
  PendingCommandStore,
  ProcessInstanceStore,
  SignalStartSubscriptionStore,
  StartTimerStore,
  TimerStore,
  UserTaskStore,
  VariableStore,
  CompensationSubscriptionStore,
];

/**
 * The owners of the runtime tables (one class per table or aggregate, docs/architecture.md):
 * every statement on these tables in the command side goes through them.
 */
@Module({ providers: STORES, exports: STORES })
export class StoresModule {}
