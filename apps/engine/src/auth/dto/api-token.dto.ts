import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { SearchPageResponseDto, SearchRequestDto } from '../../common/search/search-request.dto.js';

export class CreateApiTokenRequestDto {
  @ApiProperty({ example: 'billing-system', description: 'What the token is for.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name: string;

  @ApiPropertyOptional({ example: 'demo', description: 'The user the token acts as (its roles and groups apply). Default: the caller.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  username?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the token stops working. Default: never.' })
  @IsOptional()
  @IsDateString({ strict: true })
  expiresAt?: string;
}

export class ApiTokenDto {
  @ApiProperty({ example: '2251799813685249' }) apiTokenKey: string;
  @ApiProperty() name: string;
  @ApiProperty() username: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;
}

export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({ description: 'The secret. Shown only in this response; Baton stores only its hash.' }) token: string;
}

/**
 * Body of POST /v2/api-tokens/search: filter by `apiTokenKey`, `name`, `username`, `createdBy`,
 * `createdAt`, `expiresAt`, `lastUsedAt`, `revokedAt` (`{"$exists": false}`: not revoked); sort by
 * the same fields (default: newest first); pages by offset or cursor.
 */
export class ApiTokenSearchRequestDto extends SearchRequestDto {}

export class ApiTokenSearchResultDto {
  @ApiProperty({ type: [ApiTokenDto] }) items: ApiTokenDto[];
  @ApiProperty({ type: SearchPageResponseDto }) page: SearchPageResponseDto;
}
