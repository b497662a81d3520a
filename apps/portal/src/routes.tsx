import type { ComponentType } from 'react';
import { HomePage } from './pages/home.page';
import { NotFoundPage } from './pages/not-found.page';
import { SignInPage } from './pages/sign-in.page';
import type { RouteDefinition } from './router/router';

/** What a page component receives. */
export interface PageProps {
  /** Values of the route's `:parameters`. */
  params: Record<string, string>;
}

/** One page of the portal. */
export interface PortalRoute extends RouteDefinition {
  /** Document title, shown as "<title> · Baton". */
  title: string;
  /** `signed-in`: inside the app shell, sign-in first; `signed-out`: only while signed out (the sign-in page). */
  access: 'signed-in' | 'signed-out';
  /** Label in the header navigation; routes without one are reachable by link only. */
  nav?: string;
  /**
   * Only for users whose `/v2/authentication/me` `authorizedComponents` include this
   * (`tasklist`, `operate`, `modeler`, `identity`); others get the not-found page and no nav entry.
   */
  component?: string;
  /** The page. Heavy pages (the bpmn-js modeler) go in as `lazy(() => import(...))`; the app wraps pages in Suspense. */
  page: ComponentType<PageProps>;
}

/** Path of the sign-in page. */
export const SIGN_IN_PATH = '/sign-in';

/**
 * Every page, in match order: the first whose `path` matches wins, `*` last. The header
 * navigation is built from the entries with `nav`, so it only ever lists pages that exist.
 */
export const ROUTES: readonly PortalRoute[] = [
  { path: '/', title: 'Home', access: 'signed-in', nav: 'Home', page: HomePage },
  { path: SIGN_IN_PATH, title: 'Sign in', access: 'signed-out', page: SignInPage },
  { path: '*', title: 'Page not found', access: 'signed-in', page: NotFoundPage },
];
