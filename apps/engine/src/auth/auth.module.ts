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
import { ApiClientRepository } from './clients/api-client.repository.js';
import { ApiClientsController } from './clients/api-clients.controller.js';
import { IssueClientTokenUseCase } from './clients/issue-client-token.usecase.js';
import { ManageApiClientsUseCase } from './clients/manage-api-clients.usecase.js';
import { OAuthTokenController } from './clients/oauth-token.controller.js';
import { OidcAccessTokenVerifier } from './oidc/oidc-access-token.verifier.js';
import { OidcProviderClient } from './oidc/oidc-provider-client.js';
import { OidcSignInController } from './oidc/oidc-sign-in.controller.js';
import { OidcSignInUseCase } from './oidc/oidc-sign-in.usecase.js';

/** Authentication (Basic, sessions, API tokens, API clients, OpenID Connect) and the global guard that enforces roles. */
@Module({
  controllers: [AuthenticationController, ApiTokensController, ApiClientsController, OAuthTokenController, OidcSignInController],
  providers: [
    IdentityRepository,
    AccessTokenRepository,
    PasswordHasher,
    Authenticator,
    SignInThrottle,
    SignInUseCase,
    ManageApiTokensUseCase,
    // API clients (POST /oauth/token) and the external OpenID Connect provider:
    ApiClientRepository,
    ManageApiClientsUseCase,
    IssueClientTokenUseCase,
    OidcProviderClient,
    OidcAccessTokenVerifier,
    OidcSignInUseCase,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [IdentityRepository, PasswordHasher, Authenticator, AccessTokenRepository],
})
export class AuthModule {}
