/**
 * A tiny pathname router on the History API: the portal needs a handful of routes, path
 * parameters (`/tasks/:taskKey`) and lazy pages, not a routing framework.
 *
 * - {@link RouterProvider} keeps the current location and follows back/forward.
 * - {@link useLocation} / {@link useNavigate} read and change it; {@link Link} is an `<a>` that
 *   navigates without a page load (modified clicks still open new tabs).
 * - {@link matchRoute} picks the first route whose pattern matches; the route table lives in
 *   `routes.tsx`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

/** The part of `window.location` routing cares about. */
export interface Location {
  pathname: string;
  /** Including the leading `?`, or empty. */
  search: string;
}

/** Options of a navigation. */
export interface NavigateOptions {
  /** Replace the current history entry instead of pushing one (redirects). @default false */
  replace?: boolean;
}

/** Changes the location: `to` is a same-origin path with optional query, e.g. `/sign-in?next=%2F`. */
export type Navigate = (to: string, options?: NavigateOptions) => void;

/** Asked before the user leaves the page; true lets the navigation happen. */
export type LeaveGuard = () => boolean;

interface RouterValue {
  location: Location;
  navigate: Navigate;
  /** Registers a guard; returns its removal. */
  addLeaveGuard: (guard: LeaveGuard) => () => void;
}

const RouterContext = createContext<RouterValue | null>(null);

function currentLocation(): Location {
  return { pathname: window.location.pathname, search: window.location.search };
}

/** Provides the location to the tree and keeps it in sync with the browser history. */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>(currentLocation);
  const guards = useRef(new Set<LeaveGuard>());
  const shownUrl = useRef(window.location.href);
  const mayLeave = () => [...guards.current].every((guard) => guard());

  useEffect(() => {
    const onPopState = () => {
      // Back/forward already moved the URL: if a guard refuses, put the page's URL back.
      if (window.location.href !== shownUrl.current && !mayLeave()) {
        window.history.pushState(null, '', shownUrl.current);
        return;
      }
      shownUrl.current = window.location.href;
      setLocation(currentLocation());
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const navigate = useCallback<Navigate>((to, options = {}) => {
    const url = new URL(to, window.location.origin);
    if (url.origin !== window.location.origin) throw new Error(`Expected a same-origin path but got '${to}'`);
    const target = url.pathname + url.search + url.hash;
    if (target === window.location.pathname + window.location.search + window.location.hash) return;
    // Guards are asked on the user's own navigations (pushes); redirects (replace) always happen.
    if (!options.replace && !mayLeave()) return;
    if (options.replace) window.history.replaceState(null, '', target);
    else {
      window.history.pushState(null, '', target);
      window.scrollTo(0, 0);
    }
    shownUrl.current = window.location.href;
    setLocation(currentLocation());
  }, []);

  const addLeaveGuard = useCallback((guard: LeaveGuard) => {
    guards.current.add(guard);
    return () => void guards.current.delete(guard);
  }, []);

  const value = useMemo(() => ({ location, navigate, addLeaveGuard }), [location, navigate, addLeaveGuard]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('Expected to be rendered inside <RouterProvider>');
  return value;
}

/** The current location; re-renders on every navigation. */
export function useLocation(): Location {
  return useRouter().location;
}

/** The function that navigates. Stable across renders. */
export function useNavigate(): Navigate {
  return useRouter().navigate;
}

/**
 * While `active`, asks the user to confirm (`message`) before leaving the page: in-app links and
 * back/forward get a confirm dialog, closing or reloading the tab the browser's own prompt.
 * For pages with unsaved work (the modeler, the form editor).
 */
export function useLeaveGuard(active: boolean, message: string): void {
  const { addLeaveGuard } = useRouter();
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = message;
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const remove = addLeaveGuard(() => window.confirm(message));
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      remove();
    };
  }, [active, message, addLeaveGuard]);
}

/** A query parameter of the current location, or null. */
export function useSearchParam(name: string): string | null {
  const { search } = useLocation();
  return new URLSearchParams(search).get(name);
}

/** Props of {@link Link}: an anchor whose `href` is a same-origin path. */
export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  /** Replace the history entry. @default false */
  replace?: boolean;
  /** Set `aria-current="page"` while `to` is the current path (off for e.g. the logo link). @default true */
  markCurrent?: boolean;
}

/** An `<a href>` that navigates client-side; marks itself `aria-current="page"` when active. */
export function Link({ to, replace, markCurrent = true, onClick, ...rest }: LinkProps) {
  const { location, navigate } = useRouter();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const plainClick = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
    if (event.defaultPrevented || !plainClick || (rest.target && rest.target !== '_self')) return;
    event.preventDefault();
    navigate(to, { replace });
  };
  const current = markCurrent && location.pathname === new URL(to, window.location.origin).pathname ? 'page' : undefined;
  return <a href={to} aria-current={current} onClick={handleClick} {...rest} />;
}

/** A route pattern and what to render for it; `T` is whatever the app attaches (page, title, access). */
export interface RouteDefinition {
  /** `/`, `/tasks`, `/tasks/:taskKey`; `*` matches anything (the not-found page). */
  path: string;
}

/** The route that matched and the values of its `:parameters` (URI-decoded). */
export interface RouteMatch<T extends RouteDefinition> {
  route: T;
  params: Record<string, string>;
}

/** The first route whose pattern matches `pathname` (a trailing slash is ignored), or null. */
export function matchRoute<T extends RouteDefinition>(routes: readonly T[], pathname: string): RouteMatch<T> | null {
  const segments = splitPath(pathname);
  for (const route of routes) {
    if (route.path === '*') return { route, params: {} };
    const pattern = splitPath(route.path);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, index) => {
      const segment = segments[index]!;
      if (part.startsWith(':')) {
        params[part.slice(1)] = safeDecode(segment);
        return true;
      }
      return part === segment;
    });
    if (matches) return { route, params };
  }
  return null;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
