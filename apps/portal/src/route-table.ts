import type { RouteDefinition } from './router/router';

/** What a page component receives. */
export interface PageProps {
  /** Values of the route's `:parameters`. */
  params: Record<string, string>;
}

/** One page of the portal, as every part of the portal may know it (its component is added in routes.tsx). */
export interface RouteInfo extends RouteDefinition {
  /** Document title, shown as "<title> · Baton". */
  title: string;
  /** `signed-in`: inside the app shell, sign-in first; `signed-out`: only while signed out (the sign-in page). */
  access: 'signed-in' | 'signed-out';
  /** Label in the header navigation; routes without one are reachable by link only. */
  nav?: string;
  /** One sentence on what the page is for; the home page lists the nav pages with it. */
  summary?: string;
  /**
   * Only for users whose `/v2/authentication/me` `authorizedComponents` include this
   * (`tasklist`, `operate`, `modeler`, `identity`); others get the not-found page and no nav entry.
   */
  component?: string;
}

/** Path of the sign-in page. */
export const SIGN_IN_PATH = '/sign-in';

/**
 * Every page, in match order: the first whose `path` matches wins, `*` last. The header
 * navigation is built from the entries with `nav`, so it only ever lists pages that exist.
 * Pages may read this table (to link only to pages a user can open); the components of the
 * pages are joined to it in routes.tsx, which pages never import.
 */
const ROWS = [
  { path: '/', title: 'Home', access: 'signed-in', nav: 'Home' },
  { path: '/sign-in', title: 'Sign in', access: 'signed-out' },
  // Where the external OpenID Connect provider sends the browser back (BATON_OIDC_REDIRECT_URL).
  { path: '/sign-in/callback', title: 'Sign in', access: 'signed-out' },
  { path: '/tasks', title: 'Tasks', access: 'signed-in', nav: 'Tasks', component: 'tasklist', summary: 'Claim, fill in and complete the tasks for you and your groups.' },
  { path: '/tasks/:userTaskKey', title: 'Task', access: 'signed-in', component: 'tasklist' },
  { path: '/start', title: 'Start a process', access: 'signed-in', nav: 'Start', component: 'tasklist', summary: 'Start a process with its form.' },
  { path: '/start/:processDefinitionKey', title: 'Start a process', access: 'signed-in', component: 'tasklist' },
  { path: '/requests', title: 'My requests', access: 'signed-in', nav: 'My requests', component: 'tasklist', summary: 'See what you started and where each request stands.' },
  { path: '/requests/:processInstanceKey', title: 'My request', access: 'signed-in', component: 'tasklist' },
  // Modeler and form editor: lazy, so bpmn-js and form-js load only when an analyst opens them.
  { path: '/modeler', title: 'Modeler', access: 'signed-in', nav: 'Modeler', component: 'modeler', summary: 'Model processes in BPMN and deploy new versions.' },
  { path: '/modeler/:processDefinitionKey', title: 'Modeler', access: 'signed-in', component: 'modeler' },
  { path: '/forms', title: 'Forms', access: 'signed-in', nav: 'Forms', component: 'modeler', summary: 'Design the forms of user tasks and start events, and deploy them.' },
  { path: '/forms/:formKey', title: 'Forms', access: 'signed-in', component: 'modeler' },
  { path: '/operate', title: 'Processes', access: 'signed-in', nav: 'Operate', component: 'operate', summary: 'Watch running instances, fix incidents and see how long processes take.' },
  { path: '/operate/instances', title: 'Instances', access: 'signed-in', component: 'operate' },
  { path: '/operate/instances/:processInstanceKey', title: 'Instance', access: 'signed-in', component: 'operate' },
  { path: '/operate/metrics', title: 'Metrics', access: 'signed-in', component: 'operate' },
  { path: '/operate/messages', title: 'Messages & signals', access: 'signed-in', component: 'operate' },
  { path: '/identity', title: 'Identity', access: 'signed-in', nav: 'Identity', component: 'identity', summary: 'Add users, disable them, reset passwords, and give groups and roles.' },
  { path: '/api-access', title: 'API access', access: 'signed-in', nav: 'API access', component: 'identity', summary: 'Create and revoke the API clients and API tokens other systems use.' },
  { path: '*', title: 'Page not found', access: 'signed-in' },
] as const satisfies readonly RouteInfo[];

/** A path of the route table. */
export type RoutePath = (typeof ROWS)[number]['path'];

export const ROUTE_TABLE: ReadonlyArray<RouteInfo & { path: RoutePath }> = ROWS;
