import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { ForbiddenError } from '../common/errors/index.js';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './auth.decorators.js';
import { Authenticator, toPrincipal } from './authenticator.js';
import { throttlingAddress } from './client-address.js';
import { IdentityRepository } from './identity.repository.js';
import { allows, PERMISSION_NAMES, PERMISSIONS, type Permission } from './permissions.js';
import type { AuthenticatedRequest, Principal } from './principal.js';

/** The user every request acts as when auth is disabled (BATON_AUTH_DISABLED=true). */
export const AUTH_DISABLED_USER = 'demo';

/**
 * Global guard: every route needs credentials unless marked @Public(), and routes marked
 * @RequirePermission(p) need a role that grants p. Answers 401 and 403 through typed errors.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly identities: IdentityRepository,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const principal = await this.principalOf(request);
    request.principal = principal;

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (permission && !allows(principal, permission)) {
      throw new ForbiddenError(
        'AUTH.FORBIDDEN',
        `User '${principal.username}' (roles: ${principal.roles.join(', ') || 'none'}) may not do this: it needs the permission '${permission}', which the role ${PERMISSIONS[permission].join(' or ')} grants (or a custom role listing it)`,
      );
    }
    return true;
  }

  private async principalOf(request: Request): Promise<Principal> {
    if (this.config.auth.disabled) {
      const user = await this.identities.findUser(AUTH_DISABLED_USER);
      if (user) return toPrincipal(user, 'auth-disabled');
      return { username: AUTH_DISABLED_USER, name: 'Auth disabled', email: null, roles: ['admin'], groups: [], permissions: [...PERMISSION_NAMES], authenticatedBy: 'auth-disabled' };
    }
    return this.authenticator.authenticate(request.headers.authorization, throttlingAddress(request.ip));
  }
}
