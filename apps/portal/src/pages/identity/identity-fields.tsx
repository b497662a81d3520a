import { useEffect, useId, useRef, type RefObject } from 'react';

/** A labelled text input of the Identity forms. */
export function TextField({
  label,
  value,
  onChange,
  type = 'text',
  autoComplete = 'off',
  hint,
  required = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'email';
  autoComplete?: string;
  hint?: string;
  required?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {!required && <span className="muted"> (optional)</span>}
      </label>
      <input id={id} type={type} autoComplete={autoComplete} spellCheck={false} value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint && (
        <span id={`${id}-hint`} className="field-hint muted">
          {hint}
        </span>
      )}
    </div>
  );
}

/** A select with a button: "add this one" (a group to a user, a member to a group, a role to either). */
export function AddPicker({ label, options, onAdd, busy }: { label: string; options: Array<{ value: string; text: string }>; onAdd: (value: string) => void; busy: boolean }) {
  const id = useId();
  if (options.length === 0) return null;
  return (
    <form
      className="identity-picker"
      onSubmit={(event) => {
        event.preventDefault();
        const value = new FormData(event.currentTarget).get('value');
        if (typeof value === 'string' && value) onAdd(value);
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select id={id} name="value" defaultValue="">
        <option value="" disabled>
          {label}…
        </option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-secondary" disabled={busy}>
        Add
      </button>
    </form>
  );
}

/** A list of names, each with a remove button. */
export function RemovableList({ items, label, onRemove, busy, empty }: { items: string[]; label: string; onRemove: (item: string) => void; busy: boolean; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="identity-list" aria-label={label}>
      {items.map((item) => (
        <li key={item}>
          <span>{item}</span>
          <button type="button" className="button-link" onClick={() => onRemove(item)} disabled={busy} aria-label={`Remove ${item}`}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * A ref for a detail panel that, on screens too narrow to show it beside the list (where it comes
 * below the list and the form), scrolls it into view when it opens.
 */
export function useRevealOnNarrowScreens<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (window.matchMedia('(max-width: 1099px)').matches) ref.current?.scrollIntoView({ block: 'start' });
  }, []);
  return ref;
}
