import { useEffect, useId, useRef, useState, type FocusEvent } from 'react';
import { useSignedIn } from '../session/session.context';
import { Avatar } from '../ui/avatar';
import { GroupChips, RoleBadges } from '../ui/identity-badges';
import { Spinner } from '../ui/spinner';
import { ChangePasswordDialog } from './change-password-dialog';

/**
 * The signed-in user in the header: a button with avatar and name that discloses a panel with
 * username, email, roles, groups and "Sign out". A disclosure, not an ARIA menu: the panel holds
 * information as well as one action. Escape, a click outside or tabbing away closes it.
 */
export function UserMenu() {
  const { user, signOut } = useSignedIn();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget as Node | null;
    if (next && !rootRef.current?.contains(next)) setOpen(false);
  };

  const handleSignOut = async () => {
    setSigningOut(true);
    await signOut();
  };

  return (
    <div className="user-menu" ref={rootRef} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${user.displayName}, account`}
        onClick={() => setOpen((value) => !value)}
      >
        <Avatar name={user.displayName} />
        <span className="user-menu-name">{user.displayName}</span>
        <svg className="chevron" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="m4 6 4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <div id={panelId} className="user-menu-panel" hidden={!open}>
        <div className="user-menu-identity">
          <Avatar name={user.displayName} size="large" />
          <div>
            <p className="user-menu-display-name">{user.displayName}</p>
            <p className="muted">{user.username}</p>
            {user.email && <p className="muted user-menu-email">{user.email}</p>}
          </div>
        </div>
        <dl className="user-menu-facts">
          <div>
            <dt>Roles</dt>
            <dd>
              <RoleBadges roles={user.roles} />
            </dd>
          </div>
          <div>
            <dt>Groups</dt>
            <dd>
              <GroupChips groups={user.groups} />
            </dd>
          </div>
        </dl>
        {user.canLogout && (
          <button
            type="button"
            className="button button-secondary button-block user-menu-password"
            onClick={() => {
              setOpen(false);
              setChangingPassword(true);
            }}
          >
            Change password
          </button>
        )}
        <button type="button" className="button button-secondary button-block" onClick={handleSignOut} disabled={signingOut}>
          {signingOut && <Spinner />}
          {signingOut ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
      {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
    </div>
  );
}
