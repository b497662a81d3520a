import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module.js';
import { ProcessDefinitionRepository } from './process-definition.repository.js';
import { ProcessDefinitionsController } from './process-definitions.controller.js';

@Module({
  imports: [FormsModule],
  controllers: [ProcessDefinitionsController],
  providers: [ProcessDefinitionRepository],
  exports: [ProcessDefinitionRepository],
})
export class ProcessDefinitionsModule {}
