import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { Int64 } from '../common/int64.js';

/** Body of POST /v2/messages/correlation (Camunda 8 shape); publication adds buffering fields. */
export class CorrelateMessageRequestDto {
  @ApiProperty({ description: 'The message name, as in the model (`bpmn:message name`).', example: 'order-received' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name: string;

  @ApiPropertyOptional({
    description: 'The correlation key. An instance started by a message gets it as its business id: while that instance is active, another message with the same key does not start a second one.',
    example: 'order-4711',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  correlationKey?: string;

  @ApiPropertyOptional({ type: Object, description: 'Variables of the instances the message starts.', example: { orderId: 'order-4711' } })
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
  @ApiPropertyOptional({ description: 'Milliseconds to buffer the message (accepted; Baton does not buffer messages yet: one that starts nothing is discarded).', default: 0 })
  @IsOptional()
  @Int64()
  @Min(0)
  timeToLive?: number;

  @ApiPropertyOptional({ description: 'Accepted for compatibility (deduplication of buffered messages, which Baton does not buffer yet).' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  messageId?: string;
}

export class PublishMessageResultDto {
  @ApiProperty({ example: '2251799813685260' }) messageKey: string;
  @ApiProperty({ example: '<default>' }) tenantId: string;
}

export class CorrelateMessageResultDto {
  @ApiProperty({ example: '<default>' }) tenantId: string;
  @ApiProperty({ example: '2251799813685260' }) messageKey: string;
  @ApiProperty({ example: '2251799813685263', description: 'The instance the message was correlated to (here: started).' }) processInstanceKey: string;
}
