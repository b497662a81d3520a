import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/auth.decorators.js';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { NotFoundError } from '../common/errors/index.js';
import { responseTooLarge } from '../common/limits/response-size.js';
import { KeyParam } from '../common/key-param.pipe.js';
import { toVariableDto, toVariableSearchItemDto, VariableDto, VariableSearchQueryParamsDto, VariableSearchRequestDto, VariableSearchResultDto } from './variable.dto.js';
import { VARIABLE_SEARCH, VariableQueryRepository } from './variable-query.repository.js';
import { ApiSearchBody } from '../common/openapi/search-body.decorator.js';

/** The read side of variables: search (values cut at 8191 characters) and get (whole value). */
@ApiTags('Variables')
@Controller('v2/variables')
@RequirePermission('instance:read')
export class VariablesController {
  constructor(
    private readonly variables: VariableQueryRepository,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search variables (Camunda 8 shape: filter, sort, page); values longer than 8191 characters are truncated unless truncateValues=false.' })
  @ApiOkResponse({ type: VariableSearchResultDto })
  @ApiSearchBody(VARIABLE_SEARCH, { filter: { name: 'amount' }, sort: [{ field: 'processInstanceKey', order: 'DESC' }], page: { limit: 20 } })
  async search(@Body() body: VariableSearchRequestDto, @Query() query: VariableSearchQueryParamsDto): Promise<VariableSearchResultDto> {
    const { rows, page } = await this.variables.search(body, query.truncateValues !== 'false');
    return { items: rows.map(toVariableSearchItemDto), page };
  }

  @Get(':variableKey')
  @ApiOperation({ summary: 'A variable by key, with its whole value.' })
  @ApiOkResponse({ type: VariableDto })
  async get(@Param('variableKey', KeyParam) key: string): Promise<VariableDto> {
    const variable = await this.variables.find(key);
    if (!variable) throw new NotFoundError('VARIABLE.NOT_FOUND', `No variable with key ${key}`);
    const dto = toVariableDto(variable);
    const bytes = Buffer.byteLength(JSON.stringify(dto));
    const max = this.config.limits.maxResponseBytes;
    if (bytes > max) throw responseTooLarge(`variable '${variable.name}'`, bytes, max, {}, 'its value alone is larger than one response may carry; an operator may raise BATON_MAX_RESPONSE_BYTES');
    return dto;
  }
}
