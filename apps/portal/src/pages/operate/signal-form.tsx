import { useId, useState, type FormEvent } from 'react';
import { broadcastSignal } from '../../api/events.api';
import { useApi } from '../../session/session.context';
import { MessageRegion, type PageMessage } from '../../ui/message-region';
import { Spinner } from '../../ui/spinner';
import { EventNameField } from './event-name-field';
import { eventProblemText } from './event-problem';
import { parseEventVariables } from './event-variables';
import { JsonVariablesField } from './json-variables-field';

/**
 * A signal to broadcast: its name and variables (a JSON object, checked before sending). Shows
 * the signal key the engine answered, or its refusal.
 */
export function SignalForm({ initialName = '', onSent, autoFocus = false }: { initialName?: string; onSent?: (text: string) => void; autoFocus?: boolean }) {
  const api = useApi();
  const id = useId();
  const [name, setName] = useState(initialName);
  const [variables, setVariables] = useState('');
  const [errors, setErrors] = useState<{ name?: string; variables?: string }>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PageMessage | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseEventVariables(variables);
    const found = { name: name.trim() === '' ? 'Enter the signal name, as the model names it.' : undefined, variables: parsed.ok ? undefined : parsed.error };
    setErrors(found);
    if (found.name || !parsed.ok) {
      setOutcome({ tone: 'error', text: 'Nothing was sent: correct the marked fields.' });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const result = await broadcastSignal(api, { signalName: name.trim(), ...(parsed.variables && { variables: parsed.variables }) });
      const text = `Signal ${name.trim()} broadcast: signal key ${result.signalKey}.`;
      setOutcome({ tone: 'success', text });
      onSent?.(text);
    } catch (error) {
      setOutcome({ tone: 'error', text: eventProblemText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form event-form" onSubmit={submit} noValidate aria-busy={busy}>
      <EventNameField id={id} label="Signal name" placeholder="e.g. order-cancelled" value={name} onChange={setName} error={errors.name} autoFocus={autoFocus && initialName === ''} />
      <JsonVariablesField value={variables} onChange={setVariables} error={errors.variables ?? null} autoFocus={autoFocus && initialName !== ''} />
      <p className="card-hint">A signal wakes every instance waiting for it and starts every process with a signal start event for it.</p>
      <div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy && <Spinner />}
          {busy ? 'Broadcasting…' : 'Broadcast signal'}
        </button>
      </div>
      <MessageRegion message={outcome} />
    </form>
  );
}
