import { Module } from '@nestjs/common';
import { VariableQueryRepository } from './variable-query.repository.js';
import { VariablesController } from './variables.controller.js';

/** Read side of variables; exports the repository for the variables a user task sees. */
@Module({
  controllers: [VariablesController],
  providers: [VariableQueryRepository],
  exports: [VariableQueryRepository],
})
export class VariablesModule {}
