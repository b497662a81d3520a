import { BpmnError } from '#worker-sdk';
import type { HandlerDefinition } from './job-handler.js';

/**
 * The generic `http` job type: a model calls a URL without anyone writing a worker.
 * Task headers: `url` (required), `method` (default GET), `bodyVariable` (a variable sent as
 * the JSON body; without it, POST/PUT/PATCH send every fetched variable), `resultVariable`
 * (default `response`), `timeoutMs` (default 10000). The response becomes
 * `{ status, body }` (body parsed as JSON when it is JSON). A 5xx or a network error fails the
 * job (retried); a 4xx raises the BPMN error `HTTP_<status>`.
 */
export const httpHandler: HandlerDefinition = {
  type: 'http',
  handler: async (job) => {
    const headers = job.customHeaders;
    if (!headers.url) throw new BpmnError('HTTP_NO_URL', "The task has no 'url' header");
    const method = (headers.method ?? 'GET').toUpperCase();
    let body: string | undefined;
    if (headers.bodyVariable) body = JSON.stringify(job.variables[headers.bodyVariable] ?? null);
    else if (['POST', 'PUT', 'PATCH'].includes(method)) body = JSON.stringify(job.variables);
    const response = await fetch(headers.url, {
      method,
      headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), Accept: 'application/json, text/plain;q=0.9' },
      body,
      signal: AbortSignal.timeout(Number(headers.timeoutMs ?? 10_000)),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    if (response.status >= 500) throw new Error(`${method} ${headers.url} answered ${response.status}`);
    if (response.status >= 400) throw new BpmnError(`HTTP_${response.status}`, `${method} ${headers.url} answered ${response.status}`, { [headers.resultVariable ?? 'response']: { status: response.status, body: parsed } });
    return { [headers.resultVariable ?? 'response']: { status: response.status, body: parsed } };
  },
};
