import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '../common/errors/index.js';
import { KeyParam } from '../common/key-param.pipe.js';
import { FormDto, toFormDto } from './form.dto.js';
import { FormRepository } from './form.repository.js';

@ApiTags('Forms')
@Controller('v2/forms')
export class FormsController {
  constructor(private readonly forms: FormRepository) {}

  @Get(':formKey')
  @ApiOperation({ summary: 'A deployed form version by key (Baton addition; Camunda serves forms through user tasks and process definitions).' })
  @ApiOkResponse({ type: FormDto })
  async get(@Param('formKey', KeyParam) formKey: string): Promise<FormDto> {
    const form = await this.forms.findByKey(formKey);
    if (!form) throw new NotFoundError('FORM.NOT_FOUND', `No form with key ${formKey}`);
    return toFormDto(form);
  }
}
