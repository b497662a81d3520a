import { lazy, type ComponentType } from 'react';
import { HomePage } from './pages/home.page';
import { NotFoundPage } from './pages/not-found.page';
import { SignInPage } from './pages/sign-in.page';
import { RequestsPage } from './pages/requests/requests.page';
import { StartProcessPage } from './pages/start/start-process.page';
import { StartPage } from './pages/start/start.page';
import { TasksPage } from './pages/tasks/tasks.page';
import { ROUTE_TABLE, type PageProps, type RouteInfo, type RoutePath } from './route-table';

export { SIGN_IN_PATH, type PageProps } from './route-table';

/** One page of the portal with its component. */
export interface PortalRoute extends RouteInfo {
  /** The page. Heavy pages (the bpmn-js modeler) go in as `lazy(() => import(...))`; the app wraps pages in Suspense. */
  page: ComponentType<PageProps>;
}

const ModelerPage = lazy(() => import('./pages/modeler/modeler.page'));
const FormsPage = lazy(() => import('./pages/forms/forms.page'));
// Operations: lazy too (the instance page's diagram pulls in bpmn-js); only admins and analysts open them.
const ProcessesPage = lazy(() => import('./pages/operate/processes.page').then((m) => ({ default: m.ProcessesPage })));
const InstancesPage = lazy(() => import('./pages/operate/instances.page').then((m) => ({ default: m.InstancesPage })));
const InstancePage = lazy(() => import('./pages/operate/instance.page').then((m) => ({ default: m.InstancePage })));
const EventsPage = lazy(() => import('./pages/operate/events.page').then((m) => ({ default: m.EventsPage })));
const IdentityPage = lazy(() => import('./pages/identity/identity.page').then((m) => ({ default: m.IdentityPage })));
const ApiAccessPage = lazy(() => import('./pages/api-access/api-access.page').then((m) => ({ default: m.ApiAccessPage })));
const MetricsPage = lazy(() => import('./pages/metrics/metrics.page').then((m) => ({ default: m.MetricsPage })));

/** The component of every path in the route table (a path without one does not compile). */
const PAGES: Record<RoutePath, ComponentType<PageProps>> = {
  '/': HomePage,
  '/sign-in': SignInPage,
  '/sign-in/callback': SignInPage,
  '/tasks': TasksPage,
  '/tasks/:userTaskKey': TasksPage,
  '/start': StartPage,
  '/start/:processDefinitionKey': StartProcessPage,
  '/requests': RequestsPage,
  '/requests/:processInstanceKey': RequestsPage,
  '/modeler': ModelerPage,
  '/modeler/:processDefinitionKey': ModelerPage,
  '/forms': FormsPage,
  '/forms/:formKey': FormsPage,
  '/operate': ProcessesPage,
  '/operate/instances': InstancesPage,
  '/operate/instances/:processInstanceKey': InstancePage,
  '/operate/metrics': MetricsPage,
  '/operate/messages': EventsPage,
  '/identity': IdentityPage,
  '/api-access': ApiAccessPage,
  '*': NotFoundPage,
};

/** The route table with each page's component: what the app renders. Only the app imports this. */
export const ROUTES: readonly PortalRoute[] = ROUTE_TABLE.map((route) => ({ ...route, page: PAGES[route.path] }));
