import { Module } from '@nestjs/common';
import { ExecutionModule } from '../execution/execution.module.js';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module.js';
import { MessagesController } from './messages.controller.js';
import { MessageStartUseCase } from './message-start.usecase.js';

/** Message publication and correlation. */
@Module({
  imports: [ExecutionModule, ProcessDefinitionsModule],
  controllers: [MessagesController],
  providers: [MessageStartUseCase],
})
export class MessagesModule {}
