import { Body, Controller, HttpCode, Post, Req, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, RequirePermission } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { InvalidArgumentError } from '../common/errors/index.js';
import { AcceptsBody } from '../http/accepts-body.decorator.js';
import { DeploymentResultDto, DeploymentValidationDto } from './dto/deployment.dto.js';
import { CreateDeploymentUseCase } from './usecases/create-deployment.usecase.js';

@ApiTags('Deployments')
@Controller('v2/deployments')
export class DeploymentsController {
  constructor(private readonly createDeployment: CreateDeploymentUseCase) {}

  @Post()
  @HttpCode(200)
  @RequirePermission('deployment:create')
  @UseInterceptors(AnyFilesInterceptor())
  @ApiOperation({
    summary: 'Deploy BPMN processes and forms (Camunda 8 shape)',
    description:
      'Multipart parts named `resources` (.bpmn, .bpmn20.xml, .form). All or nothing: any problem in any resource refuses the deployment, ' +
      'listing every problem. A resource identical to the latest version of its process/form id creates no new version.',
  })
  @AcceptsBody('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['resources'],
      properties: {
        resources: { type: 'array', items: { type: 'string', format: 'binary' } },
        tenantId: { type: 'string', description: 'Only `<default>` is supported.' },
      },
    },
  })
  @ApiOkResponse({ type: DeploymentResultDto })
  async create(
    @UploadedFiles() files: Express.Multer.File[] | undefined,
    @Body() body: Record<string, unknown> | undefined,
    @Req() request: Request,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeploymentResultDto> {
    if (!request.is('multipart/form-data')) {
      throw new InvalidArgumentError('DEPLOYMENT.NOT_MULTIPART', `Expected a multipart/form-data body with parts named 'resources' but got ${request.headers['content-type'] ?? 'no content type'}`);
    }
    const misnamed = (files ?? []).filter((f) => f.fieldname !== 'resources');
    if (misnamed.length > 0) {
      throw new InvalidArgumentError('DEPLOYMENT.UNKNOWN_PART', `Expected file parts named 'resources' but got '${misnamed.map((f) => f.fieldname).join("', '")}'`);
    }
    const tenantId = typeof body?.tenantId === 'string' && body.tenantId !== '' ? body.tenantId : undefined;
    if (tenantId !== undefined && tenantId !== '<default>') {
      throw new InvalidArgumentError('DEPLOYMENT.UNKNOWN_TENANT', `Baton has one tenant, '<default>', but the deployment names '${tenantId}'`);
    }
    return this.createDeployment.execute(
      (files ?? []).map((f) => ({ name: decodeFileName(f.originalname), content: f.buffer })),
      { tenantId, deployedBy: principal.username },
    );
  }

  @Post('validation')
  @HttpCode(200)
  @RequirePermission('deployment:create')
  @UseInterceptors(AnyFilesInterceptor())
  @ApiOperation({
    summary: 'Check resources as a deployment would, deploying nothing (Baton only)',
    description:
      'Baton addition, not in Camunda 8: the same multipart body as `POST /v2/deployments`. Answers 200 with every problem that would refuse the ' +
      'deployment (empty when it would deploy) and the warnings; nothing is stored. The modeler calls it while the analyst models.',
  })
  @AcceptsBody('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['resources'],
      properties: { resources: { type: 'array', items: { type: 'string', format: 'binary' } } },
    },
  })
  @ApiOkResponse({ type: DeploymentValidationDto })
  async validate(@UploadedFiles() files: Express.Multer.File[] | undefined): Promise<DeploymentValidationDto> {
    const misnamed = (files ?? []).filter((f) => f.fieldname !== 'resources');
    if (misnamed.length > 0) {
      throw new InvalidArgumentError('DEPLOYMENT.UNKNOWN_PART', `Expected file parts named 'resources' but got '${misnamed.map((f) => f.fieldname).join("', '")}'`);
    }
    return this.createDeployment.validate((files ?? []).map((f) => ({ name: decodeFileName(f.originalname), content: f.buffer })));
  }
}

/** Multer decodes the filename as latin1; browsers and curl send UTF-8. */
function decodeFileName(name: string): string {
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? name : utf8;
}
