/**
 * Typed calls for messages and signals: what an instance's waiting elements wait for
 * (`GET /v2/process-instances/{key}/waits`, a Baton addition), and publishing, correlating and
 * broadcasting (Camunda 8 shapes; the engine allows them to roles with `message:publish`).
 */
import type { ApiClient } from './api-client';

/** What one waiting element of an instance waits for: an open subscription or an active timer. */
export interface InstanceWait {
  /** The element instance that waits (for an event-based gateway: the gateway; for a boundary event: its activity). */
  elementInstanceKey: string;
  elementId: string;
  /** The catching element: catch event, receive task, boundary event or event subprocess start event. */
  catchElementId: string;
  kind: 'message' | 'signal' | 'timer' | 'conditional';
  interrupting: boolean;
  messageName?: string;
  /** '' when the subscription has no correlation key. */
  correlationKey?: string;
  signalName?: string;
  /** ISO instant a timer is due. */
  dueDate?: string;
  /** A timer's cycle, e.g. `R3/PT10M`. */
  cycle?: string;
  /** How often a cycle fires from this one on; null without end. */
  repetitionsLeft?: number | null;
  /** A condition, without the leading `=`. */
  condition?: string;
}

export async function getInstanceWaits(api: ApiClient, processInstanceKey: string, signal?: AbortSignal): Promise<InstanceWait[]> {
  const result = await api.get<{ items: InstanceWait[] }>(`/v2/process-instances/${encodeURIComponent(processInstanceKey)}/waits`, { signal });
  return result.items;
}

/** Body of `POST /v2/messages/correlation`. */
export interface CorrelateMessageRequest {
  name: string;
  correlationKey?: string;
  variables?: Record<string, unknown>;
}

/** Body of `POST /v2/messages/publication`: a correlation's fields plus buffering. */
export interface PublishMessageRequest extends CorrelateMessageRequest {
  /** Milliseconds to buffer the message for subscriptions that open later. @default 0 */
  timeToLive?: number;
  /** Unique among buffered messages with the same name and key (409 otherwise). */
  messageId?: string;
}

export interface PublishMessageResult {
  messageKey: string;
  tenantId: string;
}

export interface CorrelateMessageResult {
  messageKey: string;
  tenantId: string;
  /** The instance the message reached (or started). */
  processInstanceKey: string;
}

/** Publishes a message: it reaches waiting instances right after the answer, and is buffered for `timeToLive`. */
export function publishMessage(api: ApiClient, request: PublishMessageRequest): Promise<PublishMessageResult> {
  return api.post<PublishMessageResult>('/v2/messages/publication', request);
}

/** Correlates a message to one waiting instance at once; 404 when nothing waits for it. */
export function correlateMessage(api: ApiClient, request: CorrelateMessageRequest): Promise<CorrelateMessageResult> {
  return api.post<CorrelateMessageResult>('/v2/messages/correlation', request);
}

/** Body of `POST /v2/signals/broadcast`. */
export interface BroadcastSignalRequest {
  signalName: string;
  variables?: Record<string, unknown>;
}

export interface BroadcastSignalResult {
  signalKey: string;
  tenantId: string;
}

/** Broadcasts a signal to every waiting instance and signal start event. */
export function broadcastSignal(api: ApiClient, request: BroadcastSignalRequest): Promise<BroadcastSignalResult> {
  return api.post<BroadcastSignalResult>('/v2/signals/broadcast', request);
}
