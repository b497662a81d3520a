/**
 * What the modeler and the form editor need from the engine: deploying files, and finding and
 * reopening what was deployed (process versions with their XML, form versions with their schema).
 */
import type { ApiClient } from './api-client';
import { ApiProblem } from './api-problem';
import { searchProcessDefinitions, type ProcessDefinition } from './process-definitions.api';
import type { SearchResult } from './search';

/** A file to deploy: its name decides the kind (`.bpmn`, `.form`). */
export interface DeploymentFile {
  name: string;
  content: string;
}

/** One deployed process of a deployment (Camunda 8 shape). */
export interface DeployedProcess {
  processDefinitionId: string;
  processDefinitionVersion: number;
  resourceName: string;
  tenantId: string;
  processDefinitionKey: string;
}

/** One deployed form of a deployment (Camunda 8 shape). */
export interface DeployedForm {
  formId: string;
  version: number;
  resourceName: string;
  tenantId: string;
  formKey: string;
}

/** Answer of `POST /v2/deployments`. */
export interface DeploymentResult {
  deploymentKey: string;
  tenantId: string;
  deployments: Array<{ processDefinition?: DeployedProcess; form?: DeployedForm }>;
  /** Baton addition: what the engine ignores in the deployed resources (Camunda 7 settings, unreachable elements, ...). */
  warnings?: DeploymentProblem[];
}

/**
 * One problem the engine found in a resource (the `problems` member of a 400
 * `DEPLOYMENT.MALFORMED_RESOURCE` or `DEPLOYMENT.INVALID_RESOURCE` answer), or one warning (the
 * `warnings` of a deployment or of a refusal: something the engine ignores; same fields).
 */
export interface DeploymentProblem {
  resourceName?: string;
  /** The validation rule, e.g. `supported-element`; `xml` / `json` for syntax errors. */
  rule: string;
  message: string;
  elementId?: string;
  /** Verbatim BPMN type, e.g. `bpmn:ServiceTask`. */
  elementType?: string;
  processId?: string;
  line?: number;
  column?: number;
}

/** A deployed form version (`GET /v2/forms/{formKey}`, `POST /v2/forms/search`). */
export interface FormVersion {
  formKey: string;
  formId: string;
  version: number;
  tenantId: string;
  /** The form-js schema. */
  schema: Record<string, unknown>;
}

/** Largest number of versions one listing fetches (in pages of {@link PAGE_SIZE}). */
export const LISTING_LIMIT = 5000;
const PAGE_SIZE = 500;

/** Deploys the files in one deployment (all or nothing). Problems reject as {@link ApiProblem}; see {@link deploymentProblemsOf}. */
export function deployFiles(api: ApiClient, files: readonly DeploymentFile[]): Promise<DeploymentResult> {
  const body = new FormData();
  for (const file of files) body.append('resources', new Blob([file.content], { type: 'application/octet-stream' }), file.name);
  return api.post<DeploymentResult>('/v2/deployments', body);
}

/** The per-resource problems of a refused deployment; empty for any other failure. */
export function deploymentProblemsOf(error: unknown): DeploymentProblem[] {
  return error instanceof ApiProblem ? findingsIn(error.extensions.problems) : [];
}

/**
 * What a deployment of the files would meet, deploying nothing (`POST /v2/deployments/validation`,
 * a Baton addition): every problem that would refuse it, and the warnings.
 */
export async function validateFiles(api: ApiClient, files: readonly DeploymentFile[], signal?: AbortSignal): Promise<{ problems: DeploymentProblem[]; warnings: DeploymentProblem[] }> {
  const body = new FormData();
  for (const file of files) body.append('resources', new Blob([file.content], { type: 'application/octet-stream' }), file.name);
  const answer = await api.post<{ problems?: unknown; warnings?: unknown }>('/v2/deployments/validation', body, { signal });
  return { problems: findingsIn(answer.problems), warnings: findingsIn(answer.warnings) };
}

/** The warnings that came with a refused deployment; empty for any other failure. */
export function deploymentWarningsOf(error: unknown): DeploymentProblem[] {
  return error instanceof ApiProblem ? findingsIn(error.extensions.warnings) : [];
}

/** The warnings of a deployment that succeeded (none from an engine that does not send them). */
export function deploymentWarningsIn(result: DeploymentResult): DeploymentProblem[] {
  return findingsIn(result.warnings);
}

function findingsIn(value: unknown): DeploymentProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter((p): p is DeploymentProblem => typeof p === 'object' && p !== null && typeof p.message === 'string');
}

/** Every deployed process version, sorted by process id, newest version first. */
export async function listProcessVersions(api: ApiClient, signal?: AbortSignal): Promise<ProcessDefinition[]> {
  return collectPages<ProcessDefinition>(api, '/v2/process-definitions/search', {}, [{ field: 'processDefinitionId', order: 'ASC' }, { field: 'version', order: 'DESC' }], signal);
}

/** The newest version of a process id, or null when none is deployed. */
export async function latestProcessVersion(api: ApiClient, processDefinitionId: string): Promise<ProcessDefinition | null> {
  const result = await searchProcessDefinitions(api, { filter: { processDefinitionId, isLatestVersion: true }, page: { limit: 1 } });
  return result.items[0] ?? null;
}

/** A process version's BPMN XML, as deployed. */
export function getProcessXml(api: ApiClient, processDefinitionKey: string, signal?: AbortSignal): Promise<string> {
  return api.getText(`/v2/process-definitions/${encodeURIComponent(processDefinitionKey)}/xml`, { signal });
}

/** Every deployed form version (or only each form id's newest), by form id, newest version first. */
export function listFormVersions(api: ApiClient, options: { latestOnly?: boolean; signal?: AbortSignal } = {}): Promise<FormVersion[]> {
  const filter = options.latestOnly ? { isLatestVersion: true } : {};
  return collectPages<FormVersion>(api, '/v2/forms/search', filter, [{ field: 'formId', order: 'ASC' }, { field: 'version', order: 'DESC' }], options.signal);
}

/** The newest version of a form id, or null when none is deployed. */
export async function latestFormVersion(api: ApiClient, formId: string): Promise<FormVersion | null> {
  const result = await api.post<SearchResult<FormVersion>>('/v2/forms/search', { filter: { formId, isLatestVersion: true }, page: { limit: 1 } });
  return result.items[0] ?? null;
}

/** One deployed form version. */
export function getFormVersion(api: ApiClient, formKey: string, signal?: AbortSignal): Promise<FormVersion> {
  return api.get<FormVersion>(`/v2/forms/${encodeURIComponent(formKey)}`, { signal });
}

/** Follows a search's cursor until every item (up to {@link LISTING_LIMIT}) is read. */
async function collectPages<T>(api: ApiClient, path: string, filter: object, sort: object[], signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let after: string | undefined;
  while (items.length < LISTING_LIMIT) {
    const page: Record<string, unknown> = { limit: PAGE_SIZE };
    if (after) page.after = after;
    const result = await api.post<SearchResult<T>>(path, { filter, sort, page }, { signal });
    items.push(...result.items);
    if (result.items.length < PAGE_SIZE || !result.page.endCursor) break;
    after = result.page.endCursor;
  }
  return items;
}
