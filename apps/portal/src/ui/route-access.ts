import type { CurrentUser } from '../api/authentication.api';
import { ROUTE_TABLE } from '../route-table';

/**
 * True when the route table has a page with this exact `pattern` (e.g.
 * `/operate/instances/:processInstanceKey`) and the user's components open it. Pages link to other
 * areas only through this, so a page that does not exist (or is closed to the user) is never linked.
 */
export function canOpenRoute(pattern: string, user: Pick<CurrentUser, 'authorizedComponents'>): boolean {
  return ROUTE_TABLE.some((route) => route.path === pattern && (!route.component || user.authorizedComponents.includes(route.component)));
}

/** The monitoring page of a process instance, when the user may open it; null otherwise. */
export function instancePagePath(processInstanceKey: string, user: Pick<CurrentUser, 'authorizedComponents'>): string | null {
  return canOpenRoute('/operate/instances/:processInstanceKey', user) ? `/operate/instances/${encodeURIComponent(processInstanceKey)}` : null;
}
