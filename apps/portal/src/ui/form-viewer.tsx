/**
 * A form-js form (the viewer of @bpmn-io/form-js 1.23, the same renderer as Camunda's Tasklist)
 * inside a React page. Heavy (form-js + its FEEL engine), so pages load it with
 * `lazy(() => import('../../ui/form-viewer'))`; its stylesheet comes along with it.
 */
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js-viewer';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { FormSchema } from '../api/forms.api';

/** The outcome of {@link FormViewerHandle.submit}. */
export type FormSubmission =
  | { valid: true; data: Record<string, unknown> }
  /** `fields`: the labels of the invalid fields, in form order. */
  | { valid: false; fields: string[] };

/** What a page can do with a rendered form. */
export interface FormViewerHandle {
  /**
   * Validates every field (form-js shows the messages next to the fields and the first invalid
   * field gets focus) and returns the form's data when all are valid.
   */
  submit(): FormSubmission;
}

export interface FormViewerProps {
  schema: FormSchema;
  /** Initial values and the context of the form's expressions and templates (`{{amount}}`). */
  data: Record<string, unknown>;
  /** Shows the values without letting anyone change them (a task claimed by a colleague). @default false */
  readOnly?: boolean;
  /** Receives the handle once the form is ready. */
  handleRef?: Ref<FormViewerHandle | null>;
  /** Accessible name of the form's region, e.g. "Form: Approve expense". */
  label: string;
}

/**
 * Renders `schema` with `data`. A schema or data with different content renders the form afresh
 * (typed values are lost); the same content in new objects (a page that re-reads the task, a
 * parent that rebuilds its props) changes nothing; `readOnly` changes in place, keeping what was
 * typed.
 *
 * Typed characters are never dropped: form-js's 300 ms input debounce is off. With it on, a
 * field's delayed change re-rendered the whole form while the user typed into the next field,
 * whose own change was still waiting, and Preact reset that input to the form's older value
 * (the characters typed right after a number or date field were lost); a number field even
 * queues such a change on its first render, so the first 0.3 s after the form appeared lost
 * keys too. test/e2e/portal-form-typing.test.ts types at human speed into every field type.
 */
export default function FormViewer({ schema, data, readOnly = false, handleRef, label }: FormViewerProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<Form | null>(null);
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const [importProblem, setImportProblem] = useState<string | null>(null);
  // The form is imported again only when the content changes, never for equal copies.
  const schemaText = JSON.stringify(schema);
  const dataText = JSON.stringify(data);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // debounce off: form-js otherwise applies typed text 300 ms later (or on blur): a re-render
    // meanwhile drops the keys typed since (see above), and a Start or Complete pressed meanwhile
    // submits the form without them (form-js reads `debounce` from its config; its FormOptions
    // type does not list it)
    const options: ConstructorParameters<typeof Form>[0] & { debounce: false } = { container, debounce: false, properties: { readOnly: readOnlyRef.current } };
    const form = new Form(options);
    let disposed = false;
    setImportProblem(null);
    form.importSchema(JSON.parse(schemaText) as FormSchema, JSON.parse(dataText) as Record<string, unknown>).then(
      () => {
        if (!disposed) formRef.current = form;
      },
      (error: unknown) => {
        if (!disposed) setImportProblem(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      disposed = true;
      formRef.current = null;
      form.destroy();
    };
  }, [schemaText, dataText]);

  useEffect(() => {
    formRef.current?.setProperty('readOnly', readOnly);
  }, [readOnly]);

  useImperativeHandle(
    handleRef,
    () => ({
      submit(): FormSubmission {
        const form = formRef.current;
        if (!form) return { valid: false, fields: [] };
        const { data: values, errors } = form.submit();
        const invalidIds = Object.keys(errors).filter((id) => (errors[id] ?? []).length > 0);
        if (invalidIds.length === 0) return { valid: true, data: values as Record<string, unknown> };
        // form-js renders the messages on its next paint; then focus the first invalid field.
        window.requestAnimationFrame(() => containerRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
        return { valid: false, fields: labelsInFormOrder(schema, new Set(invalidIds)) };
      },
    }),
    [schema],
  );

  return (
    <section className="form-viewer" aria-label={label}>
      {importProblem && (
        <p className="form-error" role="alert">
          This form can’t be shown: {importProblem}
        </p>
      )}
      <div ref={containerRef} className="form-viewer-canvas" />
    </section>
  );
}

interface SchemaComponent {
  id?: string;
  key?: string;
  label?: string;
  dateLabel?: string;
  timeLabel?: string;
  components?: SchemaComponent[];
}

/** The labels of the components whose ids are in `ids`, walking groups and dynamic lists in order. */
function labelsInFormOrder(schema: FormSchema, ids: Set<string>): string[] {
  const labels: string[] = [];
  const walk = (components: unknown[] | undefined) => {
    for (const component of (components ?? []) as SchemaComponent[]) {
      if (component.id && ids.has(component.id)) labels.push(component.label || component.dateLabel || component.timeLabel || component.key || component.id);
      walk(component.components);
    }
  };
  walk(schema.components);
  // An id form-js reports that the walk did not find (e.g. inside a repeated row) still counts.
  return labels.length > 0 ? labels : [...ids];
}
