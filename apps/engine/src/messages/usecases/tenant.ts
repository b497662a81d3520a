import { InvalidArgumentError } from '../../common/errors/index.js';
import { DEFAULT_TENANT } from '../../deployments/usecases/create-deployment.usecase.js';

/** The tenant of a message or signal: Baton has one, `<default>`. */
export function messagingTenant(tenantId: string | undefined, code: 'MESSAGE.UNKNOWN_TENANT' | 'SIGNAL.UNKNOWN_TENANT'): string {
  const tenant = tenantId ?? DEFAULT_TENANT;
  if (tenant !== DEFAULT_TENANT) {
    const what = code === 'MESSAGE.UNKNOWN_TENANT' ? 'message' : 'signal';
    throw new InvalidArgumentError(code, `Baton has one tenant, '${DEFAULT_TENANT}', but the ${what} names '${tenant}'`);
  }
  return tenant;
}
