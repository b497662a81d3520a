import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { BroadcastSignalRequestDto, BroadcastSignalResultDto } from './signal.dto.js';
import { BroadcastSignalUseCase } from './usecases/broadcast-signal.usecase.js';

/** Signals (Camunda 8 shape): broadcast to every waiting instance and signal start event. */
@ApiTags('Signals')
@Controller('v2/signals')
export class SignalsController {
  constructor(private readonly broadcast: BroadcastSignalUseCase) {}

  @Post('broadcast')
  @HttpCode(200)
  @RequirePermission('message:publish')
  @ApiOperation({
    summary: 'Broadcast a signal: starts every process with a signal start event for it, and wakes every instance waiting for it.',
    description: 'The starts happen before the answer; waiting instances are woken right after it, in batches. A signal nothing waits for is accepted and wakes nothing.',
  })
  @ApiOkResponse({ type: BroadcastSignalResultDto })
  broadcastSignal(@Body() body: BroadcastSignalRequestDto, @CurrentPrincipal() principal: Principal): Promise<BroadcastSignalResultDto> {
    return this.broadcast.execute(body, principal);
  }
}
