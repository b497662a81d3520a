import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { SearchPageResponseDto, SearchRequestDto } from '../../common/search/search-request.dto.js';

export class CreateApiClientRequestDto {
  @ApiProperty({ example: 'Billing system', description: 'What the client is for.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name: string;

  @ApiPropertyOptional({
    example: 'billing-system',
    description: 'The `client_id` the system sends to `POST /oauth/token`: 3-64 letters, digits, `.`, `_`, `-`. Default: made from the name.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'clientId must be 3-64 letters, digits, dots, underscores or hyphens' })
  clientId?: string;

  @ApiPropertyOptional({ example: 'worker', description: 'The user the client acts as (its roles and groups apply at each request). Default: the caller.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  username?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the client stops getting tokens (tokens it got end then too). Default: never.' })
  @IsOptional()
  @IsDateString({ strict: true })
  expiresAt?: string;
}

export class ApiClientDto {
  @ApiProperty({ example: '2251799813685249' }) apiClientKey: string;
  @ApiProperty({ example: 'billing-system' }) clientId: string;
  @ApiProperty() name: string;
  @ApiProperty() username: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the client last obtained a token.' }) lastUsedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;
}

export class CreatedApiClientDto extends ApiClientDto {
  @ApiProperty({ description: 'The client secret. Shown only in this response; Baton stores only its hash.' }) clientSecret: string;
}

/** Body of POST /v2/api-clients/search: filter and sort by every field of {@link ApiClientDto}; newest first by default. */
export class ApiClientSearchRequestDto extends SearchRequestDto {}

export class ApiClientSearchResultDto {
  @ApiProperty({ type: [ApiClientDto] }) items: ApiClientDto[];
  @ApiProperty({ type: SearchPageResponseDto }) page: SearchPageResponseDto;
}
