import { Module } from '@nestjs/common';
import { ExecutionModule } from '../execution/execution.module.js';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module.js';
import { MessageExpiry } from './message-expiry.js';
import { MessageStarts } from './message-starts.js';
import { MessageSubscriptionQueryRepository } from './message-subscription-query.repository.js';
import { MessageSubscriptionsController } from './message-subscriptions.controller.js';
import { MessagesController } from './messages.controller.js';
import { CorrelateMessageUseCase } from './usecases/correlate-message.usecase.js';
import { PublishMessageUseCase } from './usecases/publish-message.usecase.js';

/** Message publication and correlation, the message buffer's expiry, and the message subscription search. */
@Module({
  imports: [ExecutionModule, ProcessDefinitionsModule],
  controllers: [MessagesController, MessageSubscriptionsController],
  providers: [MessageStarts, PublishMessageUseCase, CorrelateMessageUseCase, MessageSubscriptionQueryRepository, MessageExpiry],
})
export class MessagesModule {}
