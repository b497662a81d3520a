import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenRepository } from './access-token.repository.js';
import { ApiTokensController } from './api-tokens.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthenticationController } from './authentication.controller.js';
import { Authenticator } from './authenticator.js';
import { IdentityRepository } from './identity.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { ManageApiTokensUseCase } from './usecases/manage-api-tokens.usecase.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { SignInUseCase } from './usecases/sign-in.usecase.js';

/** Authentication (Basic, sessions, API tokens) and the global guard that enforces roles. */
@Module({
  controllers: [AuthenticationController, ApiTokensController],
  providers: [
    IdentityRepository,
    AccessTokenRepository,
    PasswordHasher,
    Authenticator,
    SignInThrottle,
    SignInUseCase,
    ManageApiTokensUseCase,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [IdentityRepository, PasswordHasher, Authenticator, AccessTokenRepository],
})
export class AuthModule {}
