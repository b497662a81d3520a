import { useId, useRef } from 'react';
import { newVariableRow, type VariableRow, type VariableRowError } from './variable-rows';

export interface VariablesEditorProps {
  rows: readonly VariableRow[];
  onChange: (rows: VariableRow[]) => void;
  /** Problems per row id, from `parseVariableRows`; shown under the fields. */
  errors?: Record<number, VariableRowError>;
  /** While a request runs. @default false */
  disabled?: boolean;
  /** Heading of the editor. */
  legend: string;
}

/**
 * For tasks and start events without a form: rows of variable name and JSON value, added and
 * removed freely. Validation happens on submit (`parseVariableRows`); its errors come back in
 * `errors` and are tied to their fields with `aria-describedby`.
 */
export function VariablesEditor({ rows, onChange, errors = {}, disabled = false, legend }: VariablesEditorProps) {
  const baseId = useId();
  const listRef = useRef<HTMLOListElement>(null);

  const update = (id: number, change: Partial<VariableRow>) => onChange(rows.map((row) => (row.id === id ? { ...row, ...change } : row)));
  const remove = (id: number) => onChange(rows.filter((row) => row.id !== id));
  const add = () => {
    onChange([...rows, newVariableRow()]);
    // Focus the new row's name once it is rendered.
    window.requestAnimationFrame(() => listRef.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };

  return (
    <fieldset className="variables-editor" disabled={disabled}>
      <legend className="variables-editor-legend">{legend}</legend>
      <p className="variables-editor-hint muted">
        Values are JSON: text in double quotes (<code>"travel"</code>), numbers (<code>2500</code>), <code>true</code>/<code>false</code>, lists and
        objects.
      </p>
      {rows.length === 0 && <p className="muted">No variables. Add one, or go ahead without.</p>}
      <ol ref={listRef} className="variable-rows">
        {rows.map((row, index) => {
          const error = errors[row.id];
          const nameId = `${baseId}-name-${row.id}`;
          const valueId = `${baseId}-value-${row.id}`;
          return (
            <li key={row.id} className="variable-row">
              <div className="field variable-name">
                <label htmlFor={nameId}>Name {index + 1}</label>
                <input
                  id={nameId}
                  type="text"
                  autoCapitalize="none"
                  autoCorrect="off"
                  spellCheck={false}
                  value={row.name}
                  onChange={(event) => update(row.id, { name: event.target.value })}
                  aria-invalid={error?.name ? true : undefined}
                  aria-describedby={error?.name ? `${nameId}-error` : undefined}
                />
                {error?.name && (
                  <p id={`${nameId}-error`} className="field-error">
                    {error.name}
                  </p>
                )}
              </div>
              <div className="field variable-value">
                <label htmlFor={valueId}>Value {index + 1} (JSON)</label>
                <textarea
                  id={valueId}
                  rows={1}
                  spellCheck={false}
                  value={row.value}
                  onChange={(event) => update(row.id, { value: event.target.value })}
                  aria-invalid={error?.value ? true : undefined}
                  aria-describedby={error?.value ? `${valueId}-error` : undefined}
                />
                {error?.value && (
                  <p id={`${valueId}-error`} className="field-error">
                    {error.value}
                  </p>
                )}
              </div>
              <button type="button" className="button button-secondary variable-remove" onClick={() => remove(row.id)} aria-label={`Remove variable ${index + 1}${row.name ? ` (${row.name})` : ''}`}>
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button-secondary" onClick={add}>
        Add variable
      </button>
    </fieldset>
  );
}
