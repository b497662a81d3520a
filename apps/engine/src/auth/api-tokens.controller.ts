import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { KeyParam } from '../common/key-param.pipe.js';
import { CurrentPrincipal, RequirePermission } from './auth.decorators.js';
import { ApiTokenSearchRequestDto, ApiTokenSearchResultDto, CreateApiTokenRequestDto, CreatedApiTokenDto } from './dto/api-token.dto.js';
import type { Principal } from './principal.js';
import { ManageApiTokensUseCase } from './usecases/manage-api-tokens.usecase.js';
import { API_TOKEN_SEARCH } from './access-token.repository.js';
import { ApiSearchBody } from '../common/openapi/search-body.decorator.js';

@ApiTags('API tokens')
@Controller('v2/api-tokens')
@RequirePermission('identity:manage')
export class ApiTokensController {
  constructor(private readonly apiTokens: ManageApiTokensUseCase) {}

  @Post()
  @ApiOperation({ summary: 'Create an API token for a system (admin; Baton addition). The secret is in this response only.' })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  create(@Body() body: CreateApiTokenRequestDto, @CurrentPrincipal() caller: Principal): Promise<CreatedApiTokenDto> {
    return this.apiTokens.create(body, caller);
  }

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search API tokens (filter, sort, page as every search; newest first by default), without their secrets (admin; Baton addition).' })
  @ApiOkResponse({ type: ApiTokenSearchResultDto })
  @ApiSearchBody(API_TOKEN_SEARCH, { filter: { revokedAt: { $exists: false } }, sort: [{ field: 'createdAt', order: 'DESC' }], page: { limit: 20 } })
  search(@Body() body: ApiTokenSearchRequestDto): Promise<ApiTokenSearchResultDto> {
    return this.apiTokens.search(body);
  }

  @Delete(':apiTokenKey')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API token (admin; Baton addition).' })
  @ApiNoContentResponse()
  revoke(@Param('apiTokenKey', KeyParam) apiTokenKey: string): Promise<void> {
    return this.apiTokens.revoke(apiTokenKey);
  }
}
