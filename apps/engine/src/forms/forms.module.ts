import { Module } from '@nestjs/common';
import { FormResolver } from './form-resolver.js';
import { FormRepository } from './form.repository.js';
import { FormsController } from './forms.controller.js';

@Module({
  controllers: [FormsController],
  providers: [FormRepository, FormResolver],
  exports: [FormRepository, FormResolver],
})
export class FormsModule {}
