import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponse } from '../common/openapi/problem-responses.js';
import { RequirePermission } from '../auth/auth.decorators.js';
import { SearchRequestDto } from '../common/search/search-request.dto.js';
import { CreateRoleRequestDto, GroupIdSearchResultDto, RoleDto, RoleSearchRequestDto, RoleSearchResultDto, UpdateRoleRequestDto, UsernameSearchResultDto } from './dto/identity.dto.js';
import { ManageRolesUseCase } from './usecases/manage-roles.usecase.js';
import { ROLE_GROUP_SEARCH, ROLE_SEARCH, ROLE_USER_SEARCH } from '../auth/identity.repository.js';
import { ApiSearchBody } from '../common/openapi/search-body.decorator.js';

@ApiTags('Role')
@Controller('v2/roles')
@RequirePermission('identity:manage')
export class RolesController {
  constructor(private readonly roles: ManageRolesUseCase) {}

  @Post()
  @ApiOperation({ summary: 'Create a custom role; Baton\'s `permissions` say what it grants (without them it grants nothing).' })
  @ApiCreatedResponse({ type: RoleDto })
  @ApiProblemResponse(400, 'Invalid body, e.g. an unknown permission (REQUEST.INVALID_BODY).')
  @ApiProblemResponse(409, 'The role id is taken (ROLE.ALREADY_EXISTS).')
  create(@Body() body: CreateRoleRequestDto): Promise<RoleDto> {
    return this.roles.create(body);
  }

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search roles: filter and sort by roleId, name.' })
  @ApiOkResponse({ type: RoleSearchResultDto })
  @ApiSearchBody(ROLE_SEARCH, { sort: [{ field: 'name', order: 'ASC' }], page: { limit: 20 } })
  search(@Body() body: RoleSearchRequestDto): Promise<RoleSearchResultDto> {
    return this.roles.search(body);
  }

  @Get(':roleId')
  @ApiOperation({ summary: 'Get a role.' })
  @ApiOkResponse({ type: RoleDto })
  @ApiProblemResponse(404, 'No such role (ROLE.NOT_FOUND).')
  get(@Param('roleId') roleId: string): Promise<RoleDto> {
    return this.roles.get(roleId);
  }

  @Put(':roleId')
  @ApiOperation({ summary: 'Change a role\'s name and description, and a custom role\'s permissions.' })
  @ApiOkResponse({ type: RoleDto })
  @ApiProblemResponse(404, 'No such role (ROLE.NOT_FOUND).')
  @ApiProblemResponse(409, 'Permissions of a built-in role (ROLE.BUILT_IN).')
  update(@Param('roleId') roleId: string, @Body() body: UpdateRoleRequestDto): Promise<RoleDto> {
    return this.roles.update(roleId, body);
  }

  @Delete(':roleId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a custom role; its users and groups lose it.' })
  @ApiNoContentResponse()
  @ApiProblemResponse(404, 'No such role (ROLE.NOT_FOUND).')
  @ApiProblemResponse(409, 'A built-in role (ROLE.BUILT_IN).')
  delete(@Param('roleId') roleId: string): Promise<void> {
    return this.roles.delete(roleId);
  }

  @Put(':roleId/users/:username')
  @HttpCode(204)
  @ApiOperation({ summary: 'Give a role to a user.' })
  @ApiNoContentResponse()
  @ApiProblemResponse(404, 'No such role or user (ROLE.NOT_FOUND, USER.NOT_FOUND).')
  @ApiProblemResponse(409, 'The user has the role already (ROLE.ALREADY_ASSIGNED).')
  assignToUser(@Param('roleId') roleId: string, @Param('username') username: string): Promise<void> {
    return this.roles.assignToUser(roleId, username);
  }

  @Delete(':roleId/users/:username')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take a role from a user.' })
  @ApiNoContentResponse()
  @ApiProblemResponse(404, 'No such role or user, or the user does not have it (ROLE.NOT_FOUND, USER.NOT_FOUND, ROLE.ASSIGNMENT_NOT_FOUND).')
  @ApiProblemResponse(409, 'Taking admin from the last enabled admin (IDENTITY.LAST_ADMIN).')
  unassignFromUser(@Param('roleId') roleId: string, @Param('username') username: string): Promise<void> {
    return this.roles.unassignFromUser(roleId, username);
  }

  @Put(':roleId/groups/:groupId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Give a role to a group: every member has it.' })
  @ApiNoContentResponse()
  @ApiProblemResponse(404, 'No such role or group (ROLE.NOT_FOUND, GROUP.NOT_FOUND).')
  @ApiProblemResponse(409, 'The group has the role already (ROLE.ALREADY_ASSIGNED).')
  assignToGroup(@Param('roleId') roleId: string, @Param('groupId') groupId: string): Promise<void> {
    return this.roles.assignToGroup(roleId, groupId);
  }

  @Delete(':roleId/groups/:groupId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take a role from a group.' })
  @ApiNoContentResponse()
  @ApiProblemResponse(404, 'No such role or group, or the group does not have it (ROLE.ASSIGNMENT_NOT_FOUND).')
  @ApiProblemResponse(409, 'Taking admin from the group of the last enabled admin (IDENTITY.LAST_ADMIN).')
  unassignFromGroup(@Param('roleId') roleId: string, @Param('groupId') groupId: string): Promise<void> {
    return this.roles.unassignFromGroup(roleId, groupId);
  }

  @Post(':roleId/users/search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search the users a role is given to directly: filter and sort by username.' })
  @ApiOkResponse({ type: UsernameSearchResultDto })
  @ApiProblemResponse(404, 'No such role (ROLE.NOT_FOUND).')
  @ApiSearchBody(ROLE_USER_SEARCH, { sort: [{ field: 'username', order: 'ASC' }], page: { limit: 50 } })
  searchUsers(@Param('roleId') roleId: string, @Body() body: SearchRequestDto): Promise<UsernameSearchResultDto> {
    return this.roles.searchUsers(roleId, body);
  }

  @Post(':roleId/groups/search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search the groups a role is given to: filter and sort by groupId.' })
  @ApiOkResponse({ type: GroupIdSearchResultDto })
  @ApiProblemResponse(404, 'No such role (ROLE.NOT_FOUND).')
  @ApiSearchBody(ROLE_GROUP_SEARCH, { sort: [{ field: 'groupId', order: 'ASC' }] })
  searchGroups(@Param('roleId') roleId: string, @Body() body: SearchRequestDto): Promise<GroupIdSearchResultDto> {
    return this.roles.searchGroups(roleId, body);
  }
}
