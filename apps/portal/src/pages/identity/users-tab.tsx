import { useState, type FormEvent } from 'react';
import { addMember, assignRole, createUser, membershipsOf, removeMember, unassignRole, updateUser, type IdentityUser } from '../../api/identity.api';
import { useApi, useSignedIn } from '../../session/session.context';
import { MessageRegion, type PageMessage } from '../../ui/message-region';
import { ModalDialog } from '../../ui/modal-dialog';
import { Spinner } from '../../ui/spinner';
import { AddPicker, DetailHeading, RemovableList, TextField, useDetailPanel, useRevealOnNarrowScreens } from './identity-fields';
import { problemText, runChange, type IdentityData } from './identity-data';

/** The users: a form for a new one, the list, and the selected user's status, password, groups and roles. */
export function UsersTab({ data }: { data: IdentityData }) {
  const [selected, setSelected] = useState<string | null>(null);
  const user = data.users.find((u) => u.username === selected) ?? null;
  return (
    <div className="identity-layout">
      <div className="identity-main">
        <section className="card" aria-labelledby="users-heading">
          <h2 id="users-heading" className="card-title">
            Users
          </h2>
          <table className="data-table">
            <caption className="visually-hidden">Users</caption>
            <thead>
              <tr>
                <th scope="col">Username</th>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {data.users.map((u) => (
                <tr key={u.username} aria-selected={u.username === selected}>
                  <th scope="row" className="mono">
                    <button type="button" className="button-link mono" onClick={() => setSelected(u.username)}>
                      <span className="visually-hidden">Manage </span>
                      {u.username}
                    </button>
                  </th>
                  <td>{u.name || <span className="muted">–</span>}</td>
                  <td>{u.email ?? <span className="muted">–</span>}</td>
                  <td>{u.enabled ? <span className="badge badge-status-enabled">Enabled</span> : <span className="badge badge-status-disabled">Disabled</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <NewUserForm data={data} onCreated={setSelected} />
      </div>
      {user && <UserDetail key={user.username} user={user} data={data} onClose={() => setSelected(null)} />}
    </div>
  );
}

function NewUserForm({ data, onCreated }: { data: IdentityData; onCreated: (username: string) => void }) {
  const api = useApi();
  const [form, setForm] = useState({ username: '', name: '', email: '', password: '' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<PageMessage | null>(null);
  const set = (field: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const username = form.username.trim();
    const ok = await runChange(
      () => createUser(api, { username, password: form.password, ...(form.name.trim() && { name: form.name.trim() }), ...(form.email.trim() && { email: form.email.trim() }) }),
      `User ${username} created. Give them groups and roles below.`,
      setMessage,
      data.reload,
    );
    setBusy(false);
    if (ok) {
      setForm({ username: '', name: '', email: '', password: '' });
      onCreated(username);
    }
  };

  return (
    <section className="card" aria-labelledby="new-user-heading">
      <h2 id="new-user-heading" className="card-title">
        New user
      </h2>
      <form className="form identity-form" onSubmit={submit} noValidate aria-busy={busy}>
        <div className="identity-form-grid">
          <TextField label="Username" value={form.username} onChange={set('username')} required hint="Letters, digits and _ @ . + -" />
          <TextField label="Name" value={form.name} onChange={set('name')} />
          <TextField label="Email" type="email" value={form.email} onChange={set('email')} />
          <TextField label="Password" type="password" autoComplete="new-password" value={form.password} onChange={set('password')} required hint="Tell it to the user; they can change it from their account menu." />
        </div>
        <div>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy && <Spinner />}
            Create user
          </button>
        </div>
        <MessageRegion message={message} />
      </form>
    </section>
  );
}

function UserDetail({ user, data, onClose }: { user: IdentityUser; data: IdentityData; onClose: () => void }) {
  const panelRef = useRevealOnNarrowScreens<HTMLElement>();
  const api = useApi();
  const { user: me } = useSignedIn();
  const [resetting, setResetting] = useState(false);
  const { loaded: memberships, busy, message, setMessage, change } = useDetailPanel(data, user.username, () => membershipsOf(api, user.username));

  const groupName = (groupId: string) => data.groups.find((g) => g.groupId === groupId)?.name ?? groupId;
  return (
    <section ref={panelRef} className="card identity-detail" aria-labelledby="user-detail-heading">
      <DetailHeading headingId="user-detail-heading" title={user.name || user.username} id={user.username} onClose={onClose} />
      <p>
        {user.enabled ? <span className="badge badge-status-enabled">Enabled</span> : <span className="badge badge-status-disabled">Disabled</span>}{' '}
        {user.username === me.username && <span className="muted">This is you.</span>}
      </p>
      <div className="identity-actions">
        {user.enabled ? (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => change(() => updateUser(api, user.username, { enabled: false }), `${user.username} is disabled: they cannot sign in, and their sessions and API tokens stopped working.`)}>
            Disable
          </button>
        ) : (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => change(() => updateUser(api, user.username, { enabled: true }), `${user.username} is enabled again.`)}>
            Enable
          </button>
        )}
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => setResetting(true)}>
          Reset password
        </button>
      </div>
      <MessageRegion message={message} />
      {memberships && (
        <>
          <h3 className="identity-subtitle">Groups</h3>
          <RemovableList
            items={memberships.groups}
            label={`Groups of ${user.username}`}
            empty="In no group."
            busy={busy}
            onRemove={(groupId) => change(() => removeMember(api, groupId, user.username), `${user.username} left ${groupName(groupId)}.`)}
          />
          <AddPicker
            label="Add to group"
            busy={busy}
            options={data.groups.filter((g) => !memberships.groups.includes(g.groupId)).map((g) => ({ value: g.groupId, text: `${g.name} (${g.groupId})` }))}
            onAdd={(groupId) => change(() => addMember(api, groupId, user.username), `${user.username} joined ${groupName(groupId)}.`)}
          />
          <h3 className="identity-subtitle">Roles</h3>
          <RemovableList
            items={memberships.roles}
            label={`Roles of ${user.username}`}
            empty="No role given directly (groups may give some)."
            busy={busy}
            onRemove={(roleId) => change(() => unassignRole(api, roleId, { username: user.username }), `${user.username} no longer has the role ${roleId}.`)}
          />
          <AddPicker
            label="Give role"
            busy={busy}
            options={data.roles.filter((r) => !memberships.roles.includes(r.roleId)).map((r) => ({ value: r.roleId, text: r.name === r.roleId ? r.roleId : `${r.name} (${r.roleId})` }))}
            onAdd={(roleId) => change(() => assignRole(api, roleId, { username: user.username }), `${user.username} has the role ${roleId} now.`)}
          />
        </>
      )}
      {resetting && <ResetPasswordDialog username={user.username} onClose={() => setResetting(false)} onDone={(text) => setMessage({ tone: 'success', text })} />}
    </section>
  );
}

function ResetPasswordDialog({ username, onClose, onDone }: { username: string; onClose: () => void; onDone: (text: string) => void }) {
  const api = useApi();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<PageMessage | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await updateUser(api, username, { password });
      onDone(`${username}'s password was reset; their portal sign-ins ended. Tell them the new password.`);
      onClose();
    } catch (error) {
      setMessage({ tone: 'error', text: problemText(error) });
      setBusy(false);
    }
  };
  return (
    <ModalDialog title={`Reset the password of ${username}`} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate aria-busy={busy}>
        <TextField label="New password" type="password" autoComplete="new-password" value={password} onChange={setPassword} required />
        <div>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy && <Spinner />}
            Reset password
          </button>
        </div>
        <MessageRegion message={message} />
      </form>
    </ModalDialog>
  );
}
