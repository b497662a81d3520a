import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from './permissions.js';
import type { AuthenticatedRequest, Principal } from './principal.js';

import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from '../common/route-metadata.js';

export { PUBLIC_ROUTE, REQUIRED_PERMISSION };

/** The route needs no credentials (sign-in only; everything else under /v2 does). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The route needs a role that grants this permission (see permissions.ts). */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

/** Injects the authenticated Principal. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) {
    throw new Error('CurrentPrincipal used on a route the AuthGuard did not authenticate');
  }
  return request.principal;
});
