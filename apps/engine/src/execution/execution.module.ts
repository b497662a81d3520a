import { Module } from '@nestjs/common';
import { FeelService } from '#feel';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { JobDispatcher } from '../dispatch/job-dispatcher.js';
import { JobQueues } from '../dispatch/job-queues.js';
import { TimerScheduler } from '../dispatch/timer-scheduler.js';
import { FormsModule } from '../forms/forms.module.js';
import { CalledDefinitions } from './called-definitions.js';
import { CommandExecutor } from './command-executor.js';
import { DefinitionCache } from './definition-cache.js';
import { FormKeyResolver } from './form-key-resolver.js';
import { InstanceLookup } from './instance-lookup.js';
import { InstanceNotifications } from './instance-notifications.js';
import { InstanceStore } from './instance-store.js';
import { PendingCommands } from './pending-commands.js';
import { VisibleVariables } from './visible-variables.js';

/** Runs commands on process instances: the bridge between the API and the pure core. */
@Module({
  imports: [FormsModule],
  providers: [CalledDefinitions, CommandExecutor, PendingCommands, DefinitionCache, FormKeyResolver, InstanceLookup, InstanceNotifications, InstanceStore, JobDispatcher, JobQueues, TimerScheduler, VisibleVariables, { provide: FeelService, inject: [BATON_CONFIG], useFactory: (config: BatonConfig) => new FeelService({ limits: config.feel }) }],
  exports: [CommandExecutor, PendingCommands, DefinitionCache, FormKeyResolver, InstanceLookup, InstanceNotifications, FeelService, JobDispatcher, JobQueues, TimerScheduler, VisibleVariables],
})
export class ExecutionModule {}
