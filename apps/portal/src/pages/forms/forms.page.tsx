import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { ApiProblem } from '../../api/api-problem';
import { deploymentProblemsOf, getFormVersion } from '../../api/deployments.api';
import type { PageProps } from '../../route-table';
import { useLeaveGuard, useNavigate } from '../../router/router';
import { useApi } from '../../session/session.context';
import { Spinner } from '../../ui/spinner';
import { DeployedList } from '../modeler/deployed-list';
import { downloadFile, safeFileName } from '../modeler/file-io';
import { ProblemList, refusedStatus, type ListedProblem } from '../modeler/problem-list';
import { useFormVersions } from '../modeler/use-remote-lists';
import { deployForm, describeFormDeployment } from './deploy-form';
import { BatonFormEditor, newFormSchema, type FormSchema } from './form-editor';
import { NewFormPanel } from './new-form-panel';

/** What is in the editor. */
type Source = { kind: 'none' } | { kind: 'new' } | { kind: 'file'; fileName: string } | { kind: 'deployed'; form: DeployedForm };

/** The deployed version in the editor. */
interface DeployedForm {
  formKey: string;
  version: number;
}

type Status = { tone: 'success' | 'error' | 'info'; message: string } | null;

const LEAVE_MESSAGE = 'This form has changes that are not deployed. Leave and lose them?';

function asFormSchema(value: unknown): FormSchema | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return Array.isArray((value as FormSchema).components) ? (value as FormSchema) : null;
}

/**
 * The form editor (`/forms`, `/forms/:formKey`): form-js's editor, the deployed forms to open
 * any version of, new forms by id, JSON import and export, and deployment as `<id>.form`.
 */
export default function FormsPage({ params }: PageProps) {
  const api = useApi();
  const navigate = useNavigate();
  const routeKey = params.formKey ?? null;
  const containerRef = useRef<HTMLDivElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const [editor, setEditor] = useState<BatonFormEditor | null>(null);
  /** False once the page is left: a deployment answering later must not navigate back here. */
  const mounted = useRef(true);
  /** Key of the deployed version in the editor; null for anything else; undefined before the first open. */
  const shownKey = useRef<string | null | undefined>(undefined);
  /** The exact text last opened or deployed: deploying it unchanged keeps the engine's version. */
  const pristineText = useRef<string | null>(null);
  const [source, setSource] = useState<Source>({ kind: 'none' });
  const [formId, setFormId] = useState('');
  const [edits, setEdits] = useState(0);
  const [creating, setCreating] = useState(false);
  const [opening, setOpening] = useState(false);
  const [deploying, setDeploying] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [problems, setProblems] = useState<ListedProblem[]>([]);
  const versions = useFormVersions();
  const dirty = edits !== 0;
  useLeaveGuard(dirty, LEAVE_MESSAGE);

  useEffect(() => {
    const instance = new BatonFormEditor(containerRef.current!);
    const unsubscribe = instance.onChange((count, schema) => {
      setEdits(count);
      setFormId(typeof schema.id === 'string' ? schema.id : '');
    });
    setEditor(instance);
    mounted.current = true;
    return () => {
      mounted.current = false;
      unsubscribe();
      instance.destroy();
    };
  }, []);

  const openSchema = useCallback(
    async (schema: FormSchema, next: Source, key: string | null, text: string | null) => {
      if (!editor) return;
      const warnings = await editor.open(schema);
      shownKey.current = key;
      pristineText.current = text;
      setSource(next);
      setProblems([]);
      setCreating(false);
      setStatus(warnings.length > 0 ? { tone: 'info', message: `Opened with ${warnings.length} warning${warnings.length === 1 ? '' : 's'}: ${warnings.join(' ')}` } : null);
    },
    [editor],
  );

  // Follow the route: a key opens that form version; no key shows "Create a form".
  useEffect(() => {
    if (!editor || routeKey === shownKey.current) return;
    if (routeKey === null) {
      shownKey.current = null;
      setSource({ kind: 'none' });
      setStatus(null);
      editor.setBaseline();
      return;
    }
    const controller = new AbortController();
    setOpening(true);
    getFormVersion(api, routeKey, controller.signal)
      .then((form) => (controller.signal.aborted ? undefined : openSchema(form.schema, { kind: 'deployed', form: { formKey: form.formKey, version: form.version } }, routeKey, null)))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        shownKey.current = routeKey;
        setSource({ kind: 'none' });
        editor.setBaseline();
        setStatus({ tone: 'error', message: error instanceof ApiProblem ? error.detail : `The form could not be opened: ${String(error)}` });
      })
      .finally(() => {
        if (!controller.signal.aborted) setOpening(false);
      });
    return () => controller.abort();
  }, [api, editor, routeKey, openSchema]);

  const onCreate = async (id: string) => {
    if (dirty && !window.confirm(LEAVE_MESSAGE)) return;
    await openSchema(newFormSchema(id), { kind: 'new' }, null, null);
    setStatus({ tone: 'info', message: `New form ${id}: drag fields from the palette, then deploy it.` });
    if (routeKey !== null) navigate('/forms', { replace: true });
  };

  const onFileChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || !editor || (dirty && !window.confirm(LEAVE_MESSAGE))) return;
    const text = await file.text();
    let schema: FormSchema | null;
    try {
      schema = asFormSchema(JSON.parse(text));
    } catch (error) {
      setStatus({ tone: 'error', message: `${file.name} is not JSON: ${(error as Error).message}` });
      return;
    }
    if (!schema) {
      setStatus({ tone: 'error', message: `${file.name} is not a form: expected a JSON object with a components array.` });
      return;
    }
    try {
      await openSchema(schema, { kind: 'file', fileName: file.name }, null, text);
      setStatus({ tone: 'info', message: `Opened ${file.name}. Deploy it to make it a version on the engine.` });
      if (routeKey !== null) navigate('/forms', { replace: true });
    } catch (error) {
      setStatus({ tone: 'error', message: `${file.name} could not be opened: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const currentText = () => (!dirty && pristineText.current !== null ? pristineText.current : `${JSON.stringify(editor!.schema(), null, 2)}\n`);
  const fileName = () => `${safeFileName(formId || 'form')}.form`;

  const onDownload = () => {
    if (editor) downloadFile(fileName(), currentText(), 'application/json');
  };

  const onDeploy = async () => {
    if (!editor || deploying) return;
    if (!formId.trim()) {
      setStatus({ tone: 'error', message: 'Give the form an ID before deploying: click the form’s background and set “ID” in the properties panel.' });
      return;
    }
    setDeploying(true);
    setStatus({ tone: 'info', message: 'Deploying…' });
    try {
      const savedEdits = editor.editCount;
      const text = currentText();
      const outcome = await deployForm(api, formId, fileName(), text);
      editor.rebase(savedEdits);
      pristineText.current = text;
      setProblems([]);
      shownKey.current = outcome.formKey;
      setSource({ kind: 'deployed', form: { formKey: outcome.formKey, version: outcome.version } });
      if (mounted.current) navigate(`/forms/${outcome.formKey}`, { replace: true });
      setStatus({ tone: outcome.unchanged ? 'info' : 'success', message: describeFormDeployment(outcome) });
      versions.reload();
    } catch (error) {
      const found = deploymentProblemsOf(error);
      setProblems(found.map((problem) => ({ problem, onCanvas: false })));
      // the list says what the problems are; the detail would repeat it
      setStatus({ tone: 'error', message: found.length > 0 ? refusedStatus(found.length) : error instanceof ApiProblem ? error.detail : `Deploying failed: ${String(error)}` });
    } finally {
      setDeploying(false);
    }
  };

  const hasForm = source.kind !== 'none';
  const shownForm = source.kind === 'deployed' ? source.form : null;

  return (
    <div className="modeler form-editor-page">
      <header className="modeler-header">
        <div className="modeler-heading">
          <p className="modeler-eyebrow">Form editor</p>
          <h1 className="page-title modeler-title" tabIndex={-1} data-page-heading>
            {hasForm ? formId || 'Form without ID' : 'Forms'}
          </h1>
          <p className="modeler-subtitle">
            {shownForm && <span className="badge modeler-version-badge">version {shownForm.version}</span>}
            {source.kind === 'new' && <span className="modeler-source">new form, not deployed</span>}
            {source.kind === 'file' && <span className="modeler-source">from {source.fileName}</span>}
            {!hasForm && <span className="modeler-source">Create a form or open a deployed one.</span>}
            {dirty && <span className="modeler-dirty">Unsaved changes</span>}
          </p>
        </div>
        <div className="modeler-actions" role="toolbar" aria-label="Form actions">
          <button type="button" className="button button-secondary" onClick={() => setCreating(true)} aria-expanded={creating && hasForm}>
            New form
          </button>
          <button type="button" className="button button-secondary" onClick={() => fileInputRef.current?.click()}>
            Open file…
          </button>
          <input ref={fileInputRef} type="file" accept=".form,.json" hidden onChange={onFileChosen} aria-label="Form file to open" />
          <button type="button" className="button button-secondary" onClick={onDownload} disabled={!hasForm}>
            Download JSON
          </button>
          <button type="button" className="button button-primary" onClick={onDeploy} disabled={!hasForm || deploying || opening}>
            {deploying && <Spinner />}
            {deploying ? 'Deploying…' : 'Deploy'}
          </button>
        </div>
      </header>

      <div className="modeler-status" role="status" aria-live="polite">
        {status && <p className={`notice notice-${status.tone}`}>{status.message}</p>}
      </div>

      <ProblemList problems={problems} onSelect={() => undefined} onDismiss={() => setProblems([])} />

      {creating && hasForm && <NewFormPanel onCreate={onCreate} onCancel={() => setCreating(false)} autoFocus />}

      <div className="modeler-workspace form-workspace">
        <DeployedList
          title="Deployed forms"
          noun="forms"
          state={versions.state}
          currentKey={shownForm?.formKey ?? null}
          pathFor={(key) => `/forms/${key}`}
          emptyText="No form is deployed yet. Create one and deploy it."
          onReload={versions.reload}
        />
        <div className="form-editor-frame">
          {opening && (
            <p className="modeler-canvas-message" role="status">
              <Spinner /> Opening form {routeKey}…
            </p>
          )}
          {!hasForm && !opening && <NewFormPanel onCreate={onCreate} />}
          <div className="form-editor-container" ref={containerRef} hidden={!hasForm} />
        </div>
      </div>
    </div>
  );
}
