import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { ApiProblem } from '../../api/api-problem';
import { deploymentProblemsOf, deploymentWarningsOf, getProcessXml, type DeploymentProblem } from '../../api/deployments.api';
import { getProcessDefinition } from '../../api/process-definitions.api';
import type { PageProps } from '../../route-table';
import { useLeaveGuard, useNavigate } from '../../router/router';
import { useApi } from '../../session/session.context';
import { Spinner } from '../../ui/spinner';
import { BpmnEditor, type DiagramProcess } from './bpmn-editor';
import { deployDiagram, describeDeployment } from './deploy-diagram';
import { downloadFile, safeFileName } from './file-io';
import { newDiagramXml } from './new-diagram';
import { describeImportWarning } from './import-warnings';
import { LINKED_FORM_RULE } from './linked-form.rule';
import type { LiveFinding } from './lint-findings';
import { liveHeading, ProblemList, refusedStatus, warningsHeading, type ListedProblem } from './problem-list';
import { elementLabelText } from './problem-markers';
import { ModalDialog } from '../../ui/modal-dialog';
import { DeployedList } from './deployed-list';
import { useEngineChecks } from './use-engine-checks';
import { useDeployedForms, useProcessVersions } from './use-remote-lists';

/** Where the open diagram came from. */
type Source = { kind: 'new' } | { kind: 'file'; fileName: string } | { kind: 'deployed'; version: DeployedVersion };

/** The deployed version on the canvas. */
interface DeployedVersion {
  processDefinitionKey: string;
  version: number;
  resourceName: string;
}

type Status = { tone: 'success' | 'error' | 'info'; message: string } | null;

const LEAVE_MESSAGE = 'This diagram has changes that are not deployed. Leave and lose them?';

function resourceNameFor(source: Source, processes: readonly DiagramProcess[]): string {
  if (source.kind === 'deployed') return source.version.resourceName;
  if (source.kind === 'file' && /\.(bpmn|bpmn20\.xml)$/i.test(source.fileName)) return source.fileName;
  return `${safeFileName(processes[0]?.id ?? 'diagram')}.bpmn`;
}

/**
 * The modeler (`/modeler`, `/modeler/:processDefinitionKey`): bpmn-js with the Zeebe properties
 * panel, the deployed processes to open any version of, new diagrams, file import and export,
 * and deployment with the engine's problems and warnings shown on the elements they concern.
 */
export default function ModelerPage({ params }: PageProps) {
  const api = useApi();
  const navigate = useNavigate();
  const routeKey = params.processDefinitionKey ?? null;
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const [editor, setEditor] = useState<BpmnEditor | null>(null);
  /** False once the page is left: a deployment answering later must not navigate back here. */
  const mounted = useRef(true);
  /** Key of the deployed version on the canvas; null for an undeployed diagram; undefined before the first open. */
  const shownKey = useRef<string | null | undefined>(undefined);
  /** The exact text last opened or deployed: deploying it unchanged keeps the engine's version. */
  const pristineXml = useRef<string | null>(null);
  const [source, setSource] = useState<Source>({ kind: 'new' });
  const [processes, setProcesses] = useState<DiagramProcess[]>([]);
  const [edits, setEdits] = useState(0);
  const [opening, setOpening] = useState<string | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const [deploying, setDeploying] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [problems, setProblems] = useState<ListedProblem[]>([]);
  /** The warnings of the last deployment, and whether it was refused (then they stand next to its problems). */
  const [warnings, setWarnings] = useState<{ list: ListedProblem[]; refused: boolean }>({ list: [], refused: false });
  /** What the live checks found in the diagram as it is now. */
  const [live, setLive] = useState<readonly LiveFinding[]>([]);
  /** Linked forms that are not deployed, when Deploy was pressed: the dialog asks before deploying. */
  const [confirmForms, setConfirmForms] = useState<readonly LiveFinding[] | null>(null);
  const versions = useProcessVersions();
  const deployedForms = useDeployedForms();
  const dirty = edits !== 0;
  useLeaveGuard(dirty, LEAVE_MESSAGE);

  useEffect(() => {
    const instance = new BpmnEditor(canvasRef.current!, panelRef.current!);
    const unsubscribe = instance.onChange((count) => {
      setEdits(count);
      setProcesses(instance.processes());
    });
    const unsubscribeFindings = instance.onFindings(setLive);
    setEditor(instance);
    mounted.current = true;
    return () => {
      mounted.current = false;
      unsubscribe();
      unsubscribeFindings();
      instance.destroy();
    };
  }, []);

  useEffect(() => editor?.setDeployedForms(deployedForms), [editor, deployedForms]);
  useEngineChecks(editor, () => resourceNameFor(source, processes), openError === null);

  /** Opens XML in the editor; on success the diagram is the new baseline. */
  const openXml = useCallback(
    async (xml: string, next: Source, key: string | null) => {
      if (!editor) return;
      const warnings = await editor.open(xml);
      shownKey.current = key;
      pristineXml.current = xml;
      setSource(next);
      setProcesses(editor.processes());
      setProblems([]);
      setWarnings({ list: [], refused: false });
      setOpenError(null);
      setStatus(warnings.length > 0 ? { tone: 'info', message: `Opened with ${warnings.length} warning${warnings.length === 1 ? '' : 's'}: ${warnings.map(describeImportWarning).join(' ')}` } : null);
    },
    [editor],
  );

  const openNew = useCallback(() => {
    void openXml(newDiagramXml(), { kind: 'new' }, null);
  }, [openXml]);

  // Follow the route: a key opens that version, no key a new diagram, unless it is already shown.
  useEffect(() => {
    if (!editor || routeKey === shownKey.current) return;
    if (routeKey === null) {
      openNew();
      return;
    }
    const controller = new AbortController();
    setOpening(`Opening process definition ${routeKey}…`);
    Promise.all([getProcessDefinition(api, routeKey, controller.signal), getProcessXml(api, routeKey, controller.signal)])
      .then(([version, xml]) => {
        if (controller.signal.aborted) return undefined;
        const deployed = { processDefinitionKey: version.processDefinitionKey, version: version.version, resourceName: version.resourceName };
        return openXml(xml, { kind: 'deployed', version: deployed }, routeKey);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        shownKey.current = routeKey;
        editor.clear();
        pristineXml.current = null;
        setProcesses([]);
        setProblems([]);
        setWarnings({ list: [], refused: false });
        setOpenError(error instanceof ApiProblem ? error.detail : `The diagram could not be opened: ${String(error)}`);
      })
      .finally(() => {
        if (!controller.signal.aborted) setOpening(null);
      });
    return () => controller.abort();
  }, [api, editor, routeKey, openNew, openXml]);

  const onNew = () => {
    if (routeKey !== null) navigate('/modeler'); // the leave guard asks about unsaved changes
    else if (!dirty || window.confirm(LEAVE_MESSAGE)) openNew();
  };

  const onFileChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || !editor || (dirty && !window.confirm(LEAVE_MESSAGE))) return;
    const previous = await editor.saveXml().catch(() => null);
    const text = await file.text();
    try {
      await openXml(text, { kind: 'file', fileName: file.name }, null);
      setStatus({ tone: 'info', message: `Opened ${file.name}. Deploy it to make it a version on the engine.` });
      if (routeKey !== null) navigate('/modeler', { replace: true });
    } catch (error) {
      if (previous) await editor.open(previous).catch(() => undefined);
      setStatus({ tone: 'error', message: `${file.name} is not a BPMN diagram bpmn-js can open: ${describeImportWarning(error instanceof Error ? error.message : String(error))}` });
    }
  };

  const currentXml = async () => (!dirty && pristineXml.current !== null ? pristineXml.current : editor!.saveXml());

  const onDownloadXml = async () => {
    if (!editor) return;
    downloadFile(resourceNameFor(source, processes), await currentXml(), 'application/xml');
  };

  const onDownloadSvg = async () => {
    if (!editor) return;
    const base = resourceNameFor(source, processes).replace(/\.(bpmn|bpmn20\.xml)$/i, '');
    downloadFile(`${base}.svg`, await editor.saveSvg(), 'image/svg+xml');
  };

  const nameOf = (processId: string) => processes.find((p) => p.id === processId)?.name ?? processId;

  /** Deploy: first asks when a linked form is not deployed (the engine accepts that, as Camunda's does, and it fails at run time). */
  const onDeploy = () => {
    if (!editor || deploying) return;
    const undeployedForms = editor.liveFindings.filter((finding) => finding.problem.rule === LINKED_FORM_RULE);
    if (undeployedForms.length > 0) setConfirmForms(undeployedForms);
    else void deploy();
  };

  const deploy = async () => {
    if (!editor || deploying) return;
    setConfirmForms(null);
    setDeploying(true);
    setStatus({ tone: 'info', message: 'Deploying…' });
    try {
      const savedEdits = editor.editCount;
      const xml = await currentXml();
      const resourceName = resourceNameFor(source, processes);
      const { outcomes, warnings: found } = await deployDiagram(api, { name: resourceName, content: xml }, processes.map((p) => p.id));
      editor.clearFindings();
      setProblems([]);
      showWarnings(found, false);
      editor.rebase(savedEdits);
      pristineXml.current = xml;
      const main = outcomes[0];
      if (main) {
        shownKey.current = main.processDefinitionKey;
        setSource({ kind: 'deployed', version: { processDefinitionKey: main.processDefinitionKey, version: main.version, resourceName } });
        if (mounted.current) navigate(`/modeler/${main.processDefinitionKey}`, { replace: true });
      }
      const warned = found.length === 0 ? '' : ` The engine warns about ${found.length === 1 ? 'one thing' : `${found.length} things`} it ignores or reads differently, listed below.`;
      setStatus({ tone: outcomes.every((o) => o.unchanged) ? 'info' : 'success', message: describeDeployment(outcomes, nameOf) + warned });
      versions.reload();
    } catch (error) {
      const found = deploymentProblemsOf(error).map((problem) => editor.named(problem));
      editor.showProblems(found);
      setProblems(found.map((problem) => listed(problem)));
      showWarnings(deploymentWarningsOf(error), true);
      // The list below says what the problems are; the status says only that it was refused (the
      // problem's detail repeats every message of the list).
      setStatus({ tone: 'error', message: found.length > 0 ? refusedStatus(found.length) : error instanceof ApiProblem ? error.detail : `Deploying failed: ${String(error)}` });
    } finally {
      setDeploying(false);
    }
  };

  /** Marks the warnings on the diagram and lists them. */
  function showWarnings(warned: DeploymentProblem[], refused: boolean): void {
    if (!editor) return;
    const found = warned.map((warning) => editor.named(warning));
    editor.showWarnings(found);
    setWarnings({ list: found.map((problem) => listed(problem)), refused });
  }

  /** A finding as listed: on the canvas or not, and the element's name as the diagram has it now. */
  function listed(problem: DeploymentProblem): ListedProblem {
    return { problem, onCanvas: editor?.isOnCanvas(problem) ?? false, label: problem.elementId ? editor?.describe(problem.elementId) : undefined };
  }

  const liveProblems = live.filter((finding) => finding.severity === 'problem').map((finding) => listed(finding.problem));
  const liveWarnings = live.filter((finding) => finding.severity === 'warning').map((finding) => listed(finding.problem));

  const title = processes[0] ? (processes[0].name ?? processes[0].id) : 'Diagram';
  const shownVersion = source.kind === 'deployed' ? source.version : null;

  return (
    <div className="modeler">
      <header className="modeler-header">
        <div className="modeler-heading">
          <p className="modeler-eyebrow">Modeler</p>
          <h1 className="page-title modeler-title" tabIndex={-1} data-page-heading>
            {title}
          </h1>
          <p className="modeler-subtitle">
            {processes[0] && <code>{processes[0].id}</code>}
            {shownVersion && <span className="badge modeler-version-badge">version {shownVersion.version}</span>}
            {source.kind === 'new' && <span className="modeler-source">new diagram, not deployed</span>}
            {source.kind === 'file' && <span className="modeler-source">from {source.fileName}</span>}
            {dirty && <span className="modeler-dirty">Unsaved changes</span>}
          </p>
        </div>
        <div className="modeler-actions" role="toolbar" aria-label="Diagram actions">
          <button type="button" className="button button-secondary" onClick={onNew}>
            New diagram
          </button>
          <button type="button" className="button button-secondary" onClick={() => fileInputRef.current?.click()}>
            Open file…
          </button>
          <input ref={fileInputRef} type="file" accept=".bpmn,.xml,.bpmn20.xml" hidden onChange={onFileChosen} aria-label="BPMN file to open" />
          <button type="button" className="button button-secondary" onClick={onDownloadXml} disabled={!editor || openError !== null}>
            Download BPMN
          </button>
          <button type="button" className="button button-secondary" onClick={onDownloadSvg} disabled={!editor || openError !== null}>
            Download SVG
          </button>
          <button type="button" className="button button-primary" onClick={onDeploy} disabled={!editor || deploying || opening !== null || openError !== null}>
            {deploying && <Spinner />}
            {deploying ? 'Deploying…' : 'Deploy'}
          </button>
        </div>
      </header>

      <div className="modeler-status" role="status" aria-live="polite">
        {status && <p className={`notice notice-${status.tone}`}>{status.message}</p>}
      </div>

      <ProblemList
        className="modeler-live-findings"
        problems={liveProblems}
        heading={liveHeading(liveProblems.length, 0)}
        onSelect={(id) => editor?.select(id)}
      />
      <ProblemList
        className="modeler-live-findings"
        severity="warning"
        collapsed
        problems={liveWarnings}
        heading={liveHeading(0, liveWarnings.length)}
        onSelect={(id) => editor?.select(id)}
      />
      <ProblemList
        problems={problems}
        onSelect={(id) => editor?.select(id)}
        onDismiss={() => {
          editor?.clearProblems();
          setProblems([]);
        }}
      />
      <ProblemList
        severity="warning"
        problems={warnings.list}
        heading={warningsHeading(warnings.list.length, warnings.refused)}
        onSelect={(id) => editor?.select(id)}
        onDismiss={() => {
          editor?.clearWarnings();
          setWarnings({ list: [], refused: false });
        }}
      />

      {confirmForms && (
        <ModalDialog title="Deploy with a form that is not deployed?" onClose={() => setConfirmForms(null)}>
          <p>The engine accepts this diagram, but these elements link a form it does not have:</p>
          <ul className="modeler-confirm-list">
            {confirmForms.map(({ problem }) => (
              <li key={problem.elementId}>
                <strong>{elementLabelText(problem.elementId!, editor?.describe(problem.elementId!) ?? {})}</strong>: {problem.message}
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button type="button" className="button button-primary" data-autofocus onClick={() => setConfirmForms(null)}>
              Keep modeling
            </button>
            <button type="button" className="button button-secondary" onClick={() => void deploy()}>
              Deploy anyway
            </button>
          </div>
        </ModalDialog>
      )}

      <div className="modeler-workspace">
        <DeployedList
          title="Deployed processes"
          noun="processes"
          state={versions.state}
          currentKey={shownVersion?.processDefinitionKey ?? null}
          pathFor={(key) => `/modeler/${key}`}
          emptyText="Nothing is deployed yet. Model a process and deploy it."
          onReload={versions.reload}
        />
        <div className="modeler-canvas-frame">
          <div className="modeler-canvas" ref={canvasRef} role="region" aria-label="Diagram" />
          {opening && (
            <p className="modeler-canvas-message" role="status">
              <Spinner /> {opening}
            </p>
          )}
          {openError && (
            <div className="modeler-canvas-message modeler-canvas-error" role="alert">
              <p>{openError}</p>
              <button type="button" className="button button-primary" onClick={() => navigate('/modeler')}>
                Start a new diagram
              </button>
            </div>
          )}
        </div>
        <div className="modeler-panel" ref={panelRef} role="region" aria-label="Properties" />
      </div>
    </div>
  );
}
