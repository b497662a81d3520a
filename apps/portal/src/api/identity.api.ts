import type { ApiClient } from './api-client';
import type { SearchRequest, SearchResult } from './search';

/** A user of `/v2/users` (Camunda's shape, plus Baton's `enabled`). */
export interface IdentityUser {
  username: string;
  name: string;
  email?: string;
  enabled: boolean;
}

/** A group of `/v2/groups`. */
export interface IdentityGroup {
  groupId: string;
  name: string;
  description?: string;
}

/** A role of `/v2/roles`, with Baton's `permissions` and `builtIn`. */
export interface IdentityRole {
  roleId: string;
  name: string;
  description?: string;
  permissions: string[];
  builtIn: boolean;
}

/** Every permission a custom role may list (apps/engine/src/auth/permissions.ts), with what it allows. */
export const PERMISSIONS: Array<{ name: string; text: string }> = [
  { name: 'deployment:create', text: 'Deploy processes and forms' },
  { name: 'identity:manage', text: 'Manage users, groups, roles and API tokens' },
  { name: 'instance:start', text: 'Start processes' },
  { name: 'message:publish', text: 'Publish messages, broadcast signals' },
  { name: 'instance:read', text: 'See instances, variables, incidents (Operate)' },
  { name: 'instance:manage', text: 'Cancel instances, retry incidents, set variables' },
  { name: 'job:work', text: 'Work on service-task jobs' },
];

const ALL = { page: { limit: 1000 } };
const enc = encodeURIComponent;

export const searchUsers = (api: ApiClient, request: SearchRequest<Record<string, unknown>> = ALL) =>
  api.post<SearchResult<IdentityUser>>('/v2/users/search', { sort: [{ field: 'username' }], ...request });
export const createUser = (api: ApiClient, user: { username: string; password: string; name?: string; email?: string }) => api.post<IdentityUser>('/v2/users', user);
export const updateUser = (api: ApiClient, username: string, changes: { name?: string; email?: string; password?: string; enabled?: boolean }) =>
  api.request<IdentityUser>('PUT', `/v2/users/${enc(username)}`, { body: changes });
export const deleteUser = (api: ApiClient, username: string) => api.request<void>('DELETE', `/v2/users/${enc(username)}`);
export const membershipsOf = (api: ApiClient, username: string) => api.get<{ groups: string[]; roles: string[] }>(`/v2/users/${enc(username)}/memberships`);

export const searchGroups = (api: ApiClient) => api.post<SearchResult<IdentityGroup>>('/v2/groups/search', { sort: [{ field: 'groupId' }], ...ALL });
export const createGroup = (api: ApiClient, group: { groupId: string; name: string; description?: string }) => api.post<IdentityGroup>('/v2/groups', group);
export const deleteGroup = (api: ApiClient, groupId: string) => api.request<void>('DELETE', `/v2/groups/${enc(groupId)}`);
export const membersOf = (api: ApiClient, groupId: string) => api.post<SearchResult<{ username: string }>>(`/v2/groups/${enc(groupId)}/users/search`, ALL);
export const rolesOfGroup = (api: ApiClient, groupId: string) => api.post<SearchResult<IdentityRole>>(`/v2/groups/${enc(groupId)}/roles/search`, ALL);
export const addMember = (api: ApiClient, groupId: string, username: string) => api.request<void>('PUT', `/v2/groups/${enc(groupId)}/users/${enc(username)}`);
export const removeMember = (api: ApiClient, groupId: string, username: string) => api.request<void>('DELETE', `/v2/groups/${enc(groupId)}/users/${enc(username)}`);

export const searchRoles = (api: ApiClient) => api.post<SearchResult<IdentityRole>>('/v2/roles/search', { sort: [{ field: 'roleId' }], ...ALL });
export const createRole = (api: ApiClient, role: { roleId: string; name: string; description?: string; permissions: string[] }) => api.post<IdentityRole>('/v2/roles', role);
export const updateRole = (api: ApiClient, role: { roleId: string; name: string; description: string; permissions?: string[] }) =>
  api.request<IdentityRole>('PUT', `/v2/roles/${enc(role.roleId)}`, { body: { name: role.name, description: role.description, ...(role.permissions && { permissions: role.permissions }) } });
export const deleteRole = (api: ApiClient, roleId: string) => api.request<void>('DELETE', `/v2/roles/${enc(roleId)}`);
export const usersOfRole = (api: ApiClient, roleId: string) => api.post<SearchResult<{ username: string }>>(`/v2/roles/${enc(roleId)}/users/search`, ALL);
export const groupsOfRole = (api: ApiClient, roleId: string) => api.post<SearchResult<{ groupId: string }>>(`/v2/roles/${enc(roleId)}/groups/search`, ALL);
export const assignRole = (api: ApiClient, roleId: string, to: { username: string } | { groupId: string }) =>
  api.request<void>('PUT', 'username' in to ? `/v2/roles/${enc(roleId)}/users/${enc(to.username)}` : `/v2/roles/${enc(roleId)}/groups/${enc(to.groupId)}`);
export const unassignRole = (api: ApiClient, roleId: string, from: { username: string } | { groupId: string }) =>
  api.request<void>('DELETE', 'username' in from ? `/v2/roles/${enc(roleId)}/users/${enc(from.username)}` : `/v2/roles/${enc(roleId)}/groups/${enc(from.groupId)}`);

/** One's own password (`PUT /v2/authentication/me/password`): the current one is required; one's other sign-ins end. */
export const changeOwnPassword = (api: ApiClient, currentPassword: string, newPassword: string) =>
  api.request<void>('PUT', '/v2/authentication/me/password', { body: { currentPassword, newPassword } });
