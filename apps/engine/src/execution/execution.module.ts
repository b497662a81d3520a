import { Module } from '@nestjs/common';
import { FeelService } from '#feel';
import { FormsModule } from '../forms/forms.module.js';
import { CommandExecutor } from './command-executor.js';
import { DefinitionCache } from './definition-cache.js';
import { FormKeyResolver } from './form-key-resolver.js';
import { InstanceLookup } from './instance-lookup.js';
import { InstanceNotifications } from './instance-notifications.js';
import { InstanceStore } from './instance-store.js';

/** Runs commands on process instances: the bridge between the API and the pure core. */
@Module({
  imports: [FormsModule],
  providers: [CommandExecutor, DefinitionCache, FormKeyResolver, InstanceLookup, InstanceNotifications, InstanceStore, { provide: FeelService, useValue: new FeelService() }],
  exports: [CommandExecutor, DefinitionCache, InstanceLookup, InstanceNotifications, FeelService],
})
export class ExecutionModule {}
