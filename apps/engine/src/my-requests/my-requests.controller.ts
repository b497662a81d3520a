import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { KeyParam } from '../common/key-param.pipe.js';
import { MyRequestDetailsDto, MyRequestSearchRequestDto, MyRequestSearchResultDto } from './my-request.dto.js';
import { MyRequestsUseCase } from './my-requests.usecase.js';
import { MY_REQUEST_SEARCH } from './my-request-query.repository.js';
import { ApiSearchBody } from '../common/openapi/search-body.decorator.js';

/**
 * "My requests" (Baton addition): the process instances the caller started, for employees, who
 * may not read instances in general (`instance:read`). No permission: every signed-in user may
 * ask and only ever gets their own; another user's instance is answered 404.
 */
@ApiTags('My requests')
@Controller('v2/my-requests')
export class MyRequestsController {
  constructor(private readonly requests: MyRequestsUseCase) {}

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Baton addition: search the process instances the caller started (Camunda search shape; newest first by default), each with its status and current steps.' })
  @ApiOkResponse({ type: MyRequestSearchResultDto })
  @ApiSearchBody(MY_REQUEST_SEARCH, { filter: { state: 'ACTIVE' }, sort: [{ field: 'startDate', order: 'DESC' }], page: { limit: 20 } })
  search(@Body() body: MyRequestSearchRequestDto, @CurrentPrincipal() principal: Principal): Promise<MyRequestSearchResultDto> {
    return this.requests.search(body, principal.username);
  }

  @Get(':processInstanceKey')
  @ApiOperation({ summary: 'Baton addition: one process instance the caller started, with every step it took (404 when unknown or started by someone else).' })
  @ApiOkResponse({ type: MyRequestDetailsDto })
  get(@Param('processInstanceKey', KeyParam) key: string, @CurrentPrincipal() principal: Principal): Promise<MyRequestDetailsDto> {
    return this.requests.get(key, principal.username);
  }
}
