import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponse } from '../../common/openapi/problem-responses.js';
import { IsString, MaxLength } from 'class-validator';
import { Public } from '../auth.decorators.js';
import { throttlingAddress } from '../client-address.js';
import { SignInResponseDto } from '../dto/sign-in.dto.js';
import { OidcSignInUseCase } from './oidc-sign-in.usecase.js';

export class OidcStatusDto {
  @ApiProperty({ description: 'True when the sign-in page offers the external provider.' }) enabled: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'Acme SSO', description: 'For the button: "Sign in with <providerName>".' }) providerName: string | null;
}

export class OidcAuthorizationDto {
  @ApiProperty({ description: "The provider's authorization URL to send the browser to (code flow, PKCE S256, state, nonce)." }) authorizationUrl: string;
  @ApiProperty({ description: 'The state of this sign-in: the portal keeps it in the tab and sends only a callback that carries it.' }) state: string;
}

export class OidcCallbackRequestDto {
  @ApiProperty({ example: '?code=…&state=…', description: 'The query string the provider sent the browser back to /sign-in/callback with.' })
  @IsString()
  @MaxLength(8192)
  callbackQuery: string;
}

/** Sign-in with the external OpenID Connect provider, for the portal (Baton addition). */
@ApiTags('Authentication')
@Controller('v2/authentication/oidc')
export class OidcSignInController {
  constructor(private readonly oidcSignIn: OidcSignInUseCase) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether sign-in with an OpenID Connect provider is configured, and its name (Baton addition).' })
  @ApiOkResponse({ type: OidcStatusDto })
  status(): OidcStatusDto {
    return this.oidcSignIn.status();
  }

  @Post('authorization')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: "Start a sign-in with the OpenID Connect provider: the provider's authorization URL (Baton addition)." })
  @ApiOkResponse({ type: OidcAuthorizationDto })
  @ApiProblemResponse(429, 'More than 100 sign-ins started from the address in 10 minutes: wait `Retry-After` seconds (AUTH.TOO_MANY_ATTEMPTS).')
  authorize(@Ip() ip: string): Promise<OidcAuthorizationDto> {
    return this.oidcSignIn.start(throttlingAddress(ip));
  }

  @Post('callback')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: "Finish a sign-in with the provider's callback: a portal session as from /sign-in (Baton addition)." })
  @ApiOkResponse({ type: SignInResponseDto })
  @ApiProblemResponse(400, 'A state that is missing, unknown, used already or older than 10 minutes (AUTH.OIDC_STATE_MISMATCH).')
  @ApiProblemResponse(401, "The provider refused, or the code exchange or the ID token's checks failed, or the user is disabled (AUTH.OIDC_CALLBACK_FAILED).")
  @ApiProblemResponse(409, 'A local user with a password has the claimed name (AUTH.OIDC_USER_CONFLICT).')
  callback(@Body() body: OidcCallbackRequestDto): Promise<SignInResponseDto> {
    return this.oidcSignIn.complete(body.callbackQuery);
  }
}
