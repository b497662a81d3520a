import { useState, type FormEvent } from 'react';
import { addMember, assignRole, createGroup, deleteGroup, membersOf, removeMember, rolesOfGroup, unassignRole, type IdentityGroup } from '../../api/identity.api';
import { useApi } from '../../session/session.context';
import { MessageRegion, type PageMessage } from '../../ui/message-region';
import { Spinner } from '../../ui/spinner';
import { AddPicker, DetailHeading, RemovableList, TextField, useDetailPanel, useRevealOnNarrowScreens } from './identity-fields';
import { runChange, type IdentityData } from './identity-data';

/** The groups: a form for a new one, the list, and the selected group's members and roles. */
export function GroupsTab({ data }: { data: IdentityData }) {
  const [selected, setSelected] = useState<string | null>(null);
  const group = data.groups.find((g) => g.groupId === selected) ?? null;
  return (
    <div className="identity-layout">
      <div className="identity-main">
        <section className="card" aria-labelledby="groups-heading">
          <h2 id="groups-heading" className="card-title">
            Groups
          </h2>
          <p className="card-hint">Tasks can be offered to a group (candidate groups); a role given to a group applies to every member.</p>
          <table className="data-table">
            <caption className="visually-hidden">Groups</caption>
            <thead>
              <tr>
                <th scope="col">Group id</th>
                <th scope="col">Name</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {data.groups.map((g) => (
                <tr key={g.groupId} aria-selected={g.groupId === selected}>
                  <th scope="row" className="mono">
                    <button type="button" className="button-link mono" onClick={() => setSelected(g.groupId)}>
                      <span className="visually-hidden">Manage </span>
                      {g.groupId}
                    </button>
                  </th>
                  <td>{g.name}</td>
                  <td>{g.description ?? <span className="muted">–</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.groups.length === 0 && <p className="muted">No groups yet.</p>}
        </section>
        <NewGroupForm data={data} onCreated={setSelected} />
      </div>
      {group && <GroupDetail key={group.groupId} group={group} data={data} onClose={() => setSelected(null)} />}
    </div>
  );
}

function NewGroupForm({ data, onCreated }: { data: IdentityData; onCreated: (groupId: string) => void }) {
  const api = useApi();
  const [form, setForm] = useState({ groupId: '', name: '', description: '' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<PageMessage | null>(null);
  const set = (field: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const groupId = form.groupId.trim();
    const ok = await runChange(
      () => createGroup(api, { groupId, name: form.name.trim(), ...(form.description.trim() && { description: form.description.trim() }) }),
      `Group ${groupId} created.`,
      setMessage,
      data.reload,
    );
    setBusy(false);
    if (ok) {
      setForm({ groupId: '', name: '', description: '' });
      onCreated(groupId);
    }
  };
  return (
    <section className="card" aria-labelledby="new-group-heading">
      <h2 id="new-group-heading" className="card-title">
        New group
      </h2>
      <form className="form identity-form" onSubmit={submit} noValidate aria-busy={busy}>
        <div className="identity-form-grid">
          <TextField label="Group id" value={form.groupId} onChange={set('groupId')} required hint="As models name it in candidate groups" />
          <TextField label="Name" value={form.name} onChange={set('name')} required />
          <TextField label="Description" value={form.description} onChange={set('description')} />
        </div>
        <div>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy && <Spinner />}
            Create group
          </button>
        </div>
        <MessageRegion message={message} />
      </form>
    </section>
  );
}

function GroupDetail({ group, data, onClose }: { group: IdentityGroup; data: IdentityData; onClose: () => void }) {
  const panelRef = useRevealOnNarrowScreens<HTMLElement>();
  const api = useApi();
  const { loaded, busy, message, change } = useDetailPanel(data, group.groupId, async () => {
    const [m, r] = await Promise.all([membersOf(api, group.groupId), rolesOfGroup(api, group.groupId)]);
    return { members: m.items.map((i) => i.username), roles: r.items.map((i) => i.roleId) };
  });

  return (
    <section ref={panelRef} className="card identity-detail" aria-labelledby="group-detail-heading">
      <DetailHeading headingId="group-detail-heading" title={group.name} id={group.groupId} onClose={onClose} />
      <MessageRegion message={message} />
      {loaded && (
        <>
          <h3 className="identity-subtitle">Members</h3>
          <RemovableList items={loaded.members} label={`Members of ${group.groupId}`} empty="No members." busy={busy} onRemove={(username) => change(() => removeMember(api, group.groupId, username), `${username} left ${group.name}.`)} />
          <AddPicker
            label="Add member"
            busy={busy}
            options={data.users.filter((u) => !loaded.members.includes(u.username)).map((u) => ({ value: u.username, text: u.name ? `${u.name} (${u.username})` : u.username }))}
            onAdd={(username) => change(() => addMember(api, group.groupId, username), `${username} joined ${group.name}.`)}
          />
          <h3 className="identity-subtitle">Roles of every member</h3>
          <RemovableList items={loaded.roles} label={`Roles of ${group.groupId}`} empty="No roles." busy={busy} onRemove={(roleId) => change(() => unassignRole(api, roleId, { groupId: group.groupId }), `${group.name} no longer gives the role ${roleId}.`)} />
          <AddPicker
            label="Give role"
            busy={busy}
            options={data.roles.filter((r) => !loaded.roles.includes(r.roleId)).map((r) => ({ value: r.roleId, text: r.roleId }))}
            onAdd={(roleId) => change(() => assignRole(api, roleId, { groupId: group.groupId }), `Every member of ${group.name} has the role ${roleId} now.`)}
          />
          <div className="identity-actions identity-danger">
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => change(() => deleteGroup(api, group.groupId), `Group ${group.groupId} deleted.`, onClose)}>
              Delete group
            </button>
          </div>
        </>
      )}
    </section>
  );
}
