import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { KeyParam } from '../common/key-param.pipe.js';
import { OperationReferenceDto } from '../common/operation-reference.dto.js';
import { ResolveIncidentUseCase } from './usecases/resolve-incident.usecase.js';
import { ApiProblemResponse } from '../common/openapi/problem-responses.js';

@ApiTags('Incidents')
@Controller('v2/incidents')
export class IncidentCommandsController {
  constructor(private readonly resolveIncident: ResolveIncidentUseCase) {}

  @Post(':incidentKey/resolution')
  @ApiProblemResponse(409, 'The incident is resolved already, or its job has no retries (INCIDENT.NOT_ACTIVE, INCIDENT.JOB_HAS_NO_RETRIES).')
  @HttpCode(204)
  @RequirePermission('instance:manage')
  @ApiOperation({ summary: 'Resolve an incident: what failed (activation or completion of the element) is tried again.' })
  @ApiNoContentResponse()
  resolve(@Param('incidentKey', KeyParam) key: string, @Body() _body: OperationReferenceDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.resolveIncident.execute(key, principal);
  }
}
