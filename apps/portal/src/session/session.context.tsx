/**
 * Who is signed in, for the whole portal: validates the stored token with
 * `/v2/authentication/me` on load, signs in and out, and signs out locally whenever the engine
 * rejects the token (any 401), the token's expiry passes, or another tab signs out.
 *
 * Pages get the API client from {@link useApi} (it already carries the token) and the user from
 * {@link useSignedIn}; only the sign-in page and the shell need {@link useSession}.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiClient } from '../api/api-client';
import { ApiProblem } from '../api/api-problem';
import {
  completeOidcSignIn,
  getCurrentUser,
  signIn as signInRequest,
  signOut as signOutRequest,
  type CurrentUser,
  type SignInRequest,
  type SignInResponse,
} from '../api/authentication.api';
import { clearStoredSession, isExpired, readStoredSession, SESSION_STORAGE_KEY, writeStoredSession, type StoredSession } from './session.store';

/** A message for the sign-in page about why the user is there. */
export interface SessionNotice {
  tone: 'info' | 'warning';
  message: string;
}

/** The session's lifecycle: `checking` a stored token, `signed-in`, `signed-out`, or the engine `unavailable`. */
export type SessionState =
  | { status: 'checking'; session: StoredSession }
  | { status: 'signed-in'; session: StoredSession; user: CurrentUser }
  | {
      status: 'signed-out';
      notice: SessionNotice | null;
      /** Come back to the current page after signing in (deep links, ended sessions); false after "Sign out". */
      returnHere: boolean;
    }
  | { status: 'unavailable'; session: StoredSession; problem: ApiProblem };

/** What {@link useSession} returns. */
export interface SessionValue {
  state: SessionState;
  /** The API client for every call; adds the bearer token. */
  api: ApiClient;
  /** Signs in; rejects with an {@link ApiProblem} whose `detail` the form shows. */
  signIn(credentials: SignInRequest): Promise<void>;
  /** Finishes a sign-in with the external OpenID Connect provider (the callback's query); rejects like {@link signIn}. */
  signInWithOidc(callbackQuery: string): Promise<void>;
  /** Revokes the token on the engine (best effort), then forgets it. */
  signOut(): Promise<void>;
  /** After `unavailable`: checks the stored token again. */
  retry(): void;
  /** After `unavailable`: forgets the stored token and shows sign-in. */
  discard(): void;
}

/** The notice after the engine rejected the token or it expired. */
export const SESSION_ENDED: SessionNotice = { tone: 'warning', message: 'Your session ended, sign in again.' };
const SIGNED_OUT: SessionNotice = { tone: 'info', message: 'You signed out.' };
const SIGNED_OUT_ELSEWHERE: SessionNotice = { tone: 'info', message: 'You signed out in another tab.' };
const NOT_REVOKED: SessionNotice = {
  tone: 'warning',
  message: 'You signed out of this browser, but the engine could not be reached to end the session there; it ends when it expires.',
};

/** setTimeout's ceiling (about 24.8 days); longer delays would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const SessionContext = createContext<SessionValue | null>(null);

function initialState(): SessionState {
  const stored = readStoredSession();
  if (!stored) return { status: 'signed-out', notice: null, returnHere: true };
  if (isExpired(stored)) {
    clearStoredSession();
    return { status: 'signed-out', notice: SESSION_ENDED, returnHere: true };
  }
  return { status: 'checking', session: stored };
}

function tokenOf(state: SessionState): string | null {
  return state.status === 'signed-out' ? null : state.session.token;
}

/** Holds the session and the API client; wrap the app in it once. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setStateRaw] = useState<SessionState>(initialState);
  // The client reads the token through this ref, so it always sends the current one.
  const tokenRef = useRef<string | null>(tokenOf(state));

  const setState = useCallback((next: SessionState) => {
    tokenRef.current = tokenOf(next);
    setStateRaw(next);
  }, []);

  const endSession = useCallback(
    (notice: SessionNotice | null, returnHere = true) => {
      clearStoredSession();
      setState({ status: 'signed-out', notice, returnHere });
    },
    [setState],
  );

  const api = useMemo(
    () =>
      new ApiClient({
        getToken: () => tokenRef.current,
        onUnauthorized: (_problem, rejectedToken) => {
          if (rejectedToken === tokenRef.current) endSession(SESSION_ENDED);
        },
      }),
    [endSession],
  );

  // A stored token is only trusted once the engine confirms it.
  useEffect(() => {
    if (state.status !== 'checking') return;
    const { session } = state;
    const controller = new AbortController();
    getCurrentUser(api, controller.signal).then(
      (user) => setState({ status: 'signed-in', session, user }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiProblem && error.status === 401) return; // onUnauthorized signed out
        const problem = error instanceof ApiProblem ? error : ApiProblem.network('/v2/authentication/me', error);
        setState({ status: 'unavailable', session, problem });
      },
    );
    return () => controller.abort();
  }, [state, api, setState]);

  // Sign out locally the moment the token expires, instead of on the next failing call.
  useEffect(() => {
    if (state.status !== 'signed-in') return;
    const delay = Math.min(Math.max(Date.parse(state.session.expiresAt) - Date.now(), 0), MAX_TIMER_MS);
    const timer = window.setTimeout(() => endSession(SESSION_ENDED), delay);
    return () => window.clearTimeout(timer);
  }, [state, endSession]);

  // Other tabs share localStorage: follow their sign-ins and sign-outs.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== SESSION_STORAGE_KEY && event.key !== null) return;
      const stored = readStoredSession();
      if (!stored) {
        if (tokenRef.current) setState({ status: 'signed-out', notice: SIGNED_OUT_ELSEWHERE, returnHere: false });
      } else if (stored.token !== tokenRef.current) {
        setState({ status: 'checking', session: stored });
      }
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [setState]);

  const adopt = useCallback(
    async (response: SignInResponse) => {
      const session: StoredSession = { token: response.token, expiresAt: response.expiresAt, username: response.user.username };
      tokenRef.current = session.token;
      try {
        const user = await getCurrentUser(api);
        writeStoredSession(session);
        setState({ status: 'signed-in', session, user });
      } catch (error) {
        if (tokenRef.current === session.token) tokenRef.current = null;
        throw error;
      }
    },
    [api, setState],
  );

  const signIn = useCallback(async (credentials: SignInRequest) => adopt(await signInRequest(api, credentials)), [api, adopt]);
  const signInWithOidc = useCallback(async (callbackQuery: string) => adopt(await completeOidcSignIn(api, callbackQuery)), [api, adopt]);

  const signOut = useCallback(async () => {
    let notice = SIGNED_OUT;
    if (tokenRef.current) {
      try {
        await signOutRequest(api);
      } catch (error) {
        // A 401 means the token was already dead: nothing left to revoke.
        if (!(error instanceof ApiProblem && error.status === 401)) notice = NOT_REVOKED;
      }
    }
    endSession(notice, false);
  }, [api, endSession]);

  const retry = useCallback(() => {
    if (state.status === 'unavailable') setState({ status: 'checking', session: state.session });
  }, [state, setState]);

  const discard = useCallback(() => endSession(null, false), [endSession]);

  const value = useMemo<SessionValue>(
    () => ({ state, api, signIn, signInWithOidc, signOut, retry, discard }),
    [state, api, signIn, signInWithOidc, signOut, retry, discard],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session and its actions. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('Expected to be rendered inside <SessionProvider>');
  return value;
}

/** The API client (with the session's token). */
export function useApi(): ApiClient {
  return useSession().api;
}

/** The signed-in user and session; for pages behind sign-in, which only render when signed in. */
export function useSignedIn(): { user: CurrentUser; session: StoredSession; signOut: () => Promise<void> } {
  const { state, signOut } = useSession();
  if (state.status !== 'signed-in') throw new Error('Expected a signed-in session: render this page only behind sign-in');
  return { user: state.user, session: state.session, signOut };
}
