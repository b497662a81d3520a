import { Body, Controller, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError } from '../common/errors/index.js';
import { KeyParam } from '../common/key-param.pipe.js';
import { FormDto, toFormDto } from '../forms/form.dto.js';
import { FormResolver } from '../forms/form-resolver.js';
import { ProcessDefinitionDto, ProcessDefinitionSearchRequestDto, ProcessDefinitionSearchResultDto } from './process-definition.dto.js';
import { PROCESS_DEFINITION_SEARCH, ProcessDefinitionRepository, type ProcessDefinitionSummary } from './process-definition.repository.js';
import { ApiSearchBody } from '../common/openapi/search-body.decorator.js';

@ApiTags('Process definitions')
@Controller('v2/process-definitions')
export class ProcessDefinitionsController {
  constructor(
    private readonly definitions: ProcessDefinitionRepository,
    private readonly forms: FormResolver,
  ) {}

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search process definitions (Camunda 8 shape: filter, sort, page).' })
  @ApiOkResponse({ type: ProcessDefinitionSearchResultDto })
  @ApiSearchBody(PROCESS_DEFINITION_SEARCH, { filter: { isLatestVersion: true }, sort: [{ field: 'processDefinitionId', order: 'ASC' }], page: { limit: 20 } })
  async search(@Body() body: ProcessDefinitionSearchRequestDto): Promise<ProcessDefinitionSearchResultDto> {
    const { rows, page } = await this.definitions.search(body);
    return { items: rows.map(toDto), page };
  }

  @Get(':processDefinitionKey')
  @ApiOperation({ summary: 'A process definition by key.' })
  @ApiOkResponse({ type: ProcessDefinitionDto })
  async get(@Param('processDefinitionKey', KeyParam) key: string): Promise<ProcessDefinitionDto> {
    const definition = await this.definitions.findSummary(key);
    if (!definition) throw notFound(key);
    return toDto(definition);
  }

  @Get(':processDefinitionKey/xml')
  @Header('Content-Type', 'text/xml; charset=utf-8')
  @ApiOperation({ summary: 'The BPMN XML of a process definition, as deployed.' })
  @ApiProduces('text/xml')
  @ApiOkResponse({ schema: { type: 'string' } })
  async xml(@Param('processDefinitionKey', KeyParam) key: string): Promise<string> {
    const xml = await this.definitions.findXml(key);
    if (xml === null) throw notFound(key);
    return xml;
  }

  @Get(':processDefinitionKey/form')
  @ApiOperation({ summary: 'The start form of a process definition; 204 when it has none.' })
  @ApiOkResponse({ type: FormDto })
  @ApiNoContentResponse()
  async startForm(@Param('processDefinitionKey', KeyParam) key: string, @Res({ passthrough: true }) response: Response): Promise<FormDto | undefined> {
    const definition = await this.definitions.find(key);
    if (!definition) throw notFound(key);
    const model = definition.executableModel;
    const start = model.startEventId === undefined ? undefined : model.elements[model.startEventId];
    const reference = start?.type === 'bpmn:StartEvent' ? start.form : undefined;
    if (reference?.kind !== 'linked') {
      response.status(204);
      return undefined;
    }
    const form = await this.forms.resolveLinked(reference, definition);
    if (!form) {
      throw new NotFoundError('FORM.NOT_FOUND', `The start form '${reference.formId}' of process definition ${key} is not deployed`);
    }
    return toFormDto(form);
  }
}

function notFound(key: string): NotFoundError {
  return new NotFoundError('PROCESS_DEFINITION.NOT_FOUND', `No process definition with key ${key}`);
}

function toDto(d: ProcessDefinitionSummary): ProcessDefinitionDto {
  return {
    ...(d.name !== null ? { name: d.name } : {}),
    resourceName: d.resourceName,
    version: d.version,
    ...(d.versionTag !== null ? { versionTag: d.versionTag } : {}),
    processDefinitionId: d.processDefinitionId,
    tenantId: d.tenantId,
    processDefinitionKey: d.processDefinitionKey,
    hasStartForm: d.hasStartForm,
  };
}
