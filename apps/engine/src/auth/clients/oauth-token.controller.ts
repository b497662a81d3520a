import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AcceptsBody } from '../../http/accepts-body.decorator.js';
import { Public } from '../auth.decorators.js';
import { IssueClientTokenUseCase, OAuthError } from './issue-client-token.usecase.js';

/**
 * Baton's OAuth 2.0 token endpoint (RFC 6749), for API clients an admin created: the
 * client-credentials grant, form-encoded, client authentication by `client_secret_post` (what
 * Camunda's clients send: `client_id`, `client_secret`, `audience`) or `client_secret_basic`.
 * `audience` and `scope` are accepted and ignored: a token is for this engine and acts as the
 * client's user. Answers and errors are RFC 6749's JSON, not problem+json.
 */
@ApiTags('OAuth')
@Controller('oauth')
export class OAuthTokenController {
  constructor(private readonly issue: IssueClientTokenUseCase) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  @AcceptsBody('application/x-www-form-urlencoded')
  @ApiOperation({ summary: 'OAuth 2.0 token endpoint, client-credentials grant (RFC 6749 4.4) for API clients (Baton addition; Camunda uses its identity provider\'s).' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['grant_type'],
      properties: {
        grant_type: { type: 'string', enum: ['client_credentials'] },
        client_id: { type: 'string' },
        client_secret: { type: 'string' },
        audience: { type: 'string', description: 'Accepted and ignored.' },
        scope: { type: 'string', description: 'Accepted and ignored.' },
      },
    },
  })
  @ApiOkResponse({ description: '`{"access_token": "bct_…", "token_type": "Bearer", "expires_in": 3600}`' })
  @ApiBadRequestResponse({ description: 'RFC 6749 error: `invalid_request`, `unsupported_grant_type`.' })
  @ApiUnauthorizedResponse({ description: 'RFC 6749 error `invalid_client`: unknown client, wrong secret, revoked or expired.' })
  async token(@Req() request: Request, @Res() response: Response): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Pragma', 'no-cache');
    try {
      const { clientId, clientSecret, usedBasic } = clientCredentials(request);
      try {
        response.status(200).json(await this.issue.execute(clientId, clientSecret));
      } catch (error) {
        if (error instanceof OAuthError && error.status === 401 && usedBasic) response.setHeader('WWW-Authenticate', 'Basic realm="baton-oauth"');
        throw error;
      }
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      response.status(error.status).json({ error: error.error, error_description: error.description });
    }
  }
}

/** Reads grant type and client credentials from the form body and the Authorization header. */
function clientCredentials(request: Request): { clientId: string; clientSecret: string; usedBasic: boolean } {
  const body = (request.body ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(body)) {
    if (typeof value !== 'string') throw new OAuthError('invalid_request', `Expected the parameter '${name}' once, but it is repeated`);
  }
  const param = (name: string) => (body[name] === '' ? undefined : (body[name] as string | undefined));
  const grantType = param('grant_type');
  if (!grantType) throw new OAuthError('invalid_request', "Expected the parameter 'grant_type' (client_credentials) in a form-encoded body");
  if (grantType !== 'client_credentials') throw new OAuthError('unsupported_grant_type', `Expected grant_type client_credentials but found '${grantType}'`);

  const authorization = request.headers.authorization?.trim();
  if (authorization) {
    const [scheme, encoded = ''] = authorization.split(/\s+/, 2);
    if (scheme?.toLowerCase() !== 'basic') throw new OAuthError('invalid_client', `Expected client authentication with Basic or in the body, but found '${scheme}'`, 401);
    if (param('client_secret') !== undefined) throw new OAuthError('invalid_request', 'Expected the client to authenticate one way, but it sent Basic credentials and client_secret');
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator < 1) throw new OAuthError('invalid_client', 'Expected Basic credentials as base64 of "client_id:client_secret"', 401);
    const clientId = decodeFormComponent(decoded.slice(0, separator));
    const bodyClientId = param('client_id');
    if (bodyClientId !== undefined && bodyClientId !== clientId) throw new OAuthError('invalid_request', 'Expected client_id in the body to match the Basic credentials');
    return { clientId, clientSecret: decodeFormComponent(decoded.slice(separator + 1)), usedBasic: true };
  }
  const clientId = param('client_id');
  const clientSecret = param('client_secret');
  if (!clientId || !clientSecret) throw new OAuthError('invalid_client', 'Expected client_id and client_secret (in the body or as Basic credentials)', 401);
  return { clientId, clientSecret, usedBasic: false };
}

/** RFC 6749 2.3.1: Basic credentials are form-encoded before base64. */
function decodeFormComponent(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
