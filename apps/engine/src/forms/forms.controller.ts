import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '../common/errors/index.js';
import { KeyParam } from '../common/key-param.pipe.js';
import { FormDto, FormSearchRequestDto, FormSearchResultDto, toFormDto } from './form.dto.js';
import { FORM_SEARCH, FormRepository } from './form.repository.js';
import { ApiSearchBody } from '../common/openapi/search-body.decorator.js';

@ApiTags('Forms')
@Controller('v2/forms')
export class FormsController {
  constructor(private readonly forms: FormRepository) {}

  @Post('search')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Search deployed form versions (Baton addition: Camunda 8.8 has no forms search).',
    description:
      'Camunda-style `{filter, sort, page}`. Filters: `formKey`, `formId`, `version`, `tenantId` and `isLatestVersion` ' +
      '(true: only the newest version of each form id). Sorts: `formKey`, `formId`, `version`, `tenantId`. ' +
      'Open to every signed-in user, like reading a form by key.',
  })
  @ApiOkResponse({ type: FormSearchResultDto })
  @ApiSearchBody(FORM_SEARCH, { filter: { isLatestVersion: true }, sort: [{ field: 'formId', order: 'ASC' }], page: { limit: 20 } })
  async search(@Body() body: FormSearchRequestDto): Promise<FormSearchResultDto> {
    const { rows, page } = await this.forms.search(body);
    return { items: rows.map(toFormDto), page };
  }

  @Get(':formKey')
  @ApiOperation({ summary: 'A deployed form version by key (Baton addition; Camunda serves forms through user tasks and process definitions).' })
  @ApiOkResponse({ type: FormDto })
  async get(@Param('formKey', KeyParam) formKey: string): Promise<FormDto> {
    const form = await this.forms.findByKey(formKey);
    if (!form) throw new NotFoundError('FORM.NOT_FOUND', `No form with key ${formKey}`);
    return toFormDto(form);
  }
}
