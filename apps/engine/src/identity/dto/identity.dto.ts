import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { SearchPageResponseDto, SearchRequestDto } from '../../common/search/search-request.dto.js';
import { PERMISSION_NAMES } from '../../auth/permissions.js';

/** Camunda's user names: letters, digits and `_ @ . + -` (Baton stores at most 128 characters, Camunda 256). */
export const USERNAME_PATTERN = /^[A-Za-z0-9_@.+-]+$/;
/** Camunda's group and role ids: letters, digits and `_ ~ @ . + -`. */
export const ID_PATTERN = /^[A-Za-z0-9_~@.+-]+$/;

// --- users ---------------------------------------------------------------------------------------

/** Body of POST /v2/users (Camunda's UserRequest). */
export class CreateUserRequestDto {
  @ApiProperty({ example: 'jane', description: 'Letters, digits and _ @ . + - (at most 128).' })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'username must consist of letters, digits and _ @ . + -' })
  @MaxLength(128)
  username: string;

  @ApiProperty({ format: 'password', description: 'At least BATON_PASSWORD_MIN_LENGTH characters (default 12).' })
  @IsString()
  @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({ example: 'Jane Doe' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ example: 'jane@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(255)
  email?: string;
}

/** Body of PUT /v2/users/{username} (Camunda's UserUpdateRequest, plus Baton's `enabled`). */
export class UpdateUserRequestDto {
  @ApiPropertyOptional({ format: 'password', description: 'A new password (an admin resetting it: the user\'s portal sign-ins end). Blank or absent: unchanged.' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ description: 'An email address; "" clears it.' })
  @IsOptional()
  @ValidateIf((_, value) => value !== '')
  @IsEmail()
  @MaxLength(255)
  email?: string;

  @ApiPropertyOptional({ description: 'Baton extension: false disables the user (no sign-in; their sessions end and their API tokens stop working), true enables them again.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

/** A user (Camunda's UserResult, plus Baton's `enabled`). No password, ever. */
export class UserDto {
  @ApiProperty() username: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ description: 'Absent when the user has none.' }) email?: string;
  @ApiProperty({ description: 'Baton extension: false for a disabled user.' }) enabled: boolean;
}

/** Body of POST /v2/users/search: filter by `username`, `name`, `email`, `enabled`; sort by `username`, `name`, `email`. */
export class UserSearchRequestDto extends SearchRequestDto {}

export class UserSearchResultDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
  @ApiProperty({ type: SearchPageResponseDto }) page: SearchPageResponseDto;
}

/** Body of PUT /v2/authentication/me/password (Baton addition). */
export class ChangeOwnPasswordRequestDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({ format: 'password', description: 'At least BATON_PASSWORD_MIN_LENGTH characters (default 12).' })
  @IsString()
  @MaxLength(1024)
  newPassword: string;
}

// --- groups --------------------------------------------------------------------------------------

/** Body of POST /v2/groups (Camunda's GroupCreateRequest). */
export class CreateGroupRequestDto {
  @ApiProperty({ example: 'sales' })
  @IsString()
  @Matches(ID_PATTERN, { message: 'groupId must consist of letters, digits and _ ~ @ . + -' })
  @MaxLength(128)
  groupId: string;

  @ApiProperty({ example: 'Sales' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  description?: string;
}

/** Body of PUT /v2/groups/{groupId} (Camunda's GroupUpdateRequest: both members required). */
export class UpdateGroupRequestDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name: string;

  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  description: string;
}

export class GroupDto {
  @ApiProperty() groupId: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional() description?: string;
}

/** Body of POST /v2/groups/search: filter and sort by `groupId`, `name`. */
export class GroupSearchRequestDto extends SearchRequestDto {}

export class GroupSearchResultDto {
  @ApiProperty({ type: [GroupDto] }) items: GroupDto[];
  @ApiProperty({ type: SearchPageResponseDto }) page: SearchPageResponseDto;
}

export class UsernameItemDto {
  @ApiProperty() username: string;
}

export class UsernameSearchResultDto {
  @ApiProperty({ type: [UsernameItemDto] }) items: UsernameItemDto[];
  @ApiProperty({ type: SearchPageResponseDto }) page: SearchPageResponseDto;
}

export class GroupIdItemDto {
  @ApiProperty() groupId: string;
}

export class GroupIdSearchResultDto {
  @ApiProperty({ type: [GroupIdItemDto] }) items: GroupIdItemDto[];
  @ApiProperty({ type: SearchPageResponseDto }) page: SearchPageResponseDto;
}

// --- roles ---------------------------------------------------------------------------------------

const PERMISSIONS_DESCRIPTION = `Baton extension: what a custom role may do, from ${PERMISSION_NAMES.join(', ')} (docs/security.md). A role without permissions grants nothing. Built-in roles' permissions are fixed.`;

/** Body of POST /v2/roles (Camunda's RoleCreateRequest, plus Baton's `permissions`). */
export class CreateRoleRequestDto {
  @ApiProperty({ example: 'auditor' })
  @IsString()
  @Matches(ID_PATTERN, { message: 'roleId must consist of letters, digits and _ ~ @ . + -' })
  @MaxLength(128)
  roleId: string;

  @ApiProperty({ example: 'Auditor' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  description?: string;

  @ApiPropertyOptional({ type: [String], enum: PERMISSION_NAMES, description: PERMISSIONS_DESCRIPTION })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(PERMISSION_NAMES, { each: true, message: `each value in permissions must be one of: ${PERMISSION_NAMES.join(', ')}` })
  permissions?: string[];
}

/** Body of PUT /v2/roles/{roleId} (Camunda's RoleUpdateRequest: name and description required; plus Baton's `permissions`). */
export class UpdateRoleRequestDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name: string;

  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  description: string;

  @ApiPropertyOptional({ type: [String], enum: PERMISSION_NAMES, description: `${PERMISSIONS_DESCRIPTION} Absent: unchanged.` })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(PERMISSION_NAMES, { each: true, message: `each value in permissions must be one of: ${PERMISSION_NAMES.join(', ')}` })
  permissions?: string[];
}

/** A role (Camunda's RoleResult, plus Baton's `permissions` and `builtIn`). */
export class RoleDto {
  @ApiProperty() roleId: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ type: [String], description: 'Baton extension: what the role grants (for a built-in role, its column of the permission table). Empty: it grants nothing.' })
  permissions: string[];
  @ApiProperty({ description: 'Baton extension: one of admin, analyst, employee, worker; cannot be deleted.' }) builtIn: boolean;
}

/** Body of POST /v2/roles/search: filter and sort by `roleId`, `name`. */
export class RoleSearchRequestDto extends SearchRequestDto {}

export class RoleSearchResultDto {
  @ApiProperty({ type: [RoleDto] }) items: RoleDto[];
  @ApiProperty({ type: SearchPageResponseDto }) page: SearchPageResponseDto;
}
