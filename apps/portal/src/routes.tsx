import { lazy, type ComponentType } from 'react';
import { HomePage } from './pages/home.page';
import { NotFoundPage } from './pages/not-found.page';
import { SignInPage } from './pages/sign-in.page';
import { StartProcessPage } from './pages/start/start-process.page';
import { StartPage } from './pages/start/start.page';
import { TasksPage } from './pages/tasks/tasks.page';
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
  /** One sentence on what the page is for; the home page lists the nav pages with it. */
  summary?: string;
  /**
   * Only for users whose `/v2/authentication/me` `authorizedComponents` include this
   * (`tasklist`, `operate`, `modeler`, `identity`); others get the not-found page and no nav entry.
   */
  component?: string;
  /** The page. Heavy pages (the bpmn-js modeler) go in as `lazy(() => import(...))`; the app wraps pages in Suspense. */
  page: ComponentType<PageProps>;
}

const ModelerPage = lazy(() => import('./pages/modeler/modeler.page'));
const FormsPage = lazy(() => import('./pages/forms/forms.page'));
// Operations: lazy too (the instance page's diagram pulls in bpmn-js); only admins and analysts open them.
const ProcessesPage = lazy(() => import('./pages/operate/processes.page').then((m) => ({ default: m.ProcessesPage })));
const InstancesPage = lazy(() => import('./pages/operate/instances.page').then((m) => ({ default: m.InstancesPage })));
const InstancePage = lazy(() => import('./pages/operate/instance.page').then((m) => ({ default: m.InstancePage })));
const MetricsPage = lazy(() => import('./pages/metrics/metrics.page').then((m) => ({ default: m.MetricsPage })));

/** Path of the sign-in page. */
export const SIGN_IN_PATH = '/sign-in';

/**
 * Every page, in match order: the first whose `path` matches wins, `*` last. The header
 * navigation is built from the entries with `nav`, so it only ever lists pages that exist.
 */
export const ROUTES: readonly PortalRoute[] = [
  { path: '/', title: 'Home', access: 'signed-in', nav: 'Home', page: HomePage },
  { path: SIGN_IN_PATH, title: 'Sign in', access: 'signed-out', page: SignInPage },
  { path: '/tasks', title: 'Tasks', access: 'signed-in', nav: 'Tasks', component: 'tasklist', summary: 'Claim, fill in and complete the tasks for you and your groups.', page: TasksPage },
  { path: '/tasks/:userTaskKey', title: 'Task', access: 'signed-in', component: 'tasklist', page: TasksPage },
  { path: '/start', title: 'Start a process', access: 'signed-in', nav: 'Start', component: 'tasklist', summary: 'Start a process with its form.', page: StartPage },
  { path: '/start/:processDefinitionKey', title: 'Start a process', access: 'signed-in', component: 'tasklist', page: StartProcessPage },
  // Modeler and form editor: lazy, so bpmn-js and form-js load only when an analyst opens them.
  { path: '/modeler', title: 'Modeler', access: 'signed-in', nav: 'Modeler', component: 'modeler', summary: 'Model processes in BPMN and deploy new versions.', page: ModelerPage },
  { path: '/modeler/:processDefinitionKey', title: 'Modeler', access: 'signed-in', component: 'modeler', page: ModelerPage },
  { path: '/forms', title: 'Forms', access: 'signed-in', nav: 'Forms', component: 'modeler', summary: 'Design the forms of user tasks and start events, and deploy them.', page: FormsPage },
  { path: '/forms/:formKey', title: 'Forms', access: 'signed-in', component: 'modeler', page: FormsPage },
  { path: '/operate', title: 'Processes', access: 'signed-in', nav: 'Operate', component: 'operate', summary: 'Watch running instances, fix incidents and see how long processes take.', page: ProcessesPage },
  { path: '/operate/instances', title: 'Instances', access: 'signed-in', component: 'operate', page: InstancesPage },
  { path: '/operate/instances/:processInstanceKey', title: 'Instance', access: 'signed-in', component: 'operate', page: InstancePage },
  { path: '/operate/metrics', title: 'Metrics', access: 'signed-in', component: 'operate', page: MetricsPage },
  { path: '*', title: 'Page not found', access: 'signed-in', page: NotFoundPage },
];
