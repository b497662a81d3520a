import { useState, type FormEvent } from 'react';
import { assignRole, createRole, deleteRole, groupsOfRole, PERMISSIONS, unassignRole, updateRole, usersOfRole, type IdentityRole } from '../../api/identity.api';
import { useApi } from '../../session/session.context';
import { MessageRegion, type PageMessage } from '../../ui/message-region';
import { Spinner } from '../../ui/spinner';
import { AddPicker, DetailHeading, RemovableList, TextField, useDetailPanel, useRevealOnNarrowScreens } from './identity-fields';
import { runChange, type IdentityData } from './identity-data';

/** The roles: built-in ones and custom ones with their permissions, who has each, and a form for a new one. */
export function RolesTab({ data }: { data: IdentityData }) {
  const [selected, setSelected] = useState<string | null>(null);
  const role = data.roles.find((r) => r.roleId === selected) ?? null;
  return (
    <div className="identity-layout">
      <div className="identity-main">
        <section className="card" aria-labelledby="roles-heading">
          <h2 id="roles-heading" className="card-title">
            Roles
          </h2>
          <p className="card-hint">A role says what its users may do. The four built-in roles are fixed; a custom role grants the permissions it lists.</p>
          <table className="data-table">
            <caption className="visually-hidden">Roles</caption>
            <thead>
              <tr>
                <th scope="col">Role id</th>
                <th scope="col">Name</th>
                <th scope="col">Permissions</th>
              </tr>
            </thead>
            <tbody>
              {data.roles.map((r) => (
                <tr key={r.roleId} aria-selected={r.roleId === selected}>
                  <th scope="row" className="mono">
                    <button type="button" className="button-link mono" onClick={() => setSelected(r.roleId)}>
                      <span className="visually-hidden">Manage </span>
                      {r.roleId}
                    </button> {r.builtIn && <span className="badge badge-role-other">built in</span>}
                  </th>
                  <td>{r.name}</td>
                  <td>
                    <PermissionList permissions={r.permissions} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <NewRoleForm data={data} onCreated={setSelected} />
      </div>
      {role && <RoleDetail key={role.roleId} role={role} data={data} onClose={() => setSelected(null)} />}
    </div>
  );
}

/** The permissions of a role; a role without any is marked, since it grants nothing. */
function PermissionList({ permissions }: { permissions: string[] }) {
  if (permissions.length === 0) return <span className="badge badge-status-disabled">Grants nothing</span>;
  return (
    <ul className="tag-list" aria-label="Permissions">
      {permissions.map((p) => (
        <li key={p}>
          <span className="chip mono">{p}</span>
        </li>
      ))}
    </ul>
  );
}

function PermissionChecks({ value, onChange, disabled = false }: { value: string[]; onChange: (value: string[]) => void; disabled?: boolean }) {
  return (
    <fieldset className="identity-permissions" disabled={disabled}>
      <legend>Permissions</legend>
      {PERMISSIONS.map((p) => (
        <label key={p.name}>
          <input type="checkbox" checked={value.includes(p.name)} onChange={(event) => onChange(event.target.checked ? [...value, p.name] : value.filter((v) => v !== p.name))} />
          <span>
            <span className="mono">{p.name}</span> <span className="muted">{p.text}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function NewRoleForm({ data, onCreated }: { data: IdentityData; onCreated: (roleId: string) => void }) {
  const api = useApi();
  const [form, setForm] = useState({ roleId: '', name: '', description: '' });
  const [permissions, setPermissions] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<PageMessage | null>(null);
  const set = (field: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const roleId = form.roleId.trim();
    const ok = await runChange(
      () => createRole(api, { roleId, name: form.name.trim(), permissions, ...(form.description.trim() && { description: form.description.trim() }) }),
      permissions.length === 0 ? `Role ${roleId} created. It grants nothing until you give it permissions.` : `Role ${roleId} created.`,
      setMessage,
      data.reload,
    );
    setBusy(false);
    if (ok) {
      setForm({ roleId: '', name: '', description: '' });
      setPermissions([]);
      onCreated(roleId);
    }
  };
  return (
    <section className="card" aria-labelledby="new-role-heading">
      <h2 id="new-role-heading" className="card-title">
        New role
      </h2>
      <form className="form identity-form" onSubmit={submit} noValidate aria-busy={busy}>
        <div className="identity-form-grid">
          <TextField label="Role id" value={form.roleId} onChange={set('roleId')} required />
          <TextField label="Name" value={form.name} onChange={set('name')} required />
          <TextField label="Description" value={form.description} onChange={set('description')} />
        </div>
        <PermissionChecks value={permissions} onChange={setPermissions} />
        <div>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy && <Spinner />}
            Create role
          </button>
        </div>
        <MessageRegion message={message} />
      </form>
    </section>
  );
}

function RoleDetail({ role, data, onClose }: { role: IdentityRole; data: IdentityData; onClose: () => void }) {
  const panelRef = useRevealOnNarrowScreens<HTMLElement>();
  const api = useApi();
  const [permissions, setPermissions] = useState(role.permissions);
  const { loaded, busy, message, change } = useDetailPanel(data, role.roleId, async () => {
    const [u, g] = await Promise.all([usersOfRole(api, role.roleId), groupsOfRole(api, role.roleId)]);
    return { users: u.items.map((i) => i.username), groups: g.items.map((i) => i.groupId) };
  });

  return (
    <section ref={panelRef} className="card identity-detail" aria-labelledby="role-detail-heading">
      <DetailHeading headingId="role-detail-heading" title={role.name} id={role.roleId} onClose={onClose} />
      {role.description && <p className="muted">{role.description}</p>}
      <MessageRegion message={message} />
      {role.builtIn ? (
        <>
          <h3 className="identity-subtitle">Permissions (built in, fixed)</h3>
          <PermissionList permissions={role.permissions} />
        </>
      ) : (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void change(
              () => updateRole(api, { roleId: role.roleId, name: role.name, description: role.description ?? '', permissions }),
              permissions.length === 0 ? `Role ${role.roleId} saved: it grants nothing now.` : `Permissions of ${role.roleId} saved.`,
            );
          }}
        >
          <PermissionChecks value={permissions} onChange={setPermissions} disabled={busy} />
          {permissions.length === 0 && <p className="message message-warning">Without permissions this role grants nothing.</p>}
          <div>
            <button type="submit" className="button button-secondary" disabled={busy}>
              Save permissions
            </button>
          </div>
        </form>
      )}
      {loaded && (
        <>
          <h3 className="identity-subtitle">Users</h3>
          <RemovableList items={loaded.users} label={`Users with ${role.roleId}`} empty="Given to no user directly." busy={busy} onRemove={(username) => change(() => unassignRole(api, role.roleId, { username }), `${username} no longer has the role ${role.roleId}.`)} />
          <AddPicker
            label="Give to user"
            busy={busy}
            options={data.users.filter((u) => !loaded.users.includes(u.username)).map((u) => ({ value: u.username, text: u.username }))}
            onAdd={(username) => change(() => assignRole(api, role.roleId, { username }), `${username} has the role ${role.roleId} now.`)}
          />
          <h3 className="identity-subtitle">Groups</h3>
          <RemovableList items={loaded.groups} label={`Groups with ${role.roleId}`} empty="Given to no group." busy={busy} onRemove={(groupId) => change(() => unassignRole(api, role.roleId, { groupId }), `Group ${groupId} no longer gives the role ${role.roleId}.`)} />
          <AddPicker
            label="Give to group"
            busy={busy}
            options={data.groups.filter((g) => !loaded.groups.includes(g.groupId)).map((g) => ({ value: g.groupId, text: g.groupId }))}
            onAdd={(groupId) => change(() => assignRole(api, role.roleId, { groupId }), `Every member of ${groupId} has the role ${role.roleId} now.`)}
          />
        </>
      )}
      {!role.builtIn && (
        <div className="identity-actions identity-danger">
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => change(() => deleteRole(api, role.roleId), `Role ${role.roleId} deleted.`, onClose)}>
            Delete role
          </button>
        </div>
      )}
    </section>
  );
}
