import { useId, useState, type FormEvent } from 'react';

/**
 * "Create a form": asks for the form id (what a user task's `zeebe:formDefinition formId` will
 * name) and hands it to `onCreate`. Shown as the empty state and behind "New form".
 */
export function NewFormPanel({ onCreate, onCancel, autoFocus }: { onCreate: (formId: string) => void; onCancel?: () => void; autoFocus?: boolean }) {
  const [formId, setFormId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const id = formId.trim();
    if (!id) {
      setError('Enter a form ID: user tasks link to the form by it.');
      return;
    }
    if (/\s/.test(id)) {
      setError('A form ID has no spaces; use letters, digits, "-" or "_".');
      return;
    }
    setError(null);
    onCreate(id);
  };

  return (
    <form className="card new-form-panel" onSubmit={onSubmit} noValidate aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} className="new-form-title">
        Create a form
      </h2>
      <div className="field">
        <label htmlFor={inputId}>Form ID</label>
        <input
          id={inputId}
          type="text"
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          placeholder="e.g. approve-invoice"
          value={formId}
          onChange={(event) => setFormId(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
        />
      </div>
      <div id={errorId} aria-live="polite">
        {error && <p className="form-error">{error}</p>}
      </div>
      <div className="new-form-actions">
        <button type="submit" className="button button-primary">
          Create form
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
