/**
 * The session token in `localStorage` under `baton.session`, so a reload or a new tab stays
 * signed in until the token expires or is revoked. Only the token, its expiry and the username
 * are kept; the profile always comes fresh from `/v2/authentication/me`.
 */

/** localStorage key of the stored session. */
export const SESSION_STORAGE_KEY = 'baton.session';

/** What is stored about the session. */
export interface StoredSession {
  token: string;
  /** ISO 8601 instant the engine stops accepting the token. */
  expiresAt: string;
  username: string;
}

/** The stored session, or null when there is none or it is unreadable (then it is removed). */
export function readStoredSession(): StoredSession | null {
  const raw = safeStorage()?.getItem(SESSION_STORAGE_KEY);
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (isStoredSession(value)) return value;
  } catch {
    // Fall through: a corrupt entry is as good as none.
  }
  clearStoredSession();
  return null;
}

/** Stores the session (replacing any other). */
export function writeStoredSession(session: StoredSession): void {
  safeStorage()?.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
}

/** Forgets the stored session. */
export function clearStoredSession(): void {
  safeStorage()?.removeItem(SESSION_STORAGE_KEY);
}

/** True when the stored expiry has passed (a wrong clock only makes the engine's 401 decide). */
export function isExpired(session: StoredSession, now = Date.now()): boolean {
  return Date.parse(session.expiresAt) <= now;
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.token === 'string' &&
    candidate.token !== '' &&
    typeof candidate.username === 'string' &&
    typeof candidate.expiresAt === 'string' &&
    !Number.isNaN(Date.parse(candidate.expiresAt))
  );
}

/** localStorage, or null where it is unavailable (some privacy modes throw on access). */
function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
