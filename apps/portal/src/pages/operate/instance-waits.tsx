import { useState } from 'react';
import type { InstanceWait } from '../../api/events.api';
import { formatDateTime } from '../../ui/format-time';
import { SendEventDialog, type SendEventIntent } from './send-event-dialog';
import { interruptingText, waitText } from './wait-text';

export interface InstanceWaitsProps {
  waits: InstanceWait[];
  /** Element id → name (of the model, so catch events that never ran are named too). */
  elementNames: Map<string, string>;
  /** Offer "Publish message…", "Correlate message…" and "Broadcast signal…" (users with `message:publish`, on a running instance). */
  canSend: boolean;
  /** After the engine accepted a message or signal from one of the dialogs. */
  onSent: (text: string) => void;
}

/**
 * "Waiting for": what each waiting element of the instance waits for (message name and key,
 * signal, timer due date, condition), with the actions that send it for those who may.
 */
export function InstanceWaits({ waits, elementNames, canSend, onSent }: InstanceWaitsProps) {
  const [intent, setIntent] = useState<SendEventIntent | null>(null);
  const dialog = intent && <SendEventDialog intent={intent} onClose={() => setIntent(null)} onSent={onSent} />;
  const nameOf = (id: string) => elementNames.get(id) ?? id;
  if (waits.length === 0 && !dialog) return null;
  // The dialog keeps its place (and the engine's answer) when what it sent ended the wait.
  return (
    <>
      {waits.length > 0 && (
        <section className="card waits-card" aria-labelledby="waits-heading">
          <h2 id="waits-heading" className="card-title">
            Waiting for
          </h2>
          <ul className="wait-list">
            {waits.map((wait) => (
              <li key={`${wait.elementInstanceKey}:${wait.catchElementId}`} className="wait-item">
                <div className="wait-head">
                  <strong className="wait-element">{nameOf(wait.catchElementId)}</strong>
                  {wait.elementId && wait.elementId !== wait.catchElementId && <span className="muted"> · at {nameOf(wait.elementId)}</span>}
                </div>
                <p className="wait-what">
                  <span className={`wait-kind wait-kind-${wait.kind}`}>{waitText(wait)}</span>
                  <span className="muted"> · {interruptingText(wait)}</span>
                </p>
                {wait.kind === 'timer' && wait.dueDate && (
                  <p className="muted wait-detail">
                    Due <time dateTime={wait.dueDate}>{formatDateTime(wait.dueDate)}</time>
                    {wait.cycle && (wait.repetitionsLeft === null ? ', repeats without end' : wait.repetitionsLeft !== undefined ? `, fires ${wait.repetitionsLeft} more ${wait.repetitionsLeft === 1 ? 'time' : 'times'}` : '')}
                  </p>
                )}
                {canSend && wait.kind === 'message' && (
                  <div className="wait-actions">
                    <button type="button" className="button button-secondary" onClick={() => setIntent({ action: 'correlate', wait })}>
                      Correlate message…<span className="visually-hidden"> {wait.messageName}</span>
                    </button>
                    <button type="button" className="button button-secondary" onClick={() => setIntent({ action: 'publish', wait })}>
                      Publish message…<span className="visually-hidden"> {wait.messageName}</span>
                    </button>
                  </div>
                )}
                {canSend && wait.kind === 'signal' && (
                  <div className="wait-actions">
                    <button type="button" className="button button-secondary" onClick={() => setIntent({ action: 'broadcast', wait })}>
                      Broadcast signal…<span className="visually-hidden"> {wait.signalName}</span>
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {dialog}
    </>
  );
}
