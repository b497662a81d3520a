import { Module } from '@nestjs/common';
import { FeelService } from '#feel';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { JobDispatcher } from '../dispatch/job-dispatcher.js';
import { JobQueues } from '../dispatch/job-queues.js';
import { TimerScheduler } from '../dispatch/timer-scheduler.js';
import { FormsModule } from '../forms/forms.module.js';
import { InstanceNotifications } from '../notifications/instance-notifications.js';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { CalledDefinitions } from './called-definitions.js';
import { CommandExecutor } from './command-executor.js';
import { DefinitionCache } from './definition-cache.js';
import { FormKeyResolver } from './form-key-resolver.js';
import { InstanceLookup } from './instance-lookup.js';
import { InstanceStore } from './instance-store.js';
import { MessageCorrelations } from './message-correlations.js';
import { PendingCommands } from './pending-commands.js';
import { SignalBroadcaster } from './signal-broadcaster.js';
import { StartTimers } from './start-timers.js';

/**
 * Runs commands on process instances: the bridge between the API and the pure core, with what
 * follows a commit (dispatch to BullMQ, notices to other replicas, the outbox between instances),
 * message correlation, signal broadcasts and timer start events. Re-exports the stores.
 */
@Module({
  imports: [FormsModule, ProcessDefinitionsModule, StoresModule],
  providers: [
    CalledDefinitions,
    CommandExecutor,
    PendingCommands,
    DefinitionCache,
    FormKeyResolver,
    InstanceLookup,
    InstanceNotifications,
    InstanceStore,
    JobDispatcher,
    JobQueues,
    MessageCorrelations,
    SignalBroadcaster,
    StartTimers,
    TimerScheduler,
    { provide: FeelService, inject: [BATON_CONFIG], useFactory: (config: BatonConfig) => new FeelService({ limits: config.feel }) },
  ],
  exports: [
    CommandExecutor,
    PendingCommands,
    DefinitionCache,
    FormKeyResolver,
    InstanceLookup,
    InstanceNotifications,
    FeelService,
    JobDispatcher,
    JobQueues,
    MessageCorrelations,
    SignalBroadcaster,
    StartTimers,
    TimerScheduler,
    StoresModule,
  ],
})
export class ExecutionModule {}
