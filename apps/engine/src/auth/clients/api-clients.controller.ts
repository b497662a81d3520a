import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { KeyParam } from '../../common/key-param.pipe.js';
import { CurrentPrincipal, RequirePermission } from '../auth.decorators.js';
import type { Principal } from '../principal.js';
import { ApiClientSearchRequestDto, ApiClientSearchResultDto, CreateApiClientRequestDto, CreatedApiClientDto } from './api-client.dto.js';
import { ManageApiClientsUseCase } from './manage-api-clients.usecase.js';
import { API_CLIENT_SEARCH } from './api-client.repository.js';
import { ApiSearchBody } from '../../common/openapi/search-body.decorator.js';

@ApiTags('API clients')
@Controller('v2/api-clients')
@RequirePermission('identity:manage')
export class ApiClientsController {
  constructor(private readonly apiClients: ManageApiClientsUseCase) {}

  @Post()
  @ApiOperation({ summary: 'Create an OAuth client for POST /oauth/token (client credentials) acting as a user (admin; Baton addition). The secret is in this response only.' })
  @ApiCreatedResponse({ type: CreatedApiClientDto })
  create(@Body() body: CreateApiClientRequestDto, @CurrentPrincipal() caller: Principal): Promise<CreatedApiClientDto> {
    return this.apiClients.create(body, caller);
  }

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search API clients (filter, sort, page as every search; newest first by default), without their secrets (admin; Baton addition).' })
  @ApiOkResponse({ type: ApiClientSearchResultDto })
  @ApiSearchBody(API_CLIENT_SEARCH, { filter: { revokedAt: { $exists: false } }, sort: [{ field: 'createdAt', order: 'DESC' }], page: { limit: 20 } })
  search(@Body() body: ApiClientSearchRequestDto): Promise<ApiClientSearchResultDto> {
    return this.apiClients.search(body);
  }

  @Delete(':apiClientKey')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API client and every access token it obtained (admin; Baton addition).' })
  @ApiNoContentResponse()
  revoke(@Param('apiClientKey', KeyParam) apiClientKey: string): Promise<void> {
    return this.apiClients.revoke(apiClientKey);
  }
}
