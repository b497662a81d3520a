import { useSession } from '../session/session.context';
import { BatonLogo } from '../ui/baton-logo';
import { Spinner } from '../ui/spinner';

/** Shown while a stored token is being checked with the engine (usually a blink). */
export function CheckingSessionScreen() {
  return (
    <div className="splash" role="status">
      <BatonLogo size={40} />
      <p className="splash-message">
        <Spinner /> Checking your session…
      </p>
    </div>
  );
}

/** Shown when a stored token could not be checked because the engine did not answer properly. */
export function EngineUnavailableScreen() {
  const { state, retry, discard } = useSession();
  const detail = state.status === 'unavailable' ? state.problem.detail : '';
  return (
    <div className="splash">
      <div className="card splash-card" role="alert">
        <BatonLogo size={40} />
        <h1 className="splash-title">Can’t check your session</h1>
        <p className="muted">{detail}</p>
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={retry}>
            Try again
          </button>
          <button type="button" className="button button-secondary" onClick={discard}>
            Sign in again
          </button>
        </div>
      </div>
    </div>
  );
}

/** Shown while a lazily loaded page is fetched. */
export function PageLoading() {
  return (
    <p className="page-loading" role="status">
      <Spinner /> Loading…
    </p>
  );
}
