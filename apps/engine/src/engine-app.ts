import { existsSync } from 'node:fs';
import { extname, isAbsolute, join } from 'node:path';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { urlencoded, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { withNamedLock } from '#persistence';
import { batonVersion, PinoNestLogger, projectRoot, type BatonConfig } from '#runtime';
import { AppModule } from './app.module.js';
import { IdentityRepository } from './auth/identity.repository.js';
import { PasswordHasher } from './auth/password-hasher.js';
import { deployProcessesDir } from './bootstrap/deploy-processes-dir.js';
import { closeInfrastructure, prepareInfrastructure } from './bootstrap/prepare-infrastructure.js';
import { seedDemoIdentities } from './bootstrap/seed-demo-identities.js';
import { createInitialAdmin } from './bootstrap/create-initial-admin.js';
import { jsonDepthGuard } from './common/limits/json-depth.guard.js';
import { ResponseSizeInterceptor } from './common/limits/response-size.interceptor.js';
import { ProblemDetailsFilter } from './common/problem-details.filter.js';
import { declareProblemResponses } from './common/openapi/problem-responses.js';
import { ProblemDetailsDto } from './common/openapi/problem-details.dto.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { crossOriginProtection } from './http/cross-origin-protection.js';
import { RequestBodyGuard } from './http/request-body.guard.js';
import { securityHeaders } from './http/security-headers.js';
import { CreateDeploymentUseCase } from './deployments/usecases/create-deployment.usecase.js';
import type { Clock } from './infrastructure/clock.js';
import type { InfrastructureOptions } from './infrastructure/infrastructure.module.js';

/** A running engine: its Nest app, the URL it serves on, and how to stop it cleanly. */
export interface RunningEngine {
  app: NestExpressApplication;
  url: string;
  infrastructure: InfrastructureOptions;
  close(): Promise<void>;
}

/**
 * Starts the engine: checks MySQL and Redis, creates and migrates the database, seeds demo
 * users, deploys the processes folder and serves API and portal on `config.port`
 * (0 picks a free port, for tests).
 */
export async function startEngine(config: BatonConfig, logger: Logger, options: { clock?: Clock } = {}): Promise<RunningEngine> {
  const infrastructure = await prepareInfrastructure(config, logger, options.clock);
  try {
    const app = await createEngineApp(infrastructure, logger);
    await withNamedLock(infrastructure.dataSource, 'baton:startup', async () => {
      if (config.seedDemoData) await seedDemoIdentities(app.get(IdentityRepository), app.get(PasswordHasher), logger);
      if (config.auth.initialAdmin) await createInitialAdmin(app.get(IdentityRepository), app.get(PasswordHasher), config.auth.initialAdmin, logger);
      if (config.processesDir) await deployProcessesDir(resolvePath(config.processesDir), app.get(CreateDeploymentUseCase), logger);
    });
    await app.listen(config.port, '0.0.0.0');
    const address = app.getHttpServer().address() as { port: number };
    const url = `http://localhost:${address.port}`;
    if (config.auth.disabled) logger.warn('BATON_AUTH_DISABLED=true: every request acts as the admin "demo". Never run like this outside local experiments.');
    logger.info({ url, version: batonVersion() }, `Baton engine serving on ${url}`);
    let closing: Promise<void> | undefined;
    return {
      app,
      url,
      infrastructure,
      close: () =>
        (closing ??= (async () => {
          await app.close();
          await closeInfrastructure(infrastructure);
        })()),
    };
  } catch (error) {
    await closeInfrastructure(infrastructure);
    throw error;
  }
}

/** Builds the Nest application with Baton's HTTP conventions; does not listen. */
export async function createEngineApp(infrastructure: InfrastructureOptions, logger: Logger): Promise<NestExpressApplication> {
  const { config } = infrastructure;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(infrastructure), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (config.security.trustProxy !== false) app.set('trust proxy', config.security.trustProxy);
  app.use(securityHeaders());
  if (config.security.allowedOrigins.length > 0) {
    app.enableCors({
      origin: config.security.allowedOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Accept'],
      exposedHeaders: ['Retry-After', 'WWW-Authenticate'],
      maxAge: 600,
    });
  }
  app.use(crossOriginProtection(config.security.allowedOrigins));
  // JSON only: other bodies are refused (415) by the RequestBodyGuard; deployments take multipart (multer).
  app.useBodyParser('json', { limit: config.maxBodyBytes, type: 'application/json' });
  // The OAuth token endpoint takes form bodies (RFC 6749); only there.
  app.use('/oauth/token', urlencoded({ extended: false, limit: '16kb', type: 'application/x-www-form-urlencoded' }));
  app.use(jsonDepthGuard(config.limits.maxVariableDepth));
  const problems = new ProblemDetailsFilter();
  // Errors raised by Express middleware (cross-origin check, body parsing) never reach Nest's filters: map them here.
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    problems.respond(error, request, response);
  });
  app.useGlobalFilters(problems);
  // Before the AuthGuard (registered as APP_GUARD, which runs after global guards): a forged body is refused unseen.
  app.useGlobalGuards(new RequestBodyGuard(app.get(Reflector)));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new ResponseSizeInterceptor(config.limits.maxResponseBytes));
  setUpOpenApi(app);
  servePortal(app, resolvePath(config.portalDir), logger);
  return app;
}

function setUpOpenApi(app: NestExpressApplication): void {
  declareProblemResponses(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Baton REST API')
      .setDescription(
        'The Camunda 8.8 Orchestration Cluster REST API (/v2) for the part Baton implements, plus Baton additions marked as such. ' +
          'Every /v2 call needs HTTP Basic or a Bearer token (portal sign-in or API token). Errors are RFC 9457 problem+json.',
      )
      .setVersion(batonVersion())
      .addBasicAuth()
      // Baton's tokens are opaque (bts_… portal sign-ins, bat_… API tokens), not JWTs.
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque', description: 'A portal sign-in token (bts_…), an API token (bat_…), an API client\'s access token from POST /oauth/token (bct_…), or, with BATON_OIDC_AUDIENCE set, an access token (JWT) of the OpenID Connect provider.' })
      .addSecurityRequirements('basic')
      .addSecurityRequirements('bearer')
      .build(),
    { extraModels: [ProblemDetailsDto] },
  );
  SwaggerModule.setup('v2/api-docs', app, document, { jsonDocumentUrl: 'v2/api-docs/openapi.json', customSiteTitle: 'Baton REST API' });
}

/** Serves the built portal at `/`, with index.html for client-side routes. */
function servePortal(app: NestExpressApplication, portalDir: string, logger: Logger): void {
  const index = join(portalDir, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ portalDir }, 'Portal not built (run `npm run build`); serving the API only');
    return;
  }
  // Vite names built assets by content hash: they never change, so they may be cached for good.
  app.useStaticAssets(join(portalDir, 'assets'), { prefix: '/assets', index: false, maxAge: '365d', immutable: true });
  app.useStaticAssets(portalDir, { index: false, maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const apiPath = request.path.startsWith('/v2') || request.path.startsWith('/health') || request.path.startsWith('/oauth');
    if (request.method !== 'GET' || apiPath || extname(request.path) !== '') return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}

function resolvePath(path: string): string {
  return isAbsolute(path) ? path : join(projectRoot(), path);
}
