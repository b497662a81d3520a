/** The name field of the send-message and broadcast-signal forms, with its error under it. */
export function EventNameField({
  id,
  label,
  placeholder,
  value,
  onChange,
  error,
  autoFocus,
}: {
  /** Prefix of the element ids (the form's `useId()`). */
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  autoFocus: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={`${id}-name`}>{label}</label>
      <input
        id={`${id}-name`}
        type="text"
        autoComplete="off"
        spellCheck={false}
        data-autofocus={autoFocus || undefined}
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-name-error`}
      />
      <span id={`${id}-name-error`} aria-live="polite">
        {error && <span className="field-error">{error}</span>}
      </span>
    </div>
  );
}
