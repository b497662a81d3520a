import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What one waiting element of an instance waits for: an open subscription or an active timer. */
export class InstanceWaitDto {
  @ApiProperty({ example: '2251799813685260', description: 'The element instance that waits: the catch event or receive task; the activity of a boundary event; the event-based gateway; the scope (process or subprocess) of an event subprocess.' })
  elementInstanceKey: string;

  @ApiProperty({ example: 'review-order', description: 'The element id of that element instance.' })
  elementId: string;

  @ApiProperty({ example: 'order-cancelled', description: 'The catching element: boundary event, catch event, receive task, or event subprocess start event.' })
  catchElementId: string;

  @ApiProperty({ enum: ['message', 'signal', 'timer', 'conditional'] })
  kind: 'message' | 'signal' | 'timer' | 'conditional';

  @ApiProperty({ description: 'Whether triggering it interrupts the element (or, for an event subprocess, its scope).' })
  interrupting: boolean;

  @ApiPropertyOptional({ example: 'payment-received', description: 'A message wait: the message name (evaluated when the subscription opened).' })
  messageName?: string;

  @ApiPropertyOptional({ example: 'order-4711', description: 'A message wait: the correlation key (evaluated when the subscription opened).' })
  correlationKey?: string;

  @ApiPropertyOptional({ example: 'order-cancelled', description: 'A signal wait: the signal name.' })
  signalName?: string;

  @ApiPropertyOptional({ example: '2026-03-01T10:00:00.000Z', description: 'A timer: when it is due (engine clock).' })
  dueDate?: string;

  @ApiPropertyOptional({ example: 'R3/PT10M', description: 'A timer with a time cycle: the cycle (ISO 8601 repeating interval or cron).' })
  cycle?: string;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 2, description: 'A timer with a time cycle: how many times it fires from this one on; null without end.' })
  repetitionsLeft?: number | null;

  @ApiPropertyOptional({ example: 'amount > 1000', description: 'A conditional wait: the FEEL condition (without the leading `=`).' })
  condition?: string;
}

/** GET /v2/process-instances/{key}/waits (a Baton addition). */
export class InstanceWaitsDto {
  @ApiProperty({ type: [InstanceWaitDto] }) items: InstanceWaitDto[];
}
