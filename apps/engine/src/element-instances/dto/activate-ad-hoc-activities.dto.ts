import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

/** One element to activate in an ad-hoc subprocess (Camunda 8.8's AdHocSubProcessActivateActivityReference). */
export class AdHocActivityReferenceDto {
  @ApiProperty({ description: 'Id of an inner element of the ad-hoc subprocess without incoming flows.', example: 'search' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  elementId: string;

  @ApiPropertyOptional({ type: Object, description: 'Local variables of the inner instance the element runs in.', example: { query: 'loan rates' } })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}

/** Body of POST /v2/element-instances/ad-hoc-activities/{adHocSubProcessInstanceKey}/activation (Camunda 8.8 shape). */
export class ActivateAdHocActivitiesRequestDto {
  @ApiProperty({ type: [AdHocActivityReferenceDto], description: 'Activities to activate.' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AdHocActivityReferenceDto)
  elements: AdHocActivityReferenceDto[];

  @ApiPropertyOptional({ description: 'Terminate the inner instances active until now before activating these.', default: false })
  @IsOptional()
  @IsBoolean()
  cancelRemainingInstances?: boolean;
}
