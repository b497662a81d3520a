import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiProperty, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponse } from '../common/openapi/problem-responses.js';
import { CurrentPrincipal, RequirePermission } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { CreateUserRequestDto, UpdateUserRequestDto, UserDto, UserSearchRequestDto, UserSearchResultDto } from './dto/identity.dto.js';
import { ManageUsersUseCase } from './usecases/manage-users.usecase.js';
import { USER_SEARCH } from '../auth/identity.repository.js';
import { ApiSearchBody } from '../common/openapi/search-body.decorator.js';

class UserMembershipsDto {
  @ApiProperty({ type: [String], description: 'Group ids the user is a member of.' }) groups: string[];
  @ApiProperty({ type: [String], description: 'Role ids given to the user directly (not through groups).' }) roles: string[];
}

@ApiTags('User')
@Controller('v2/users')
@RequirePermission('identity:manage')
export class UsersController {
  constructor(private readonly users: ManageUsersUseCase) {}

  @Post()
  @ApiOperation({ summary: 'Create a user with a password (at least BATON_PASSWORD_MIN_LENGTH characters).' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblemResponse(400, 'Invalid body (REQUEST.INVALID_BODY) or a password too short (PASSWORD.TOO_SHORT).')
  @ApiProblemResponse(409, 'The username is taken (USER.ALREADY_EXISTS).')
  create(@Body() body: CreateUserRequestDto): Promise<UserDto> {
    return this.users.create(body);
  }

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search users: filter by username, name, email, enabled; sort by username, name, email.' })
  @ApiOkResponse({ type: UserSearchResultDto })
  @ApiProblemResponse(400, 'Unknown filter or sort field, bad value or page (SEARCH.*).')
  @ApiSearchBody(USER_SEARCH, { filter: { enabled: true }, sort: [{ field: 'username', order: 'ASC' }], page: { limit: 20 } })
  search(@Body() body: UserSearchRequestDto): Promise<UserSearchResultDto> {
    return this.users.search(body);
  }

  @Get(':username')
  @ApiOperation({ summary: 'Get a user.' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblemResponse(404, 'No such user (USER.NOT_FOUND).')
  get(@Param('username') username: string): Promise<UserDto> {
    return this.users.get(username);
  }

  @Put(':username')
  @ApiOperation({ summary: 'Change a user\'s name, email or password (an admin\'s reset ends their portal sign-ins), or enable/disable them (Baton\'s `enabled`).' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblemResponse(400, 'Invalid body, or a password too short (PASSWORD.TOO_SHORT).')
  @ApiProblemResponse(404, 'No such user (USER.NOT_FOUND).')
  @ApiProblemResponse(409, 'Disabling the last enabled admin (IDENTITY.LAST_ADMIN).')
  update(@Param('username') username: string, @Body() body: UpdateUserRequestDto, @CurrentPrincipal() caller: Principal): Promise<UserDto> {
    return this.users.update(username, body, caller);
  }

  @Delete(':username')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a user, with their memberships, role assignments, sessions and API tokens.' })
  @ApiNoContentResponse()
  @ApiProblemResponse(404, 'No such user (USER.NOT_FOUND).')
  @ApiProblemResponse(409, 'Deleting the last enabled admin (IDENTITY.LAST_ADMIN).')
  delete(@Param('username') username: string): Promise<void> {
    return this.users.delete(username);
  }

  @Get(':username/memberships')
  @ApiOperation({ summary: 'The groups and roles given to a user directly (Baton addition, for the portal\'s Identity page).' })
  @ApiOkResponse({ type: UserMembershipsDto })
  @ApiProblemResponse(404, 'No such user (USER.NOT_FOUND).')
  memberships(@Param('username') username: string): Promise<UserMembershipsDto> {
    return this.users.memberships(username);
  }
}
