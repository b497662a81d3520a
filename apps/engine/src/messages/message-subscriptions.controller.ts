import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/auth.decorators.js';
import { MessageSubscriptionSearchRequestDto, MessageSubscriptionSearchResultDto } from './message.dto.js';
import { MESSAGE_SUBSCRIPTION_SEARCH, MessageSubscriptionQueryRepository } from './message-subscription-query.repository.js';
import { toMessageSubscriptionDto } from './message-subscription.mapper.js';
import { ApiSearchBody } from '../common/openapi/search-body.decorator.js';

/** The read side of message subscriptions (Camunda 8.8). */
@ApiTags('Message subscriptions')
@Controller('v2/message-subscriptions')
@RequirePermission('instance:read')
export class MessageSubscriptionsController {
  constructor(private readonly subscriptions: MessageSubscriptionQueryRepository) {}

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search message subscriptions of process instances (Camunda 8 shape: filter, sort, page): open (CREATED), CORRELATED or DELETED.' })
  @ApiOkResponse({ type: MessageSubscriptionSearchResultDto })
  @ApiSearchBody(MESSAGE_SUBSCRIPTION_SEARCH, { filter: { messageSubscriptionState: 'CREATED', messageName: 'payment-received' }, sort: [{ field: 'lastUpdatedDate', order: 'DESC' }], page: { limit: 20 } })
  async search(@Body() body: MessageSubscriptionSearchRequestDto): Promise<MessageSubscriptionSearchResultDto> {
    const { rows, page } = await this.subscriptions.search(body);
    return { items: rows.map(toMessageSubscriptionDto), page };
  }
}
