import { useState } from 'react';
import { useSignedIn } from '../session/session.context';
import { Avatar } from '../ui/avatar';
import { formatDateTime, formatRelative } from '../ui/format-time';
import { useNow } from '../ui/hooks';
import { GroupChips, RoleBadges } from '../ui/identity-badges';
import { Spinner } from '../ui/spinner';
import { WhatYouCanDo } from './home/what-you-can-do';

/**
 * The start page after sign-in: what the user can do (their tasks, processes to start, the other
 * pages their role opens), then who they are (name, email, roles, groups) and their session.
 */
export function HomePage() {
  const { user, session, signOut } = useSignedIn();
  const [signingOut, setSigningOut] = useState(false);
  const now = useNow();

  const handleSignOut = async () => {
    setSigningOut(true);
    await signOut();
  };

  return (
    <div className="home">
      <h1 className="page-title" tabIndex={-1} data-page-heading>
        Welcome, {user.displayName.split(/\s+/)[0] || user.username}
      </h1>

      <WhatYouCanDo user={user} />

      <section className="card profile-card" aria-labelledby="profile-heading">
        <Avatar name={user.displayName} size="large" />
        <div className="profile-text">
          <h2 id="profile-heading" className="profile-signed-in-as">
            Signed in as <strong>{user.displayName}</strong> <span className="profile-username">({user.username})</span>
          </h2>
          {user.email ? (
            <p className="profile-email">
              <a href={`mailto:${user.email}`}>{user.email}</a>
            </p>
          ) : (
            <p className="muted">No email address on file</p>
          )}
        </div>
        <button type="button" className="button button-secondary profile-sign-out" onClick={handleSignOut} disabled={signingOut}>
          {signingOut && <Spinner />}
          {signingOut ? 'Signing out…' : 'Sign out'}
        </button>
      </section>

      <div className="card-grid">
        <section className="card" aria-labelledby="roles-heading">
          <h2 id="roles-heading" className="card-title">
            Roles
          </h2>
          <p className="card-hint">What you may do in Baton.</p>
          <RoleBadges roles={user.roles} label="Your roles" />
        </section>

        <section className="card" aria-labelledby="groups-heading">
          <h2 id="groups-heading" className="card-title">
            Groups
          </h2>
          <p className="card-hint">Teams you belong to.</p>
          <GroupChips groups={user.groups} label="Your groups" />
        </section>

        <section className="card" aria-labelledby="session-heading">
          <h2 id="session-heading" className="card-title">
            Session
          </h2>
          <p className="card-hint">Kept in this browser until you sign out.</p>
          <p className="session-expiry">Ends {formatRelative(session.expiresAt, now)}</p>
          <p className="session-expiry-at">
            <time dateTime={session.expiresAt}>{formatDateTime(session.expiresAt)}</time>
          </p>
        </section>
      </div>
    </div>
  );
}
