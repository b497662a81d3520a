import { Body, Controller, HttpCode, Inject, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { RequirePermission } from '../auth/auth.decorators.js';
import { ForbiddenError } from '../common/errors/index.js';
import { Int64 } from '../common/int64.js';
import { CLOCK, ControllableClock, type Clock } from '../infrastructure/clock.js';
import { ApiProblemResponse } from '../common/openapi/problem-responses.js';

export class ClockPinRequestDto {
  @ApiProperty({ description: 'The instant to pin the clock to, in epoch milliseconds.', example: 1767225600000 })
  @Int64()
  timestamp: number;
}

/**
 * Camunda's clock control (`PUT /v2/clock`, `POST /v2/clock/reset`): pin the engine's clock to
 * test timers without waiting. Off unless BATON_CLOCK_CONTROL=true; admins only; this replica only.
 */
@ApiTags('Clock')
@Controller('v2/clock')
@RequirePermission('identity:manage')
export class ClockController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  @Put()
  @ApiProblemResponse(403, 'Clock control is off (BATON_CLOCK_CONTROL), or the caller is not an admin.')
  @HttpCode(204)
  @ApiOperation({ summary: 'Pin the engine clock to an instant (testing; needs BATON_CLOCK_CONTROL=true).' })
  @ApiNoContentResponse()
  pin(@Body() body: ClockPinRequestDto): void {
    this.controllable().pin(body.timestamp);
  }

  @Post('reset')
  @ApiProblemResponse(403, 'Clock control is off (BATON_CLOCK_CONTROL), or the caller is not an admin.')
  @HttpCode(204)
  @ApiOperation({ summary: 'Let the engine clock run with the system clock again.' })
  @ApiNoContentResponse()
  reset(): void {
    this.controllable().reset();
  }

  private controllable(): ControllableClock {
    if (!this.config.clockControl || !(this.clock instanceof ControllableClock)) {
      throw new ForbiddenError('CLOCK.CONTROL_DISABLED', 'Clock control is off: start the engine with BATON_CLOCK_CONTROL=true to pin its clock');
    }
    return this.clock;
  }
}
