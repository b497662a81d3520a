import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { OperationReferenceDto } from '../common/operation-reference.dto.js';
import { KeyParam } from '../common/key-param.pipe.js';
import { CreateProcessInstanceRequestDto, CreateProcessInstanceResultDto } from './dto/create-process-instance.dto.js';
import { CancelProcessInstanceUseCase } from './usecases/cancel-process-instance.usecase.js';
import { CreateProcessInstanceUseCase } from './usecases/create-process-instance.usecase.js';
import { ApiProblemResponse } from '../common/openapi/problem-responses.js';

/** Starting and cancelling process instances. */
@ApiTags('Process instances')
@Controller('v2/process-instances')
export class ProcessInstanceCommandsController {
  constructor(
    private readonly createInstance: CreateProcessInstanceUseCase,
    private readonly cancelInstance: CancelProcessInstanceUseCase,
  ) {}

  @Post()
  @ApiProblemResponse(404, 'No process definition with that id (and version) or key (PROCESS_DEFINITION.NOT_FOUND).')
  @ApiProblemResponse(409, 'An active instance of the process has the businessId (with its processInstanceKey), or with awaitCompletion the instance was canceled before it completed.')
  @ApiProblemResponse(504, 'With awaitCompletion: the instance did not complete within requestTimeout (it goes on running).')
  @HttpCode(200)
  @RequirePermission('instance:start')
  @ApiOperation({
    summary: 'Start a process instance (Camunda 8 shape).',
    description: 'By processDefinitionId (+ version) or processDefinitionKey. Optional businessId (409 while an active instance has it). With awaitCompletion, answers once completed, or 504.',
  })
  @ApiOkResponse({ type: CreateProcessInstanceResultDto })
  create(@Body() body: CreateProcessInstanceRequestDto, @CurrentPrincipal() principal: Principal): Promise<CreateProcessInstanceResultDto> {
    return this.createInstance.execute(body, principal);
  }

  @Post(':processInstanceKey/cancellation')
  @ApiProblemResponse(409, 'The instance was started by a call activity: cancel its root instance (PROCESS_INSTANCE.IS_CALLED).')
  @HttpCode(204)
  @RequirePermission('instance:manage')
  @ApiOperation({ summary: 'Cancel a process instance: everything active in it is terminated.' })
  @ApiNoContentResponse()
  cancel(@Param('processInstanceKey', KeyParam) key: string, @Body() _body: OperationReferenceDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.cancelInstance.execute(key, principal);
  }
}
