import { useId } from 'react';

/**
 * The variables of a message or signal as a JSON object in a text area; `error` (from
 * `parseEventVariables`) is shown under it and tied to it for assistive technology. `autoFocus`:
 * focused when shown (a dialog whose name is pre-filled starts here).
 */
export function JsonVariablesField({ value, onChange, error, autoFocus = false }: { value: string; onChange: (value: string) => void; error: string | null; autoFocus?: boolean }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Variables</label>
      <textarea
        id={id}
        className="json-variables"
        rows={4}
        data-autofocus={autoFocus || undefined}
        spellCheck={false}
        autoComplete="off"
        placeholder='{"paid": true}'
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint ${id}-error`}
      />
      <span id={`${id}-hint`} className="field-hint muted">
        A JSON object, or empty for none.
      </span>
      <span id={`${id}-error`} aria-live="polite">
        {error && <span className="field-error">{error}</span>}
      </span>
    </div>
  );
}
