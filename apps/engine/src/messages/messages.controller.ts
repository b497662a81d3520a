import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { CorrelateMessageRequestDto, CorrelateMessageResultDto, PublishMessageRequestDto, PublishMessageResultDto } from './message.dto.js';
import { MessageStartUseCase } from './message-start.usecase.js';

/** Messages from other systems (Camunda 8 shapes): they start instances at message start events. */
@ApiTags('Messages')
@Controller('v2/messages')
export class MessagesController {
  constructor(private readonly messages: MessageStartUseCase) {}

  @Post('publication')
  @HttpCode(200)
  @RequirePermission('instance:start')
  @ApiOperation({
    summary: 'Publish a message: starts an instance of every process whose latest version has a message start event for it.',
    description: 'The correlation key becomes the business id of the started instances; while such an instance is active, the same key does not start that process again. A message that starts nothing is discarded (no buffering yet).',
  })
  @ApiOkResponse({ type: PublishMessageResultDto })
  async publish(@Body() body: PublishMessageRequestDto, @CurrentPrincipal() principal: Principal): Promise<PublishMessageResultDto> {
    const outcome = await this.messages.publish(body, principal);
    return { messageKey: outcome.messageKey, tenantId: outcome.tenantId };
  }

  @Post('correlation')
  @HttpCode(200)
  @RequirePermission('instance:start')
  @ApiOperation({ summary: 'Correlate a message and answer with the instance that received it (404 when none could).' })
  @ApiOkResponse({ type: CorrelateMessageResultDto })
  async correlate(@Body() body: CorrelateMessageRequestDto, @CurrentPrincipal() principal: Principal): Promise<CorrelateMessageResultDto> {
    const outcome = await this.messages.correlate(body, principal);
    return { tenantId: outcome.tenantId, messageKey: outcome.messageKey, processInstanceKey: outcome.processInstanceKey };
  }
}
