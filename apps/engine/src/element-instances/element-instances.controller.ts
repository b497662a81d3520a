import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/auth.decorators.js';
import { NotFoundError } from '../common/errors/index.js';
import { KeyParam } from '../common/key-param.pipe.js';
import { ElementInstanceDto, ElementInstanceSearchRequestDto, ElementInstanceSearchResultDto } from './element-instance.dto.js';
import { ElementInstanceQueryRepository } from './element-instance-query.repository.js';
import { toElementInstanceDto } from './element-instance.mapper.js';

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
