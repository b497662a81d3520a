import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiProblem } from '../api/api-problem';
import { getOidcStatus, startOidcSignIn, type OidcStatus } from '../api/authentication.api';
import { useLocation, useNavigate } from '../router/router';
import { useSession } from '../session/session.context';
import { BatonLogo } from '../ui/baton-logo';
import { RoleBadge } from '../ui/identity-badges';
import { Spinner } from '../ui/spinner';

/** The users the engine seeds when `BATON_SEED_DEMO` is on (the default); password = username. */
const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; role: string; groups: string[] }> = [
  { username: 'demo', role: 'admin', groups: [] },
  { username: 'anna', role: 'analyst', groups: [] },
  { username: 'emma', role: 'employee', groups: ['sales'] },
  { username: 'frank', role: 'employee', groups: ['finance'] },
  { username: 'mia', role: 'employee', groups: ['managers', 'sales'] },
];

type Field = 'username' | 'password';

/** sessionStorage key of a sign-in started at the external provider: its state and where to go after. */
const OIDC_PENDING_KEY = 'baton.oidcSignIn';

/** Path the provider sends the browser back to (BATON_OIDC_REDIRECT_URL). */
const CALLBACK_PATH = '/sign-in/callback';

interface PendingOidcSignIn {
  state: string;
  next: string | null;
}

/**
 * Sign-in: username and password, the engine's own error message on failure, and the demo
 * accounts one click away; with an external OpenID Connect provider configured, also "Sign in
 * with <provider>". The provider sends the browser back to /sign-in/callback, which this page
 * also renders: it checks the state against the one this tab kept and finishes the sign-in,
 * showing the engine's message when that fails. Signing in changes the session; the app then
 * leaves this page.
 */
export function SignInPage() {
  const { state, signIn, signInWithOidc, api } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [oidc, setOidc] = useState<OidcStatus | null>(null);
  const [oidcPending, setOidcPending] = useState(location.pathname === CALLBACK_PATH);
  const callbackHandled = useRef(false);
  const notice = state.status === 'signed-out' ? state.notice : null;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ message: string; fields: Field[] } | null>(null);
  const [pending, setPending] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const errorId = useId();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const name = username.trim();
    const missing: Field[] = [];
    if (!name) missing.push('username');
    if (!password) missing.push('password');
    if (missing.length > 0) {
      const message = missing.length === 2 ? 'Enter your username and password.' : `Enter your ${missing[0]}.`;
      setError({ message, fields: missing });
      (missing[0] === 'username' ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setError(null);
    setPending(true);
    try {
      await signIn({ username: name, password });
    } catch (caught) {
      const message = caught instanceof ApiProblem ? caught.detail : 'Signing in failed unexpectedly. Try again.';
      const fields: Field[] = caught instanceof ApiProblem && caught.status === 401 ? ['username', 'password'] : [];
      setError({ message, fields });
      setPending(false);
      if (fields.length > 0) passwordRef.current?.select();
    }
  };

  useEffect(() => {
    const controller = new AbortController();
    getOidcStatus(api, controller.signal).then(setOidc, () => setOidc(null));
    return () => controller.abort();
  }, [api]);

  // Back from the provider: finish the sign-in once (StrictMode runs effects twice).
  useEffect(() => {
    if (location.pathname !== CALLBACK_PATH || callbackHandled.current) return;
    callbackHandled.current = true;
    const query = location.search;
    const params = new URLSearchParams(query);
    const pending = readPendingOidcSignIn();
    // Leave the code out of the address bar and the history; keep where to go after signing in.
    navigate(pending?.next ? `/sign-in?next=${encodeURIComponent(pending.next)}` : '/sign-in', { replace: true });
    if (!params.has('error') && (!pending || pending.state !== params.get('state'))) {
      setError({ message: 'This sign-in was not started in this browser tab, or was started again since. Sign in again.', fields: [] });
      setOidcPending(false);
      return;
    }
    signInWithOidc(query).catch((caught: unknown) => {
      setError({ message: caught instanceof ApiProblem ? caught.detail : 'Signing in failed unexpectedly. Try again.', fields: [] });
      setOidcPending(false);
    });
  }, [location, navigate, signInWithOidc]);

  const startOidc = async () => {
    setError(null);
    setOidcPending(true);
    try {
      const { authorizationUrl, state: oidcState } = await startOidcSignIn(api);
      const pending: PendingOidcSignIn = { state: oidcState, next: new URLSearchParams(location.search).get('next') };
      window.sessionStorage.setItem(OIDC_PENDING_KEY, JSON.stringify(pending));
      window.location.assign(authorizationUrl);
    } catch (caught) {
      setError({ message: caught instanceof ApiProblem ? caught.detail : 'Could not reach the sign-in provider. Try again.', fields: [] });
      setOidcPending(false);
    }
  };

  const fillDemoAccount = (account: string) => {
    setUsername(account);
    setPassword(account);
    setError(null);
    submitRef.current?.focus();
  };

  const invalid = (field: Field) => (error?.fields.includes(field) ? true : undefined);
  const describedBy = (field: Field) => (error?.fields.includes(field) ? errorId : undefined);

  return (
    <div className="sign-in-screen">
      <main className="sign-in-main">
        <div className="sign-in-card">
          <header className="sign-in-brand">
            <BatonLogo size={44} />
            <div>
              <p className="sign-in-product">Baton</p>
              <p className="sign-in-tagline">BPMN processes and the people who work on them, in one place.</p>
            </div>
          </header>

          <h1 className="sign-in-title">Sign in</h1>

          {notice && (
            <p className={`notice notice-${notice.tone}`} role="status">
              {notice.message}
            </p>
          )}

          <form className="form" onSubmit={onSubmit} noValidate aria-busy={pending}>
            <div className="field">
              <label htmlFor="sign-in-username">Username</label>
              <input
                ref={usernameRef}
                id="sign-in-username"
                name="username"
                type="text"
                autoComplete="username"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                autoFocus
                required
                readOnly={pending}
                value={username}
                onChange={(event) => setUsername(event.target.value)}
                aria-invalid={invalid('username')}
                aria-describedby={describedBy('username')}
              />
            </div>
            <div className="field">
              <label htmlFor="sign-in-password">Password</label>
              <input
                ref={passwordRef}
                id="sign-in-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                readOnly={pending}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                aria-invalid={invalid('password')}
                aria-describedby={describedBy('password')}
              />
            </div>

            <div className="form-error-region" role="alert" aria-live="assertive" id={errorId}>
              {error && (
                <p className="form-error">
                  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                    <circle cx="8" cy="8" r="7" fill="currentColor" />
                    <path d="M8 4.5v4M8 11h.01" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
                  </svg>
                  <span>{error.message}</span>
                </p>
              )}
            </div>

            <button ref={submitRef} type="submit" className="button button-primary button-block button-large" disabled={pending || oidcPending}>
              {pending && <Spinner />}
              {pending ? 'Signing in…' : 'Sign in'}
            </button>
          </form>

          {oidc?.enabled && (
            <>
              <p className="sign-in-divider">or</p>
              <button type="button" className="button button-secondary button-block button-large" onClick={startOidc} disabled={pending || oidcPending}>
                {oidcPending && <Spinner />}
                {oidcPending ? `Signing in with ${oidc.providerName}…` : `Sign in with ${oidc.providerName}`}
              </button>
            </>
          )}

          <details className="demo-accounts">
            <summary>Demo accounts</summary>
            <p className="muted">
              Seeded on a fresh engine; each password is the username. Pick one to fill the form.
            </p>
            <ul>
              {DEMO_ACCOUNTS.map((account) => (
                <li key={account.username}>
                  <button
                    type="button"
                    className="demo-account"
                    onClick={() => fillDemoAccount(account.username)}
                    aria-label={`Use ${account.username} / ${account.username}: ${account.role}${account.groups.length ? `, groups ${account.groups.join(' and ')}` : ''}`}
                  >
                    <span className="demo-account-credentials">
                      {account.username} / {account.username}
                    </span>
                    <RoleBadge role={account.role} />
                    {account.groups.length > 0 && <span className="demo-account-groups">{account.groups.join(', ')}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        </div>
      </main>
      <footer className="sign-in-footer">
        <a href="/v2/api-docs">REST API documentation</a>
      </footer>
    </div>
  );
}

/** The sign-in this tab started at the provider, read once (and forgotten). */
function readPendingOidcSignIn(): PendingOidcSignIn | null {
  try {
    const raw = window.sessionStorage.getItem(OIDC_PENDING_KEY);
    window.sessionStorage.removeItem(OIDC_PENDING_KEY);
    const value = raw ? (JSON.parse(raw) as Partial<PendingOidcSignIn>) : null;
    return value && typeof value.state === 'string' ? { state: value.state, next: typeof value.next === 'string' ? value.next : null } : null;
  } catch {
    return null;
  }
}
