import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { PageMessage } from '../../ui/message-region';
import { problemText, runChange, type IdentityData } from './identity-data';

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

/**
 * What the detail panel of a user, group or role shares: its own data read from the engine (when
 * `key` changes, and again after every change), a busy flag while a change runs, and the message
 * of the last change or failed read.
 */
export function useDetailPanel<T>(data: IdentityData, key: string, read: () => Promise<T>) {
  const [loaded, setLoaded] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<PageMessage | null>(null);

  const load = async () => {
    try {
      setLoaded(await read());
    } catch (error) {
      setMessage({ tone: 'error', text: problemText(error) });
    }
  };
  useEffect(() => {
    void load();
  }, [key]);

  /** Runs one change (runChange), then reads the page's lists and this panel again; `after` once it went through. */
  const change = async (what: () => Promise<unknown>, done: string, after?: () => void) => {
    setBusy(true);
    const ok = await runChange(what, done, setMessage, async () => {
      await Promise.all([data.reload(), load()]);
    });
    setBusy(false);
    if (ok) after?.();
  };

  return { loaded, busy, message, setMessage, change };
}

/** The heading of a detail panel: the name, the id in small type, and a Close button. */
export function DetailHeading({ headingId, title, id, onClose }: { headingId: string; title: string; id: string; onClose: () => void }) {
  return (
    <div className="identity-detail-head">
      <h2 id={headingId} className="identity-detail-title">
        {title} <span className="muted mono">{id}</span>
      </h2>
      <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
        ×
      </button>
    </div>
  );
}
