import { Link } from '../../router/router';

/** The operations pages' own navigation: Processes, Instances, Metrics (the current one marked). */
export function OperateTabs() {
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
      </ul>
    </nav>
  );
}
