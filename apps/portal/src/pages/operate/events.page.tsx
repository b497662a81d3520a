import { useId, useState } from 'react';
import { useSignedIn } from '../../session/session.context';
import { MessageRegion } from '../../ui/message-region';
import { canSendEvents } from '../../ui/permissions';
import { MessageForm } from './message-form';
import { OperateTabs } from './operate-tabs';
import { SignalForm } from './signal-form';

type What = 'publish' | 'correlate' | 'broadcast';

const CHOICES: Array<{ value: What; label: string; hint: string }> = [
  { value: 'publish', label: 'Publish a message', hint: 'Reaches the waiting instances of every process; may be buffered.' },
  { value: 'correlate', label: 'Correlate a message', hint: 'Reaches one waiting instance at once, and says which.' },
  { value: 'broadcast', label: 'Broadcast a signal', hint: 'Wakes every instance waiting for it.' },
];

/**
 * "Messages & signals": publish or correlate a message, or broadcast a signal, with any name,
 * correlation key and variables, as another system would over the API. For users with
 * `message:publish` (admins); others are told they may not (the engine would refuse them).
 */
export function EventsPage() {
  const { user } = useSignedIn();
  const id = useId();
  const [what, setWhat] = useState<What>('publish');
  const allowed = canSendEvents(user);

  return (
    <div className="operate">
      <OperateTabs />
      <div className="page-header">
        <h1 className="page-title" tabIndex={-1} data-page-heading>
          Messages &amp; signals
        </h1>
        <p className="page-intro">Send a message or a signal to the engine, as the systems that own those facts do over the API.</p>
      </div>
      {allowed ? (
        <section className="card events-card" aria-labelledby={`${id}-heading`}>
          <h2 id={`${id}-heading`} className="visually-hidden">
            {CHOICES.find((choice) => choice.value === what)!.label}
          </h2>
          <fieldset className="event-choice">
            <legend className="event-choice-legend">What to send</legend>
            {CHOICES.map((choice) => (
              <label key={choice.value} className="event-choice-option">
                <input type="radio" name={`${id}-what`} value={choice.value} checked={what === choice.value} onChange={() => setWhat(choice.value)} />
                <span>
                  <strong>{choice.label}</strong>
                  <span className="muted event-choice-hint">{choice.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {what === 'broadcast' ? <SignalForm key="broadcast" /> : <MessageForm key={what} mode={what} />}
        </section>
      ) : (
        <MessageRegion message={{ tone: 'info', text: 'Only admins may publish messages and broadcast signals from the portal.' }} />
      )}
    </div>
  );
}
