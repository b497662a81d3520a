import { useId, useState, type FormEvent } from 'react';
import { broadcastSignal } from '../../api/events.api';
import { useApi } from '../../session/session.context';
import { MessageRegion, type PageMessage } from '../../ui/message-region';
import { Spinner } from '../../ui/spinner';
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
      <div className="field">
        <label htmlFor={`${id}-name`}>Signal name</label>
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          data-autofocus={(autoFocus && initialName === '') || undefined}
          placeholder="e.g. order-cancelled"
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={`${id}-name-error`}
        />
        <span id={`${id}-name-error`} aria-live="polite">
          {errors.name && <span className="field-error">{errors.name}</span>}
        </span>
      </div>
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
