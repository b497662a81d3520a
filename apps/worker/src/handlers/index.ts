import { httpHandler } from './http.handler.js';
import type { HandlerDefinition } from './job-handler.js';
import { orderHandlers } from './order-handlers.js';
import { Outbox } from './outbox.js';
import { tripHandlers } from './trip-handlers.js';

/** Every job type the worker process serves. */
export function builtInHandlers(outboxDir: string): HandlerDefinition[] {
  const outbox = new Outbox(outboxDir);
  return [...orderHandlers(outbox), ...tripHandlers(outbox), httpHandler];
}

export type { HandlerDefinition } from './job-handler.js';
