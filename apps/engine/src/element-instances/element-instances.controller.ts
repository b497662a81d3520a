import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/auth.decorators.js';
import { NotFoundError } from '../common/errors/index.js';
import { KeyParam } from '../common/key-param.pipe.js';
import { ElementInstanceDto, ElementInstanceSearchRequestDto, ElementInstanceSearchResultDto } from './element-instance.dto.js';
import { ELEMENT_INSTANCE_SEARCH, ElementInstanceQueryRepository } from './element-instance-query.repository.js';
import { toElementInstanceDto } from './element-instance.mapper.js';
import { ApiSearchBody } from '../common/openapi/search-body.decorator.js';

/** The read side of element instances: search and get. */
@ApiTags('Element instances')
@Controller('v2/element-instances')
@RequirePermission('instance:read')
export class ElementInstancesController {
  constructor(private readonly elements: ElementInstanceQueryRepository) {}

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search element instances (Camunda 8 shape: filter, sort, page).' })
  @ApiOkResponse({ type: ElementInstanceSearchResultDto })
  @ApiSearchBody(ELEMENT_INSTANCE_SEARCH, { filter: { state: 'ACTIVE', type: 'USER_TASK' }, sort: [{ field: 'startDate', order: 'DESC' }], page: { limit: 20 } })
  async search(@Body() body: ElementInstanceSearchRequestDto): Promise<ElementInstanceSearchResultDto> {
    const { rows, page } = await this.elements.search(body);
    return { items: rows.map(toElementInstanceDto), page };
  }

  @Get(':elementInstanceKey')
  @ApiOperation({ summary: 'An element instance by key.' })
  @ApiOkResponse({ type: ElementInstanceDto })
  async get(@Param('elementInstanceKey', KeyParam) key: string): Promise<ElementInstanceDto> {
    const element = await this.elements.find(key);
    if (!element) throw new NotFoundError('ELEMENT_INSTANCE.NOT_FOUND', `No element instance with key ${key}`);
    return toElementInstanceDto(element);
  }
}
