import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsDateString, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

export class AssignUserTaskRequestDto {
  @ApiProperty({ example: 'emma' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  assignee: string;

  @ApiPropertyOptional({ description: 'Replace an existing assignee (admins only; others may only claim unassigned tasks).', default: true, nullable: true, type: Boolean })
  @IsOptional()
  @IsBoolean()
  allowOverride?: boolean | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  action?: string | null;
}

export class CompleteUserTaskRequestDto {
  @ApiPropertyOptional({ type: Object, nullable: true, example: { approved: true } })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown> | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  action?: string | null;
}

/**
 * What to change on a user task (Camunda 8.8's rules): an absent or `null` field stays as it
 * is; an empty string clears a date; an empty list clears candidates.
 */
export class UserTaskChangesetDto {
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String, description: '"" clears it; null or absent keeps it.' })
  @IsOptional()
  @ValidateIf((_, value) => value !== '')
  @IsDateString({ strict: true })
  dueDate?: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String, description: '"" clears it; null or absent keeps it.' })
  @IsOptional()
  @ValidateIf((_, value) => value !== '')
  @IsDateString({ strict: true })
  followUpDate?: string | null;

  @ApiPropertyOptional({ type: [String], nullable: true, description: '[] clears them; null or absent keeps them.' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  candidateUsers?: string[] | null;

  @ApiPropertyOptional({ type: [String], nullable: true, description: '[] clears them; null or absent keeps them.' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  candidateGroups?: string[] | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  priority?: number | null;
}

export class UpdateUserTaskRequestDto {
  @ApiPropertyOptional({ type: UserTaskChangesetDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UserTaskChangesetDto)
  changeset?: UserTaskChangesetDto | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  action?: string | null;
}
