import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { KeyParam } from '../common/key-param.pipe.js';
import { ActivateAdHocActivitiesRequestDto } from './dto/activate-ad-hoc-activities.dto.js';
import { ActivateAdHocActivitiesUseCase } from './usecases/activate-ad-hoc-activities.usecase.js';
import { ApiProblemResponse } from '../common/openapi/problem-responses.js';

@ApiTags('Element instances')
@Controller('v2/element-instances/ad-hoc-activities')
export class AdHocActivitiesController {
  constructor(private readonly activate: ActivateAdHocActivitiesUseCase) {}

  @Post(':adHocSubProcessInstanceKey/activation')
  @ApiProblemResponse(409, 'The ad-hoc subprocess does not wait (AD_HOC_SUB_PROCESS.NOT_ACTIVE).')
  @HttpCode(204)
  @RequirePermission('instance:manage')
  @ApiOperation({ summary: 'Activate inner elements of an ad-hoc subprocess instance (each in an inner instance with its variables).' })
  @ApiNoContentResponse()
  activation(@Param('adHocSubProcessInstanceKey', KeyParam) key: string, @Body() body: ActivateAdHocActivitiesRequestDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.activate.execute(key, body, principal);
  }
}
