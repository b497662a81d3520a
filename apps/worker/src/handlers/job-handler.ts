import type { JobHandler, WorkerOptions } from '#worker-sdk';

/** One job type the worker process serves: its type, handler and worker options. */
export interface HandlerDefinition {
  type: string;
  handler: JobHandler;
  options?: Pick<WorkerOptions, 'concurrency' | 'timeout' | 'backoff' | 'fetchVariables'>;
}
