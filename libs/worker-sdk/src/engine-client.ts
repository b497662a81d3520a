import { EngineCallError } from './errors.js';

/** How a worker reaches the engine: its URL and credentials (HTTP Basic or an API token). */
export interface EngineConnection {
  /** @default process.env.BATON_ENGINE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8080}` */
  url: string;
  auth: { username: string; password: string } | { token: string };
}

/** A job as a worker activated it (Camunda's ActivatedJobResult). */
export interface ActivatedJob {
  jobKey: string;
  type: string;
  processInstanceKey: string;
  processDefinitionId: string;
  processDefinitionVersion: number;
  processDefinitionKey: string;
  elementId: string;
  elementInstanceKey: string;
  customHeaders: Record<string, string>;
  retries: number;
  /** Epoch milliseconds after which the job is offered to others. */
  deadline: number;
  variables: Record<string, unknown>;
  worker: string;
  tenantId: string;
  /** BPMN_ELEMENT, or a listener's job: EXECUTION_LISTENER, TASK_LISTENER. */
  kind: 'BPMN_ELEMENT' | 'EXECUTION_LISTENER' | 'TASK_LISTENER';
  /** The listener's event (START, END, CREATING, ASSIGNING, UPDATING, COMPLETING, CANCELING); UNSPECIFIED for the element's own job. */
  listenerEventType: string;
}

const RETRYABLE_STATUS = new Set([502, 503, 504]);

/**
 * The few REST calls a worker makes. Transport failures and 5xx answers are retried a few
 * times; a 404/409 (the job ended or someone else has it) is returned as such, not retried.
 */
export class EngineClient {
  private readonly authorization: string;

  constructor(private readonly connection: EngineConnection) {
    this.authorization =
      'token' in connection.auth ? `Bearer ${connection.auth.token}` : `Basic ${Buffer.from(`${connection.auth.username}:${connection.auth.password}`).toString('base64')}`;
  }

  /** Activates one job by key; null when it is not (or no longer) activatable. */
  async activate(jobKey: string, body: { worker: string; timeout: number; fetchVariable?: string[] }): Promise<ActivatedJob | null> {
    const response = await this.call(`/v2/jobs/${jobKey}/activation`, 'POST', body);
    if (response.status === 404 || response.status === 409) return null;
    if (!response.ok) throw new EngineCallError(response.status, await problemOf(response), `activating job ${jobKey}`);
    return (await response.json()) as ActivatedJob;
  }

  /** Reports a job's outcome. Returns false when the engine answers that the job is not active any more. */
  async report(jobKey: string, outcome: 'completion' | 'failure' | 'error', body: unknown): Promise<boolean> {
    const response = await this.call(`/v2/jobs/${jobKey}/${outcome}`, 'POST', body);
    if (response.status === 404 || response.status === 409) return false;
    if (!response.ok) throw new EngineCallError(response.status, await problemOf(response), `reporting ${outcome} of job ${jobKey}`);
    return true;
  }

  private async call(path: string, method: string, body: unknown, attempt = 1): Promise<Response> {
    try {
      const response = await fetch(this.connection.url.replace(/\/$/, '') + path, {
        method,
        headers: { Authorization: this.authorization, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (RETRYABLE_STATUS.has(response.status) && attempt < 5) return this.retry(path, method, body, attempt);
      return response;
    } catch (error) {
      if (attempt < 5) return this.retry(path, method, body, attempt);
      throw error;
    }
  }

  private async retry(path: string, method: string, body: unknown, attempt: number): Promise<Response> {
    await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
    return this.call(path, method, body, attempt + 1);
  }
}

async function problemOf(response: Response): Promise<{ code?: string; detail?: string } | null> {
  try {
    return (await response.json()) as { code?: string; detail?: string };
  } catch {
    return null;
  }
}
