import { lazy, Suspense, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { RenderableForm } from '../api/forms.api';
import type { FormViewerHandle } from './form-viewer';
import { Spinner } from './spinner';
import { newVariableRow, parseVariableRows, type VariableRow, type VariableRowError } from './variable-rows';
import { VariablesEditor } from './variables-editor';

const FormViewer = lazy(() => import('./form-viewer'));

/** The outcome of {@link InputsHandle.collect}. */
export type CollectedInputs = { valid: true; variables: Record<string, unknown> } | { valid: false; message: string };

/** What a page can do with the inputs. */
export interface InputsHandle {
  /** Validates (showing the problems at the fields) and returns the variables to send. */
  collect(): CollectedInputs;
}

export interface FormOrVariablesProps {
  /** The form to render, or null for the variables editor. */
  form: RenderableForm | null;
  /** The form's initial data (a task's variables); unused by the editor. */
  data: Record<string, unknown>;
  /** @default false */
  readOnly?: boolean;
  /** While a request runs: the editor is disabled. @default false */
  busy?: boolean;
  handleRef: Ref<InputsHandle | null>;
  /** Accessible name of the form, e.g. "Form: Approve expense". */
  formLabel: string;
  /** Heading of the variables editor. */
  editorLegend: string;
}

/**
 * What a user fills in to complete a task or start a process: the form-js form when there is
 * one (validated by form-js), otherwise rows of variable name + JSON value (validated here).
 */
export function FormOrVariables({ form, data, readOnly = false, busy = false, handleRef, formLabel, editorLegend }: FormOrVariablesProps) {
  const viewerRef = useRef<FormViewerHandle | null>(null);
  const editorRef = useRef<HTMLDivElement>(null);
  const [rows, setRows] = useState<VariableRow[]>(() => [newVariableRow()]);
  const [rowErrors, setRowErrors] = useState<Record<number, VariableRowError>>({});

  useImperativeHandle(
    handleRef,
    () => ({
      collect(): CollectedInputs {
        if (form) {
          const viewer = viewerRef.current;
          if (!viewer) return { valid: false, message: 'The form is still loading; try again in a moment.' };
          const result = viewer.submit();
          if (result.valid) return { valid: true, variables: result.data };
          if (result.fields.length === 0) return { valid: false, message: 'Check the fields marked in the form.' };
          const list = result.fields.join(', ');
          return { valid: false, message: `Check ${result.fields.length === 1 ? 'this field' : 'these fields'}: ${list}${/[.?!]$/.test(list) ? '' : '.'}` };
        }
        const parsed = parseVariableRows(rows);
        if (parsed.valid) {
          setRowErrors({});
          return { valid: true, variables: parsed.variables };
        }
        setRowErrors(parsed.errors);
        // After React rendered the messages, move to the first field that has one.
        window.requestAnimationFrame(() => editorRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
        return { valid: false, message: `Fix the ${parsed.count === 1 ? 'variable' : `${parsed.count} variables`} marked below.` };
      },
    }),
    [form, rows],
  );

  if (form) {
    return (
      <Suspense
        fallback={
          <p className="page-loading" role="status">
            <Spinner /> Loading the form…
          </p>
        }
      >
        <FormViewer schema={form.schema} data={data} readOnly={readOnly} handleRef={viewerRef} label={formLabel} />
      </Suspense>
    );
  }
  if (readOnly) return null;
  return (
    <div ref={editorRef}>
      <VariablesEditor
        rows={rows}
        onChange={(next) => {
          setRows(next);
          setRowErrors({});
        }}
        errors={rowErrors}
        disabled={busy}
        legend={editorLegend}
      />
    </div>
  );
}
