/**
 * The form-js editor (1.23.0, pinned with the viewer; it brings its own preact) behind the small
 * API the forms page calls: open a schema, read it back, count edits since the last baseline.
 * This module and its CSS are only loaded with the forms page.
 */
import { FormEditor, schemaVersion } from '@bpmn-io/form-js-editor';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';

/** A form-js schema; `id` is what `zeebe:formDefinition formId` links to. */
export type FormSchema = Record<string, unknown> & { id?: string; components?: unknown[] };

/** The schema of a new, empty form with the given id. */
export function newFormSchema(formId: string): FormSchema {
  return { id: formId, type: 'default', components: [], schemaVersion, exporter: { name: 'Baton Form Editor', version: '1.0' } };
}

type ChangeListener = (editsSinceBaseline: number, schema: FormSchema) => void;

export class BatonFormEditor {
  private readonly editor: FormEditor;
  private edits = 0;
  private readonly listeners = new Set<ChangeListener>();

  constructor(container: HTMLElement) {
    this.editor = new FormEditor({ container, exporter: { name: 'Baton Form Editor', version: '1.0' } });
    this.editor.on('commandStack.changed', (event: { trigger?: string | null }) => {
      if (event.trigger === 'clear') this.edits = 0;
      else if (event.trigger === 'undo') this.edits -= 1;
      else this.edits += 1;
      this.notify();
    });
  }

  /** Opens a schema; resolves to the editor's import warnings. Rejects for a schema it cannot read. */
  async open(schema: FormSchema): Promise<string[]> {
    const { warnings } = await this.editor.importSchema(schema as never);
    this.setBaseline();
    return warnings.map((warning: unknown) => (warning instanceof Error ? warning.message : String(warning)));
  }

  /** The current schema, as form-js exports it. */
  schema(): FormSchema {
    return this.editor.saveSchema() as FormSchema;
  }

  /** Treats the current state as saved. */
  setBaseline(): void {
    this.edits = 0;
    this.notify();
  }

  /** Edits since the baseline (undos count back). */
  get editCount(): number {
    return this.edits;
  }

  /** Moves the baseline forward by the `saved` edits; edits made while a save was in flight stay unsaved. */
  rebase(saved: number): void {
    this.edits -= saved;
    this.notify();
  }

  /** Calls `listener` after every edit, undo and redo; returns the unsubscription. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  destroy(): void {
    this.listeners.clear();
    this.editor.destroy();
  }

  private notify(): void {
    const schema = this.schema();
    this.listeners.forEach((listener) => listener(this.edits, schema));
  }
}
