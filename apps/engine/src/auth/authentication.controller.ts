import { Body, Controller, Get, HttpCode, Inject, Ip, Post } from '@nestjs/common';
import { ApiBasicAuth, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { WALL_CLOCK, type Clock } from '../infrastructure/clock.js';
import { AccessTokenRepository } from './access-token.repository.js';
import { CurrentPrincipal, Public } from './auth.decorators.js';
import { throttlingAddress } from './client-address.js';
import { CurrentUserDto } from './dto/current-user.dto.js';
import { SignInRequestDto, SignInResponseDto } from './dto/sign-in.dto.js';
import { allows } from './permissions.js';
import type { Principal } from './principal.js';
import { SignInUseCase } from './usecases/sign-in.usecase.js';
import { ApiProblemResponse } from '../common/openapi/problem-responses.js';

@ApiTags('Authentication')
@Controller('v2/authentication')
export class AuthenticationController {
  constructor(
    private readonly signIn: SignInUseCase,
    private readonly tokens: AccessTokenRepository,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
  ) {}

  @Post('sign-in')
  @ApiProblemResponse(401, 'Wrong user name or password, or a disabled user.')
  @ApiProblemResponse(429, 'Too many failed attempts for this user or address: retry after `Retry-After` seconds.')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with username and password; returns a bearer token (Baton addition, used by the portal).' })
  @ApiOkResponse({ type: SignInResponseDto })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts for the user or from the address: wait `Retry-After` seconds (AUTH.TOO_MANY_ATTEMPTS).' })
  signInWithPassword(@Body() body: SignInRequestDto, @Ip() ip: string): Promise<SignInResponseDto> {
    return this.signIn.execute(body, throttlingAddress(ip));
  }

  @Post('sign-out')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke the sign-in token used for this call (Baton addition).' })
  @ApiNoContentResponse()
  async signOut(@CurrentPrincipal() principal: Principal): Promise<void> {
    if (principal.authenticatedBy === 'session' && principal.tokenKey) {
      await this.tokens.revoke(principal.tokenKey, this.wallClock.now());
    }
  }

  @Get('me')
  @ApiBasicAuth()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The current user, with roles and groups (Camunda 8 shape).' })
  @ApiOkResponse({ type: CurrentUserDto })
  me(@CurrentPrincipal() principal: Principal): CurrentUserDto {
    const components = ['tasklist'];
    if (allows(principal, 'instance:read')) components.push('operate');
    if (allows(principal, 'deployment:create')) components.push('modeler');
    if (allows(principal, 'identity:manage')) components.push('identity');
    return {
      username: principal.username,
      displayName: principal.name,
      email: principal.email,
      authorizedComponents: components,
      tenants: [{ tenantId: '<default>', name: 'Default' }],
      groups: principal.groups,
      roles: principal.roles,
      permissions: [...principal.permissions],
      salesPlanType: '',
      c8Links: {},
      canLogout: principal.authenticatedBy === 'session',
    };
  }
}
