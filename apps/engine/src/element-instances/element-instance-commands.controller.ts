import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { KeyParam } from '../common/key-param.pipe.js';
import { SetVariablesRequestDto } from './dto/set-variables.dto.js';
import { SetVariablesUseCase } from './usecases/set-variables.usecase.js';
import { ApiProblemResponse } from '../common/openapi/problem-responses.js';

@ApiTags('Element instances')
@Controller('v2/element-instances')
export class ElementInstanceCommandsController {
  constructor(private readonly setVariables: SetVariablesUseCase) {}

  @Put(':elementInstanceKey/variables')
  @ApiProblemResponse(409, 'The element instance is no longer active (ELEMENT_INSTANCE.NOT_ACTIVE).')
  @HttpCode(204)
  @RequirePermission('instance:manage')
  @ApiOperation({ summary: 'Set variables in the scope of an element instance (or process instance); local, or propagating.' })
  @ApiNoContentResponse()
  set(@Param('elementInstanceKey', KeyParam) key: string, @Body() body: SetVariablesRequestDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.setVariables.execute(key, body.variables, body.local ?? false, principal);
  }
}
