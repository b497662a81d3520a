import { useCallback, useId, useState, type FormEvent } from 'react';
import {
  createApiClient,
  createApiToken,
  revokeApiClient,
  revokeApiToken,
  searchApiClients,
  searchApiTokens,
  type ApiClientEntry,
  type ApiToken,
} from '../../api/api-access.api';
import { ApiProblem } from '../../api/api-problem';
import { useApi, useSignedIn } from '../../session/session.context';
import { formatDateTime, formatRelative } from '../../ui/format-time';
import { useNow } from '../../ui/hooks';
import { MessageRegion, type PageMessage } from '../../ui/message-region';
import { ModalDialog } from '../../ui/modal-dialog';
import { Spinner } from '../../ui/spinner';
import { usePolledQuery } from '../../ui/use-polled-query';

type Kind = 'client' | 'token';

/** One row of either table. */
interface Credential {
  key: string;
  name: string;
  /** The client id (clients only). */
  clientId?: string;
  username: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A secret just created: shown once, with a copy button. */
interface NewSecret {
  kind: Kind;
  name: string;
  clientId?: string;
  secret: string;
}

const fromClient = (c: ApiClientEntry): Credential => ({ ...c, key: c.apiClientKey });
const fromToken = (t: ApiToken): Credential => ({ ...t, key: t.apiTokenKey });

/**
 * "API access" (admins): the credentials other systems use. API clients get access tokens from
 * `POST /oauth/token` with a client id and secret (Camunda's clients with
 * CAMUNDA_AUTH_STRATEGY=OAUTH); API tokens are sent as they are (`Bearer bat_…`). Both act as a
 * user. A new secret is shown once, with a copy button; revoking takes effect at once.
 */
export function ApiAccessPage() {
  const api = useApi();
  const clients = usePolledQuery('api-clients', (signal) => searchApiClients(api, signal), { intervalMs: 15_000 });
  const tokens = usePolledQuery('api-tokens', (signal) => searchApiTokens(api, signal), { intervalMs: 15_000 });
  const [creating, setCreating] = useState<Kind | null>(null);
  const [created, setCreated] = useState<NewSecret | null>(null);
  const [revoking, setRevoking] = useState<{ kind: Kind; credential: Credential } | null>(null);
  const [message, setMessage] = useState<PageMessage | null>(null);

  const onCreated = (secret: NewSecret) => {
    setCreating(null);
    setCreated(secret);
    setMessage(null);
    (secret.kind === 'client' ? clients : tokens).refresh();
  };
  const onRevoked = (kind: Kind, credential: Credential) => {
    setRevoking(null);
    setMessage({ tone: 'success', text: `${kind === 'client' ? 'API client' : 'API token'} ${credential.name} revoked: it no longer works.` });
    (kind === 'client' ? clients : tokens).refresh();
  };

  return (
    <div className="api-access">
      <div className="page-header">
        <h1 className="page-title" tabIndex={-1} data-page-heading>
          API access
        </h1>
        <p className="page-intro">Credentials for other systems. Each acts as a user, with that user&apos;s roles and groups at every request.</p>
      </div>
      <MessageRegion message={message} />
      {created && <SecretPanel secret={created} onDone={() => setCreated(null)} />}

      <CredentialSection
        kind="client"
        title="API clients"
        hint={
          <>
            OAuth client credentials: the system gets short-lived access tokens from <code>POST /oauth/token</code> with its client id and secret, as Camunda&apos;s
            clients do with <code>CAMUNDA_AUTH_STRATEGY=OAUTH</code>.
          </>
        }
        rows={clients.data?.items.map(fromClient)}
        loading={clients.loading}
        problem={clients.problem}
        onCreate={() => setCreating('client')}
        onRevoke={(credential) => setRevoking({ kind: 'client', credential })}
      />
      <CredentialSection
        kind="token"
        title="API tokens"
        hint={
          <>
            A long-lived bearer token the system sends as it is: <code>Authorization: Bearer bat_…</code>.
          </>
        }
        rows={tokens.data?.items.map(fromToken)}
        loading={tokens.loading}
        problem={tokens.problem}
        onCreate={() => setCreating('token')}
        onRevoke={(credential) => setRevoking({ kind: 'token', credential })}
      />

      {creating && <CreateDialog kind={creating} onClose={() => setCreating(null)} onCreated={onCreated} />}
      {revoking && <RevokeDialog kind={revoking.kind} credential={revoking.credential} onClose={() => setRevoking(null)} onRevoked={onRevoked} />}
    </div>
  );
}

function CredentialSection(props: {
  kind: Kind;
  title: string;
  hint: React.ReactNode;
  rows: Credential[] | undefined;
  loading: boolean;
  problem: ApiProblem | null;
  onCreate: () => void;
  onRevoke: (credential: Credential) => void;
}) {
  const { kind, title, hint, rows, loading, problem, onCreate, onRevoke } = props;
  const id = useId();
  const now = useNow();
  const noun = kind === 'client' ? 'API client' : 'API token';
  return (
    <section className="card api-access-section" aria-labelledby={`${id}-title`}>
      <div className="api-access-section-header">
        <div>
          <h2 id={`${id}-title`} className="api-access-section-title">
            {title}
          </h2>
          <p className="card-hint">{hint}</p>
        </div>
        <button type="button" className="button button-primary" onClick={onCreate}>
          New {noun.replace('API ', '')}
        </button>
      </div>
      {problem && <MessageRegion message={{ tone: 'error', text: problem.detail }} />}
      {loading ? (
        <p className="loading-line">
          <Spinner /> Loading {title}…
        </p>
      ) : !rows || rows.length === 0 ? (
        <p className="muted">No {title} yet.</p>
      ) : (
        <div className="api-access-table-wrap">
          <table className="api-access-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Acts as</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Status and actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const expired = row.expiresAt !== null && Date.parse(row.expiresAt) <= now;
                return (
                  <tr key={row.key} className={row.revokedAt || expired ? 'api-access-row-ended' : undefined}>
                    <th scope="row">
                      <span className="api-access-name">{row.name}</span>
                      {row.clientId && <span className="api-access-client-id">{row.clientId}</span>}
                    </th>
                    <td data-label="Acts as">{row.username}</td>
                    <td data-label="Created">
                      <span>
                        <time dateTime={row.createdAt} title={formatDateTime(row.createdAt)}>
                          {ago(row.createdAt, now)}
                        </time>{' '}
                        <span className="muted">by {row.createdBy}</span>
                      </span>
                    </td>
                    <td data-label="Last used">
                      {row.lastUsedAt ? (
                        <time dateTime={row.lastUsedAt} title={formatDateTime(row.lastUsedAt)}>
                          {ago(row.lastUsedAt, now)}
                        </time>
                      ) : (
                        <span className="muted">never</span>
                      )}
                    </td>
                    <td data-label="Expires">{row.expiresAt ? <time dateTime={row.expiresAt}>{formatDateTime(row.expiresAt)}</time> : <span className="muted">never</span>}</td>
                    <td className="api-access-actions">
                      {row.revokedAt ? (
                        <span className="badge badge-ended">Revoked</span>
                      ) : expired ? (
                        <span className="badge badge-ended">Expired</span>
                      ) : (
                        <button type="button" className="button button-secondary button-danger-outline" onClick={() => onRevoke(row)} aria-label={`Revoke ${noun} ${row.name}`}>
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** How long ago: `now` ticks every 30 s, so a moment just past may still lie ahead of it. */
function ago(iso: string, now: number): string {
  return formatRelative(iso, Math.max(now, Date.parse(iso)));
}

/** The new secret, once: copy it now, Baton keeps only its hash. */
function SecretPanel({ secret, onDone }: { secret: NewSecret; onDone: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = useCallback(async (label: string, value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(label);
    } catch {
      setCopied(null);
    }
  }, []);
  const noun = secret.kind === 'client' ? 'API client' : 'API token';
  return (
    <section className="card api-access-secret" aria-label={`New ${noun}`}>
      <h2 className="api-access-section-title">
        {noun} {secret.name} created
      </h2>
      <p className="card-hint">Copy the secret now: it is shown only this once (Baton stores only its hash).</p>
      {secret.clientId && <SecretLine label="Client id" value={secret.clientId} onCopy={copy} copied={copied === 'Client id'} />}
      <SecretLine label={secret.kind === 'client' ? 'Client secret' : 'Token'} value={secret.secret} onCopy={copy} copied={copied !== null && copied !== 'Client id'} />
      <div>
        <button type="button" className="button button-secondary" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}

function SecretLine({ label, value, onCopy, copied }: { label: string; value: string; onCopy: (label: string, value: string) => void; copied: boolean }) {
  const id = useId();
  return (
    <div className="api-access-secret-line">
      <label htmlFor={id}>{label}</label>
      <input id={id} readOnly value={value} spellCheck={false} onFocus={(event) => event.currentTarget.select()} />
      <button type="button" className="button button-secondary" onClick={() => onCopy(label, value)} aria-label={`${copied ? 'Copied' : 'Copy'} ${label.toLowerCase()}`}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}

function CreateDialog({ kind, onClose, onCreated }: { kind: Kind; onClose: () => void; onCreated: (secret: NewSecret) => void }) {
  const api = useApi();
  const { user } = useSignedIn();
  const id = useId();
  const [name, setName] = useState('');
  const [clientId, setClientId] = useState('');
  const [username, setUsername] = useState(user.username);
  const [expires, setExpires] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PageMessage | null>(null);
  const noun = kind === 'client' ? 'API client' : 'API token';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError({ tone: 'error', text: `Enter a name that says what the ${noun} is for.` });
      return;
    }
    const request = {
      name: name.trim(),
      username: username.trim() || user.username,
      ...(expires && { expiresAt: new Date(`${expires}T23:59:59`).toISOString() }),
    };
    setBusy(true);
    setError(null);
    try {
      if (kind === 'client') {
        const created = await createApiClient(api, { ...request, ...(clientId.trim() && { clientId: clientId.trim() }) });
        onCreated({ kind, name: created.name, clientId: created.clientId, secret: created.clientSecret });
      } else {
        const created = await createApiToken(api, request);
        onCreated({ kind, name: created.name, secret: created.token });
      }
    } catch (caught) {
      setError({ tone: 'error', text: caught instanceof ApiProblem ? caught.detail : `Creating the ${noun} failed unexpectedly.` });
      setBusy(false);
    }
  };

  return (
    <ModalDialog title={`New ${noun}`} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate aria-busy={busy}>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} data-autofocus value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. Billing system" maxLength={255} />
        </div>
        {kind === 'client' && (
          <div className="field">
            <label htmlFor={`${id}-client-id`}>Client id (optional)</label>
            <input id={`${id}-client-id`} value={clientId} onChange={(event) => setClientId(event.target.value)} placeholder="made from the name" spellCheck={false} maxLength={64} />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-user`}>Acts as user</label>
          <input id={`${id}-user`} value={username} onChange={(event) => setUsername(event.target.value)} spellCheck={false} autoCapitalize="none" maxLength={128} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-expires`}>Expires (optional)</label>
          <input id={`${id}-expires`} type="date" value={expires} onChange={(event) => setExpires(event.target.value)} />
        </div>
        <MessageRegion message={error} />
        <div className="api-access-dialog-buttons">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy && <Spinner />}
            {busy ? 'Creating…' : `Create ${noun}`}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

function RevokeDialog({ kind, credential, onClose, onRevoked }: { kind: Kind; credential: Credential; onClose: () => void; onRevoked: (kind: Kind, credential: Credential) => void }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PageMessage | null>(null);
  const noun = kind === 'client' ? 'API client' : 'API token';
  const revoke = async () => {
    setBusy(true);
    try {
      await (kind === 'client' ? revokeApiClient(api, credential.key) : revokeApiToken(api, credential.key));
      onRevoked(kind, credential);
    } catch (caught) {
      setError({ tone: 'error', text: caught instanceof ApiProblem ? caught.detail : 'Revoking failed unexpectedly.' });
      setBusy(false);
    }
  };
  return (
    <ModalDialog title={`Revoke ${noun} ${credential.name}?`} onClose={onClose}>
      <p>
        {kind === 'client'
          ? 'The client gets no more access tokens, and the ones it has stop working at once.'
          : 'The token stops working at once.'}{' '}
        Systems that use it are refused from now on. This cannot be undone.
      </p>
      <MessageRegion message={error} />
      <div className="api-access-dialog-buttons">
        <button type="button" className="button button-danger" onClick={revoke} disabled={busy} data-autofocus>
          {busy && <Spinner />}
          Revoke
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
