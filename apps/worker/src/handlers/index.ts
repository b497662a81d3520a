import { httpHandler } from './http.handler.js';
import type { HandlerDefinition } from './job-handler.js';
import { orderHandlers } from './order-handlers.js';
import { Outbox } from './outbox.js';

/** Every job type the worker process serves. */
export function builtInHandlers(outboxDir: string): HandlerDefinition[] {
  return [...orderHandlers(new Outbox(outboxDir)), httpHandler];
}

export type { HandlerDefinition } from './job-handler.js';
