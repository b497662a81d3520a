import { Module } from '@nestjs/common';
import { ExecutionModule } from '../execution/execution.module.js';
import { SignalsController } from './signals.controller.js';
import { BroadcastSignalUseCase } from './usecases/broadcast-signal.usecase.js';

/** Signal broadcasts over the API. */
@Module({
  imports: [ExecutionModule],
  controllers: [SignalsController],
  providers: [BroadcastSignalUseCase],
})
export class SignalsModule {}
