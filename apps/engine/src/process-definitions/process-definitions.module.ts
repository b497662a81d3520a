import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module.js';
import { MessageStartSubscriptionRepository } from './message-start-subscription.repository.js';
import { ProcessDefinitionRepository } from './process-definition.repository.js';
import { ProcessDefinitionsController } from './process-definitions.controller.js';

/** Process definitions: read and search; the owners of `process_definitions` and `message_start_subscriptions`. */
@Module({
  imports: [FormsModule],
  controllers: [ProcessDefinitionsController],
  providers: [ProcessDefinitionRepository, MessageStartSubscriptionRepository],
  exports: [ProcessDefinitionRepository, MessageStartSubscriptionRepository],
})
export class ProcessDefinitionsModule {}
