import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Int64 } from '../common/int64.js';
import { SearchPageResponseDto, SearchRequestDto } from '../common/search/search-request.dto.js';

/**
 * The longest time to live a message may be buffered for: 365 days, in milliseconds. Camunda sets
 * none; Baton refuses more (400) rather than keep a message for ever or past what a date column holds.
 */
export const MAX_TIME_TO_LIVE_MS = 365 * 24 * 3600 * 1000;

/** The longest message name, correlation key and message id: what a subscription holds (Camunda with relational storage: 256). */
export const MAX_MESSAGE_TEXT_LENGTH = 256;

/**
 * Body of POST /v2/messages/correlation (Camunda 8 shape); publication adds buffering fields.
 * Names and keys are plain text, never FEEL: a leading `=` is part of the value.
 */
export class CorrelateMessageRequestDto {
  @ApiProperty({ description: 'The message name, as in the model (`bpmn:message name`, or what its FEEL expression gave).', example: 'payment-received' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_MESSAGE_TEXT_LENGTH)
  name: string;

  @ApiPropertyOptional({
    description:
      'The correlation key: a subscription gets the message when its key (the `zeebe:subscription correlationKey` expression, evaluated when it opened) equals this. An instance started by a message gets it as its business id: while that instance is active, another message with the same key does not start a second one.',
    example: 'order-4711',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_MESSAGE_TEXT_LENGTH)
  correlationKey?: string;

  @ApiPropertyOptional({ type: Object, description: 'Variables of the message, merged into the catching element\'s scope (then its output mappings), or of the instances it starts.', example: { amount: 99.5 } })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;

  @ApiPropertyOptional({ example: '<default>' })
  @IsOptional()
  @IsString()
  tenantId?: string;
}

/** Body of POST /v2/messages/publication (Camunda 8 shape). */
export class PublishMessageRequestDto extends CorrelateMessageRequestDto {
  @ApiPropertyOptional({
    description: `Milliseconds to buffer the message: a subscription that opens within this time still gets it (once per process). 0: not buffered. At most ${MAX_TIME_TO_LIVE_MS} (365 days).`,
    default: 0,
    maximum: MAX_TIME_TO_LIVE_MS,
  })
  @IsOptional()
  @Int64()
  @Min(0)
  @Max(MAX_TIME_TO_LIVE_MS)
  timeToLive?: number;

  @ApiPropertyOptional({ description: 'Unique among the buffered messages with the same name and correlation key while they live: a second publication is refused with 409 MESSAGE.ALREADY_EXISTS.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_MESSAGE_TEXT_LENGTH)
  messageId?: string;
}

export class PublishMessageResultDto {
  @ApiProperty({ example: '2251799813685260' }) messageKey: string;
  @ApiProperty({ example: '<default>' }) tenantId: string;
}

export class CorrelateMessageResultDto {
  @ApiProperty({ example: '<default>' }) tenantId: string;
  @ApiProperty({ example: '2251799813685260' }) messageKey: string;
  @ApiProperty({ example: '2251799813685263', description: 'The instance the message was correlated to (or started).' }) processInstanceKey: string;
}

/** A message subscription (Camunda 8.8 shape). */
export class MessageSubscriptionDto {
  @ApiProperty({ example: '2251799813685270' }) messageSubscriptionKey: string;
  @ApiProperty({ example: 'order-process' }) processDefinitionId: string;
  @ApiProperty({ example: '2251799813685249' }) processDefinitionKey: string;
  @ApiProperty({ example: '2251799813685251' }) processInstanceKey: string;
  @ApiProperty({ example: 'wait-for-payment', description: 'The catching element: catch event, receive task, boundary event or event subprocess start event.' }) elementId: string;
  @ApiProperty({ example: '2251799813685260', description: 'The element instance that waits (the catch event or receive task; the activity of a boundary event; the event-based gateway; the scope of an event subprocess).' })
  elementInstanceKey: string;
  @ApiProperty({ enum: ['CREATED', 'CORRELATED', 'DELETED'], description: 'CREATED while open; CORRELATED when a message closed it; DELETED when it closed otherwise.' }) messageSubscriptionState: string;
  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' }) lastUpdatedDate: string;
  @ApiProperty({ example: 'payment-received' }) messageName: string;
  @ApiProperty({ example: 'order-4711' }) correlationKey: string;
  @ApiProperty({ example: '<default>' }) tenantId: string;
}

export class MessageSubscriptionSearchRequestDto extends SearchRequestDto {}

export class MessageSubscriptionSearchResultDto {
  @ApiProperty({ type: [MessageSubscriptionDto] }) items: MessageSubscriptionDto[];
  @ApiProperty({ type: SearchPageResponseDto }) page: SearchPageResponseDto;
}
