import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponse } from '../common/openapi/problem-responses.js';
import { RequirePermission } from '../auth/auth.decorators.js';
import { SearchRequestDto } from '../common/search/search-request.dto.js';
import { CreateGroupRequestDto, GroupDto, GroupSearchRequestDto, GroupSearchResultDto, RoleSearchResultDto, UpdateGroupRequestDto, UsernameSearchResultDto } from './dto/identity.dto.js';
import { ManageGroupsUseCase } from './usecases/manage-groups.usecase.js';
import { GROUP_SEARCH, MEMBER_SEARCH, ROLE_SEARCH } from '../auth/identity.repository.js';
import { ApiSearchBody } from '../common/openapi/search-body.decorator.js';

@ApiTags('Group')
@Controller('v2/groups')
@RequirePermission('identity:manage')
export class GroupsController {
  constructor(private readonly groups: ManageGroupsUseCase) {}

  @Post()
  @ApiOperation({ summary: 'Create a group.' })
  @ApiCreatedResponse({ type: GroupDto })
  @ApiProblemResponse(400, 'Invalid body (REQUEST.INVALID_BODY).')
  @ApiProblemResponse(409, 'The group id is taken (GROUP.ALREADY_EXISTS).')
  create(@Body() body: CreateGroupRequestDto): Promise<GroupDto> {
    return this.groups.create(body);
  }

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search groups: filter and sort by groupId, name.' })
  @ApiOkResponse({ type: GroupSearchResultDto })
  @ApiSearchBody(GROUP_SEARCH, { filter: { name: { $like: 'Sal*' } }, sort: [{ field: 'name', order: 'ASC' }], page: { limit: 20 } })
  search(@Body() body: GroupSearchRequestDto): Promise<GroupSearchResultDto> {
    return this.groups.search(body);
  }

  @Get(':groupId')
  @ApiOperation({ summary: 'Get a group.' })
  @ApiOkResponse({ type: GroupDto })
  @ApiProblemResponse(404, 'No such group (GROUP.NOT_FOUND).')
  get(@Param('groupId') groupId: string): Promise<GroupDto> {
    return this.groups.get(groupId);
  }

  @Put(':groupId')
  @ApiOperation({ summary: 'Change a group\'s name and description.' })
  @ApiOkResponse({ type: GroupDto })
  @ApiProblemResponse(404, 'No such group (GROUP.NOT_FOUND).')
  update(@Param('groupId') groupId: string, @Body() body: UpdateGroupRequestDto): Promise<GroupDto> {
    return this.groups.update(groupId, body);
  }

  @Delete(':groupId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a group: its members leave it and lose the roles it gave them.' })
  @ApiNoContentResponse()
  @ApiProblemResponse(404, 'No such group (GROUP.NOT_FOUND).')
  @ApiProblemResponse(409, 'Its members would include the last enabled admin (IDENTITY.LAST_ADMIN).')
  delete(@Param('groupId') groupId: string): Promise<void> {
    return this.groups.delete(groupId);
  }

  @Put(':groupId/users/:username')
  @HttpCode(204)
  @ApiOperation({ summary: 'Add a user to a group.' })
  @ApiNoContentResponse()
  @ApiProblemResponse(404, 'No such group or user (GROUP.NOT_FOUND, USER.NOT_FOUND).')
  @ApiProblemResponse(409, 'The user is a member already (GROUP.ALREADY_MEMBER).')
  addMember(@Param('groupId') groupId: string, @Param('username') username: string): Promise<void> {
    return this.groups.addMember(groupId, username);
  }

  @Delete(':groupId/users/:username')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a user from a group.' })
  @ApiNoContentResponse()
  @ApiProblemResponse(404, 'No such group or user, or not a member (GROUP.NOT_FOUND, USER.NOT_FOUND, GROUP.MEMBER_NOT_FOUND).')
  @ApiProblemResponse(409, 'The user is the last enabled admin, an admin through this group (IDENTITY.LAST_ADMIN).')
  removeMember(@Param('groupId') groupId: string, @Param('username') username: string): Promise<void> {
    return this.groups.removeMember(groupId, username);
  }

  @Post(':groupId/users/search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search a group\'s members: filter and sort by username.' })
  @ApiOkResponse({ type: UsernameSearchResultDto })
  @ApiProblemResponse(404, 'No such group (GROUP.NOT_FOUND).')
  @ApiSearchBody(MEMBER_SEARCH, { sort: [{ field: 'username', order: 'ASC' }], page: { limit: 50 } })
  searchMembers(@Param('groupId') groupId: string, @Body() body: SearchRequestDto): Promise<UsernameSearchResultDto> {
    return this.groups.searchMembers(groupId, body);
  }

  @Post(':groupId/roles/search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search the roles given to a group: filter and sort by roleId, name.' })
  @ApiOkResponse({ type: RoleSearchResultDto })
  @ApiProblemResponse(404, 'No such group (GROUP.NOT_FOUND).')
  @ApiSearchBody(ROLE_SEARCH, { sort: [{ field: 'roleId', order: 'ASC' }] })
  searchRoles(@Param('groupId') groupId: string, @Body() body: SearchRequestDto): Promise<RoleSearchResultDto> {
    return this.groups.searchRoles(groupId, body);
  }
}
