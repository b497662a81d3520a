import { Suspense, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { AppShell, type NavItem } from './layout/app-shell';
import { CheckingSessionScreen, EngineUnavailableScreen, PageLoading } from './layout/session-screens';
import { matchRoute, RouterProvider, useLocation, useNavigate, type Location } from './router/router';
import { ROUTES, SIGN_IN_PATH, type PortalRoute } from './routes';
import { SessionProvider, useSession } from './session/session.context';
import { useDocumentTitle } from './ui/hooks';

/** The portal: routing, then the session, then the page for the current path. */
export function App() {
  return (
    <RouterProvider>
      <SessionProvider>
        <PortalRoutes />
      </SessionProvider>
    </RouterProvider>
  );
}

const NOT_FOUND = ROUTES.find((route) => route.path === '*')!;

/**
 * Picks the page for the location and enforces access: signed-in pages send signed-out users
 * to sign-in (remembering where they wanted to go in `?next=`), and the sign-in page sends
 * signed-in users on.
 */
function PortalRoutes() {
  const { state } = useSession();
  const location = useLocation();
  const user = state.status === 'signed-in' ? state.user : null;

  const allowed = (route: PortalRoute) => !route.component || (user?.authorizedComponents.includes(route.component) ?? false);
  const match = matchRoute(ROUTES, location.pathname) ?? { route: NOT_FOUND, params: {} };
  const route = allowed(match.route) ? match.route : NOT_FOUND;
  const navigation = useMemo<NavItem[]>(
    () => ROUTES.filter((r) => r.nav && (!r.component || user?.authorizedComponents.includes(r.component))).map((r) => ({ to: r.path, label: r.nav! })),
    [user],
  );

  useDocumentTitle(state.status === 'checking' ? '' : route.title);
  useFocusPageHeadingOnNavigation(location);

  if (state.status === 'checking') return <CheckingSessionScreen />;
  if (state.status === 'unavailable') return <EngineUnavailableScreen />;
  if (route.access === 'signed-in' && state.status !== 'signed-in') {
    return <Redirect to={signInPathFor(location, state.returnHere)} />;
  }
  if (route.access === 'signed-out' && state.status === 'signed-in') {
    return <Redirect to={nextPathFrom(location)} />;
  }

  const Page = route.page;
  const page = (
    <Suspense fallback={<PageLoading />}>
      <Page params={match.params} />
    </Suspense>
  );
  return route.access === 'signed-in' ? <AppShell navigation={navigation}>{page}</AppShell> : page;
}

/** Replaces the current history entry with `to` (a redirect, so Back does not bounce). */
function Redirect({ to }: { to: string }) {
  const navigate = useNavigate();
  useLayoutEffect(() => navigate(to, { replace: true }), [navigate, to]);
  return null;
}

function signInPathFor(location: Location, returnHere: boolean): string {
  const here = location.pathname + location.search;
  if (!returnHere || here === '/') return SIGN_IN_PATH;
  return `${SIGN_IN_PATH}?next=${encodeURIComponent(here)}`;
}

/** The `?next=` target after sign-in, if it is a path on this site; `/` otherwise. */
function nextPathFrom(location: Location): string {
  const next = new URLSearchParams(location.search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith(SIGN_IN_PATH)) return '/';
  return next;
}

/**
 * After a client-side navigation, moves focus to the new page's heading (`data-page-heading`),
 * so screen readers announce the page and keyboard users start at its top. Not on first load.
 */
function useFocusPageHeadingOnNavigation(location: Location): void {
  const previous = useRef(location.pathname);
  useEffect(() => {
    if (previous.current === location.pathname) return;
    previous.current = location.pathname;
    document.querySelector<HTMLElement>('[data-page-heading]')?.focus();
  }, [location.pathname]);
}
