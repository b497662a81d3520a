import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/auth.decorators.js';
import { KeyParam } from '../common/key-param.pipe.js';
import {
  HISTORY_DEFAULT_LIMIT,
  ProcessInstanceDto,
  ProcessInstanceHistoryDto,
  ProcessInstanceHistoryQueryDto,
  ProcessInstanceSearchRequestDto,
  ProcessInstanceSearchResultDto,
} from './process-instance.dto.js';
import { InstanceWaitsDto } from './dto/instance-waits.dto.js';
import { PROCESS_INSTANCE_SEARCH, ProcessInstanceQueryRepository } from './process-instance-query.repository.js';
import { GetInstanceWaitsUseCase } from './usecases/get-instance-waits.usecase.js';
import { processInstanceNotFound } from './process-instance-errors.js';
import { toEventDto, toProcessInstanceDto } from './process-instance.mapper.js';
import { ApiSearchBody } from '../common/openapi/search-body.decorator.js';

/** The read side of process instances: search, get, audit log, what it waits for. */
@ApiTags('Process instances')
@Controller('v2/process-instances')
@RequirePermission('instance:read')
export class ProcessInstancesController {
  constructor(
    private readonly instances: ProcessInstanceQueryRepository,
    private readonly waits: GetInstanceWaitsUseCase,
  ) {}

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search process instances (Camunda 8 shape: filter, sort, page; plus businessId).' })
  @ApiOkResponse({ type: ProcessInstanceSearchResultDto })
  @ApiSearchBody(PROCESS_INSTANCE_SEARCH, { filter: { processDefinitionId: 'expense-approval', state: 'ACTIVE' }, sort: [{ field: 'startDate', order: 'DESC' }], page: { limit: 20 } })
  async search(@Body() body: ProcessInstanceSearchRequestDto): Promise<ProcessInstanceSearchResultDto> {
    const { rows, page } = await this.instances.search(body);
    return { items: rows.map(toProcessInstanceDto), page };
  }

  @Get(':processInstanceKey')
  @ApiOperation({ summary: 'A process instance by key.' })
  @ApiOkResponse({ type: ProcessInstanceDto })
  async get(@Param('processInstanceKey', KeyParam) key: string): Promise<ProcessInstanceDto> {
    const instance = await this.instances.find(key);
    if (!instance) throw processInstanceNotFound(key);
    return toProcessInstanceDto(instance);
  }

  @Get(':processInstanceKey/history')
  @ApiOperation({ summary: "Baton addition: the instance's audit log, every event in order with time and actor, paged by position (`from`, `limit`)." })
  @ApiOkResponse({ type: ProcessInstanceHistoryDto })
  async history(@Param('processInstanceKey', KeyParam) key: string, @Query() query: ProcessInstanceHistoryQueryDto): Promise<ProcessInstanceHistoryDto> {
    const instance = await this.instances.find(key);
    if (!instance) throw processInstanceNotFound(key);
    const events = await this.instances.history(key, query.from ?? 1, query.limit ?? HISTORY_DEFAULT_LIMIT);
    const last = events.at(-1)?.position;
    return {
      items: events.map(toEventDto),
      page: { totalItems: instance.eventPosition, nextFrom: last !== undefined && last < instance.eventPosition ? last + 1 : null },
    };
  }

  @Get(':processInstanceKey/waits')
  @ApiOperation({
    summary:
      'Baton addition: what each waiting element of the instance waits for — one item per open message, signal or condition subscription and per active timer (message name and correlation key, signal name, due date and cycle, condition).',
  })
  @ApiOkResponse({ type: InstanceWaitsDto })
  instanceWaits(@Param('processInstanceKey', KeyParam) key: string): Promise<InstanceWaitsDto> {
    return this.waits.execute(key);
  }
}
