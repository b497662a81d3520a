import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { CorrelateMessageRequestDto, CorrelateMessageResultDto, PublishMessageRequestDto, PublishMessageResultDto } from './message.dto.js';
import { CorrelateMessageUseCase } from './usecases/correlate-message.usecase.js';
import { PublishMessageUseCase } from './usecases/publish-message.usecase.js';
import { ApiProblemResponse } from '../common/openapi/problem-responses.js';

/** Messages from other systems (Camunda 8 shapes): they reach waiting instances and start processes at message start events. */
@ApiTags('Messages')
@Controller('v2/messages')
export class MessagesController {
  constructor(
    private readonly publication: PublishMessageUseCase,
    private readonly correlation: CorrelateMessageUseCase,
  ) {}

  @Post('publication')
  @ApiProblemResponse(409, 'A buffered message with the same name and correlation key has this messageId (MESSAGE.ALREADY_EXISTS).')
  @HttpCode(200)
  @RequirePermission('message:publish')
  @ApiOperation({
    summary: 'Publish a message: it reaches the instances waiting for it (once per process), starts processes with a message start event for it, and is buffered for timeToLive ms.',
    description:
      'A message reaches every process with an instance waiting for its name and correlation key once (the oldest waiting instance), asynchronously right after the answer. With timeToLive > 0 it is buffered: a subscription that opens before it expires still gets it. A messageId is unique among the buffered messages with the same name and key (409 MESSAGE.ALREADY_EXISTS). The correlation key becomes the business id of started instances; while such an instance is active, the same key does not start that process again.',
  })
  @ApiOkResponse({ type: PublishMessageResultDto })
  publish(@Body() body: PublishMessageRequestDto, @CurrentPrincipal() principal: Principal): Promise<PublishMessageResultDto> {
    return this.publication.execute(body, principal);
  }

  @Post('correlation')
  @ApiProblemResponse(404, 'No instance waits for the message and no process starts by it (MESSAGE.NO_SUBSCRIPTION).')
  @ApiProblemResponse(409, 'An instance started with this correlation key still runs (MESSAGE.NOT_CORRELATED).')
  @HttpCode(200)
  @RequirePermission('message:publish')
  @ApiOperation({
    summary: 'Correlate a message at once to one waiting instance (or start a process by it) and answer with that instance; 404 when nothing waits for it. Not buffered.',
  })
  @ApiOkResponse({ type: CorrelateMessageResultDto })
  correlate(@Body() body: CorrelateMessageRequestDto, @CurrentPrincipal() principal: Principal): Promise<CorrelateMessageResultDto> {
    return this.correlation.execute(body, principal);
  }
}
