import { Inject, Injectable } from '@nestjs/common';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { BatonError, InvalidArgumentError } from '../../common/errors/index.js';
import { AccessTokenRepository } from '../../auth/access-token.repository.js';
import { Authenticator } from '../../auth/authenticator.js';
import { EXTERNAL_USER_PASSWORD_HASH, IdentityRepository } from '../../auth/identity.repository.js';
import { PasswordHasher } from '../../auth/password-hasher.js';
import type { Principal } from '../../auth/principal.js';
import { WALL_CLOCK, type Clock } from '../../infrastructure/clock.js';
import type { ChangeOwnPasswordRequestDto } from '../dto/identity.dto.js';
import { checkPasswordPolicy, externalUserPassword, userNotFound } from '../identity-errors.js';

/**
 * A signed-in user changes their own password: the current one is checked (throttled like
 * sign-in), the new one must meet the policy, and their other portal sign-ins end.
 */
@Injectable()
export class ChangeOwnPasswordUseCase {
  constructor(
    private readonly identities: IdentityRepository,
    private readonly tokens: AccessTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly authenticator: Authenticator,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  async execute(caller: Principal, request: ChangeOwnPasswordRequestDto, clientAddress: string): Promise<void> {
    const user = await this.identities.getUser(caller.username);
    if (!user) throw userNotFound(caller.username);
    if (user.passwordHash === EXTERNAL_USER_PASSWORD_HASH) throw externalUserPassword(caller.username);
    checkPasswordPolicy(request.newPassword, this.config.auth.passwordMinLength, 'new password');
    if (request.newPassword === request.currentPassword) {
      throw new InvalidArgumentError('PASSWORD.UNCHANGED', 'Expected a new password different from the current one');
    }
    try {
      await this.authenticator.verifyPassword(caller.username, request.currentPassword, clientAddress);
    } catch (error) {
      // A wrong current password is a bad request, not a failed sign-in: the portal must not sign the user out.
      if (error instanceof BatonError && error.code === 'AUTH.UNAUTHENTICATED') {
        throw new InvalidArgumentError('PASSWORD.CURRENT_MISMATCH', 'The current password is wrong');
      }
      throw error;
    }
    await this.identities.updateUser(caller.username, { passwordHash: await this.hasher.hash(request.newPassword) });
    this.authenticator.forget(caller.username);
    await this.tokens.revokeSessions(caller.username, this.wallClock.now(), caller.authenticatedBy === 'session' ? caller.tokenKey : undefined);
  }
}
