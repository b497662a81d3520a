import { useId, useState, type FormEvent } from 'react';
import { correlateMessage, publishMessage } from '../../api/events.api';
import { Link } from '../../router/router';
import { useApi } from '../../session/session.context';
import { MessageRegion, type PageMessage } from '../../ui/message-region';
import { Spinner } from '../../ui/spinner';
import { EventNameField } from './event-name-field';
import { eventProblemText } from './event-problem';
import { parseEventVariables, parseTimeToLive } from './event-variables';
import { JsonVariablesField } from './json-variables-field';

/** Publish (buffered, reaches instances right after the answer) or correlate (at once, to one instance, 404 when none waits). */
export type MessageMode = 'publish' | 'correlate';

export interface MessageFormProps {
  mode: MessageMode;
  /** Pre-filled name and correlation key (from a waiting element). */
  initialName?: string;
  initialCorrelationKey?: string;
  /** Called after the engine accepted the message, with what it answered. */
  onSent?: (text: string) => void;
  /** Focus the first empty field when shown. */
  autoFocus?: boolean;
}

/**
 * A message to publish or correlate: name, correlation key, variables (a JSON object, checked
 * before sending), and for publication a time to live and a message id. Shows the engine's
 * answer: the message key, for a correlation the instance it reached; or its refusal, precisely.
 */
export function MessageForm({ mode, initialName = '', initialCorrelationKey = '', onSent, autoFocus = false }: MessageFormProps) {
  const api = useApi();
  const id = useId();
  const [name, setName] = useState(initialName);
  const [correlationKey, setCorrelationKey] = useState(initialCorrelationKey);
  const [variables, setVariables] = useState('');
  const [timeToLive, setTimeToLive] = useState('');
  const [messageId, setMessageId] = useState('');
  const [errors, setErrors] = useState<{ name?: string; variables?: string; timeToLive?: string }>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PageMessage | null>(null);
  const publish = mode === 'publish';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseEventVariables(variables);
    const ttl = parseTimeToLive(publish ? timeToLive : '');
    const found = {
      name: name.trim() === '' ? 'Enter the message name, as the model names it.' : undefined,
      variables: parsed.ok ? undefined : parsed.error,
      timeToLive: ttl.ok ? undefined : ttl.error,
    };
    setErrors(found);
    if (found.name || !parsed.ok || !ttl.ok) {
      setOutcome({ tone: 'error', text: 'Nothing was sent: correct the marked fields.' });
      return;
    }
    setBusy(true);
    setOutcome(null);
    const request = { name: name.trim(), ...(correlationKey !== '' && { correlationKey }), ...(parsed.variables && { variables: parsed.variables }) };
    try {
      if (publish) {
        const result = await publishMessage(api, { ...request, ...(ttl.milliseconds > 0 && { timeToLive: ttl.milliseconds }), ...(messageId.trim() && { messageId: messageId.trim() }) });
        const text = `Message ${request.name} published: message key ${result.messageKey}.`;
        setOutcome({ tone: 'success', text });
        onSent?.(text);
      } else {
        const result = await correlateMessage(api, request);
        const text = `Message ${request.name} correlated to instance ${result.processInstanceKey} (message key ${result.messageKey}).`;
        setOutcome({
          tone: 'success',
          text: (
            <>
              Message {request.name} correlated to instance <Link to={`/operate/instances/${result.processInstanceKey}`}>{result.processInstanceKey}</Link> (message key{' '}
              <span className="mono">{result.messageKey}</span>).
            </>
          ),
        });
        onSent?.(text);
      }
    } catch (error) {
      setOutcome({ tone: 'error', text: eventProblemText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form event-form" onSubmit={submit} noValidate aria-busy={busy}>
      <EventNameField id={id} label="Message name" placeholder="e.g. payment-received" value={name} onChange={setName} error={errors.name} autoFocus={autoFocus && initialName === ''} />
      <div className="field">
        <label htmlFor={`${id}-key`}>Correlation key</label>
        <input id={`${id}-key`} type="text" autoComplete="off" spellCheck={false} placeholder="e.g. order-4711" value={correlationKey} onChange={(event) => setCorrelationKey(event.target.value)} />
      </div>
      <JsonVariablesField value={variables} onChange={setVariables} error={errors.variables ?? null} autoFocus={autoFocus && initialName !== ''} />
      {publish && (
        <div className="event-form-row">
          <div className="field">
            <label htmlFor={`${id}-ttl`}>Time to live (seconds)</label>
            <input
              id={`${id}-ttl`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              placeholder="0: not buffered"
              value={timeToLive}
              onChange={(event) => setTimeToLive(event.target.value)}
              aria-invalid={errors.timeToLive ? true : undefined}
              aria-describedby={`${id}-ttl-error`}
            />
            <span id={`${id}-ttl-error`} aria-live="polite">
              {errors.timeToLive && <span className="field-error">{errors.timeToLive}</span>}
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${id}-message-id`}>Message id (optional)</label>
            <input id={`${id}-message-id`} type="text" autoComplete="off" spellCheck={false} value={messageId} onChange={(event) => setMessageId(event.target.value)} />
          </div>
        </div>
      )}
      <p className="card-hint">
        {publish
          ? 'Published messages reach every process with an instance waiting for this name and key, right after the engine answers; with a time to live they wait for instances that subscribe later.'
          : 'A correlation reaches one waiting instance at once, or is refused when nothing waits for the name and key.'}
      </p>
      <div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy && <Spinner />}
          {publish ? (busy ? 'Publishing…' : 'Publish message') : busy ? 'Correlating…' : 'Correlate message'}
        </button>
      </div>
      <MessageRegion message={outcome} />
    </form>
  );
}
