import { Link } from '../../router/router';
import { useSignedIn } from '../../session/session.context';
import { canSendEvents } from '../../ui/permissions';

/** The operations pages' own navigation: Processes, Instances, Metrics, and Messages & signals for those who may send them (the current one marked). */
export function OperateTabs() {
  const { user } = useSignedIn();
  return (
    <nav className="operate-tabs" aria-label="Operations">
      <ul>
        <li>
          <Link to="/operate">Processes</Link>
        </li>
        <li>
          <Link to="/operate/instances">Instances</Link>
        </li>
        <li>
          <Link to="/operate/metrics">Metrics</Link>
        </li>
        {canSendEvents(user) && (
          <li>
            <Link to="/operate/messages">Messages &amp; signals</Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
