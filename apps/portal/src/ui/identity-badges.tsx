const KNOWN_ROLES = new Set(['admin', 'analyst', 'employee']);

/** One role as a coloured badge (admin, analyst, employee; anything else in neutral grey). */
export function RoleBadge({ role }: { role: string }) {
  const tone = KNOWN_ROLES.has(role) ? role : 'other';
  return <span className={`badge badge-role-${tone}`}>{role}</span>;
}

/** A user's roles as a list of badges, or a muted "No role" when there is none. */
export function RoleBadges({ roles, label = 'Roles' }: { roles: readonly string[]; label?: string }) {
  if (roles.length === 0) return <span className="muted">No role</span>;
  return (
    <ul className="tag-list" aria-label={label}>
      {roles.map((role) => (
        <li key={role}>
          <RoleBadge role={role} />
        </li>
      ))}
    </ul>
  );
}

/** A user's groups as chips, or a muted "No groups" when there is none. */
export function GroupChips({ groups, label = 'Groups' }: { groups: readonly string[]; label?: string }) {
  if (groups.length === 0) return <span className="muted">No groups</span>;
  return (
    <ul className="tag-list" aria-label={label}>
      {groups.map((group) => (
        <li key={group}>
          <span className="chip">
            <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
              <path
                d="M5.5 7.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Zm5.5 0a2 2 0 1 0 0-4 2 2 0 0 0 0 4ZM1 13c0-2.2 2-3.8 4.5-3.8S10 10.8 10 13v.5H1V13Zm10.2.5V13c0-1.2-.4-2.3-1.1-3.1.3-.1.6-.1.9-.1 2.1 0 3.9 1.3 3.9 3.2v.5h-3.7Z"
                fill="currentColor"
              />
            </svg>
            {group}
          </span>
        </li>
      ))}
    </ul>
  );
}
