import { useId, useState } from 'react';
import { MessageRegion } from '../../ui/message-region';
import { Spinner } from '../../ui/spinner';
import { GroupsTab } from './groups-tab';
import { useIdentityData } from './identity-data';
import { RolesTab } from './roles-tab';
import { UsersTab } from './users-tab';

type Tab = 'users' | 'groups' | 'roles';
const TABS: Array<{ value: Tab; label: string }> = [
  { value: 'users', label: 'Users' },
  { value: 'groups', label: 'Groups' },
  { value: 'roles', label: 'Roles' },
];

/**
 * "Identity" (admins, `identity:manage`): users (create, disable and enable, reset a password,
 * their groups and roles), groups (members, roles) and roles (custom ones with permissions; who
 * has each). Everything goes through `/v2/users`, `/v2/groups` and `/v2/roles`; the engine's
 * refusals (the last admin, a taken name, a short password) are shown as it words them.
 */
export function IdentityPage() {
  const data = useIdentityData();
  const [tab, setTab] = useState<Tab>('users');
  const id = useId();

  return (
    <div className="operate identity">
      <div className="page-header">
        <h1 className="page-title" tabIndex={-1} data-page-heading>
          Identity
        </h1>
        <p className="page-intro">Who may sign in, and what they may do: users, groups and roles.</p>
      </div>
      <div className="operate-tabs identity-tabs" role="tablist" aria-label="Identity">
        <ul>
          {TABS.map((t) => (
            <li key={t.value}>
              <button type="button" role="tab" id={`${id}-${t.value}`} aria-selected={tab === t.value} aria-controls={`${id}-panel`} onClick={() => setTab(t.value)}>
                {t.label}
                <span className="identity-tab-count">{t.value === 'users' ? data.users.length : t.value === 'groups' ? data.groups.length : data.roles.length}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-${tab}`}>
        {data.loading ? (
          <p className="page-loading">
            <Spinner /> Loading…
          </p>
        ) : data.error ? (
          <MessageRegion message={{ tone: 'error', text: data.error }} />
        ) : tab === 'users' ? (
          <UsersTab data={data} />
        ) : tab === 'groups' ? (
          <GroupsTab data={data} />
        ) : (
          <RolesTab data={data} />
        )}
      </div>
    </div>
  );
}
