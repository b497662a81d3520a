import { Module } from '@nestjs/common';
import { MyRequestQueryRepository } from './my-request-query.repository.js';
import { MyRequestsController } from './my-requests.controller.js';
import { MyRequestsUseCase } from './my-requests.usecase.js';

/** "My requests": the instances a user started and where they stand (read only). */
@Module({
  controllers: [MyRequestsController],
  providers: [MyRequestQueryRepository, MyRequestsUseCase],
})
export class MyRequestsModule {}
