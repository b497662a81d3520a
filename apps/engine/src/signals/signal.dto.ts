import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

/** Body of POST /v2/signals/broadcast (Camunda 8 shape). The name is plain text, never FEEL. */
export class BroadcastSignalRequestDto {
  @ApiProperty({ description: 'The signal name, as in the model (`bpmn:signal name`, or what its FEEL expression gave).', example: 'order-cancelled' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  signalName: string;

  @ApiPropertyOptional({ type: Object, description: 'Variables of the signal: merged into each catching element\'s scope (then its output mappings), or of the instances it starts.', example: { reason: 'customer request' } })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;

  @ApiPropertyOptional({ example: '<default>' })
  @IsOptional()
  @IsString()
  tenantId?: string;
}

export class BroadcastSignalResultDto {
  @ApiProperty({ example: '<default>' }) tenantId: string;
  @ApiProperty({ example: '2251799813685260' }) signalKey: string;
}
