/**
 * The bpmn-js Modeler as the portal uses it: Camunda 8 (Zeebe) moddle extension, the Zeebe
 * properties panel, camunda-bpmn-js-behaviors for Camunda Cloud, the deployed-forms select,
 * live checks while the analyst models (bpmn-js-bpmnlint with Camunda's 8.8 compatibility rules
 * and Baton's linked-form rule, see lint-config.ts) and the markers of their findings and of the
 * engine's deployment problems and warnings, behind a small API the page calls (open, save,
 * changes, findings, selection). This module and its CSS are only loaded with the modeler page.
 */
import BpmnModeler from 'bpmn-js/lib/Modeler';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import LintingModule from 'bpmn-js-bpmnlint';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { DeploymentProblem } from '../../api/deployments.api';
import { DeployedFormsModule, type DeployedForms, type DeployedFormsState } from './deployed-forms.module';
import { nameElements } from './element-names';
import { createLintSetup } from './lint-config';
import { lintFindings, mergeFindings, type LintIssue, type LiveFinding } from './lint-findings';
import { ProblemMarkers, type ElementLabel, type FindingSeverity } from './problem-markers';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';

/** A process of the open diagram. */
export interface DiagramProcess {
  id: string;
  name?: string;
  isExecutable: boolean;
}

interface ModdleElement {
  $type: string;
  id: string;
  name?: string;
  isExecutable?: boolean;
  rootElements?: ModdleElement[];
}

/** Edits since the last baseline (open or deploy); fired with the new count. */
export type ChangeListener = (editsSinceBaseline: number) => void;

/** The live checks' findings, after every check (each edit, open, and change of the deployed forms). */
export type FindingsListener = (findings: readonly LiveFinding[]) => void;

export class BpmnEditor {
  private readonly modeler: BpmnModeler;
  private readonly problems: ProblemMarkers;
  private readonly warnings: ProblemMarkers;
  private readonly liveProblems: ProblemMarkers;
  private readonly liveWarnings: ProblemMarkers;
  private edits = 0;
  private readonly changeListeners = new Set<ChangeListener>();
  private readonly findingsListeners = new Set<FindingsListener>();
  private findings: readonly LiveFinding[] = [];
  private lintFound: readonly LiveFinding[] = [];
  private engineProblems: readonly DeploymentProblem[] = [];
  /** The form ids the engine has; null while unknown (the linked-form rule then says nothing). */
  private deployedFormIds: ReadonlySet<string> | null = null;

  constructor(canvasContainer: HTMLElement, panelContainer: HTMLElement) {
    this.modeler = new BpmnModeler({
      container: canvasContainer,
      propertiesPanel: { parent: panelContainer },
      additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule, ZeebeBehaviorsModule, DeployedFormsModule, LintingModule],
      moddleExtensions: { zeebe: zeebeModdle },
      // bpmn-js-bpmnlint checks after every change; inactive, it draws nothing itself (its toggle
      // button is hidden by the portal's CSS): the page lists the findings and these markers show them.
      linting: { active: false, bpmnlint: createLintSetup(() => this.deployedFormIds) },
    });
    const markers = (severity: FindingSeverity, source: 'deploy' | 'live') =>
      new ProblemMarkers(this.get<Canvas>('canvas'), this.get<ElementRegistry>('elementRegistry'), this.get<Overlays>('overlays'), (id) => this.select(id), severity, source, (id) => this.describe(id));
    this.problems = markers('problem', 'deploy');
    this.warnings = markers('warning', 'deploy');
    this.liveProblems = markers('problem', 'live');
    this.liveWarnings = markers('warning', 'live');
    this.get<EventBus>('eventBus').on('linting.completed', (event: { issues: Record<string, LintIssue[]> }) => {
      const registry = this.get<ElementRegistry>('elementRegistry');
      this.lintFound = lintFindings(event.issues, (id) => (registry.get(id)?.businessObject as ModdleElement | undefined)?.$type ?? this.processType(id));
      this.publishFindings();
    });
    this.get<EventBus>('eventBus').on('commandStack.changed', (event: { trigger: 'execute' | 'undo' | 'redo' | 'clear' | null }) => {
      if (event.trigger === 'clear') this.edits = 0;
      else if (event.trigger === 'undo') this.edits -= 1;
      else this.edits += 1;
      this.changeListeners.forEach((listener) => listener(this.edits));
    });
  }

  private get<T>(service: string): T {
    return this.modeler.get<T>(service);
  }

  /** Opens BPMN XML; resolves to bpmn-js's import warnings. Rejects (and keeps nothing) for XML it cannot read. */
  async open(xml: string): Promise<string[]> {
    this.clearFindings();
    this.engineProblems = [];
    const { warnings } = await this.modeler.importXML(xml);
    this.centerDiagram();
    this.setBaseline();
    return (warnings as unknown[]).map((warning) => (warning instanceof Error ? warning.message : String(warning)));
  }

  /**
   * Shows the diagram right of the palette (bpmn-js's own "fit-viewport" puts it under the
   * palette): centred in the free width, near the top, zoomed out just enough to fit but never
   * below half size (on a phone the rest is a pan away) and never zoomed in.
   */
  private centerDiagram(): void {
    const canvas = this.get<Canvas>('canvas');
    const { inner, outer } = canvas.viewbox();
    if (!outer.width || !outer.height || !inner.width || !inner.height) return;
    const left = this.paletteRightEdge() + 24;
    const free = { width: Math.max(outer.width - left - 24, 1), height: Math.max(outer.height - 96, 1) };
    const scale = Math.max(0.5, Math.min(1, free.width / inner.width, free.height / inner.height));
    const screenLeft = left + Math.max(0, (free.width - inner.width * scale) / 2);
    const screenTop = Math.max(48, Math.min(80, (outer.height - inner.height * scale) / 2));
    canvas.viewbox({ x: inner.x - screenLeft / scale, y: inner.y - screenTop / scale, width: outer.width / scale, height: outer.height / scale });
  }

  /** Where the palette ends, in pixels from the canvas's left edge. */
  private paletteRightEdge(): number {
    const container = this.get<Canvas>('canvas').getContainer();
    const palette = container.querySelector('.djs-palette');
    if (!palette) return 0;
    return palette.getBoundingClientRect().right - container.getBoundingClientRect().left;
  }

  /** The type of a process of the diagram (a process has no shape of its own outside a collaboration). */
  private processType(id: string): string | undefined {
    return this.processes().some((process) => process.id === id) ? 'bpmn:Process' : undefined;
  }

  /** An element's type and name, for lists and badges; empty for an id the diagram lacks. */
  describe(elementId: string): ElementLabel {
    const element = this.get<ElementRegistry>('elementRegistry').get(elementId);
    const business = element?.businessObject as ModdleElement | undefined;
    if (business) return { type: business.$type, name: business.name?.trim() || undefined };
    const process = this.processes().find((p) => p.id === elementId);
    return process ? { type: 'bpmn:Process', name: process.name } : {};
  }

  /** Marks and announces the lint findings merged with the engine's problems. */
  private publishFindings(): void {
    this.findings = mergeFindings(this.lintFound, this.engineProblems);
    this.liveProblems.show(this.findings.filter((f) => f.severity === 'problem').map((f) => f.problem));
    this.liveWarnings.show(this.findings.filter((f) => f.severity === 'warning').map((f) => f.problem));
    this.findingsListeners.forEach((listener) => listener(this.findings));
  }

  /**
   * The engine's problems with the diagram as it was a moment ago (Baton's deploy rules, from
   * `POST /v2/deployments/validation`); they join the live findings until the next answer.
   */
  setEngineProblems(problems: readonly DeploymentProblem[]): void {
    this.engineProblems = problems.map((problem) => this.named(problem));
    this.publishFindings();
  }

  /** The finding with the elements its message mentions named as the canvas shows them. */
  named(problem: DeploymentProblem): DeploymentProblem {
    return { ...problem, message: nameElements(problem.message, (id) => this.describe(id)) };
  }

  /** The last findings of the live checks. */
  get liveFindings(): readonly LiveFinding[] {
    return this.findings;
  }

  /** Calls `listener` after every live check; returns the unsubscription. */
  onFindings(listener: FindingsListener): () => void {
    this.findingsListeners.add(listener);
    return () => void this.findingsListeners.delete(listener);
  }

  /** Shows nothing (after a diagram could not be opened). */
  clear(): void {
    this.clearFindings();
    this.modeler.clear();
    this.lintFound = [];
    this.engineProblems = [];
    this.publishFindings();
    this.setBaseline();
  }

  /** The current diagram as formatted XML. */
  async saveXml(): Promise<string> {
    const { xml } = await this.modeler.saveXML({ format: true });
    if (xml === undefined) throw new Error('Expected bpmn-js to export XML but it returned none');
    return xml;
  }

  /** The current diagram as an SVG image. */
  async saveSvg(): Promise<string> {
    const { svg } = await this.modeler.saveSVG();
    return svg;
  }

  /** Treats the current state as saved: no edits since. */
  setBaseline(): void {
    this.edits = 0;
    this.changeListeners.forEach((listener) => listener(0));
  }

  /** Edits since the baseline (undos count back). */
  get editCount(): number {
    return this.edits;
  }

  /**
   * Moves the baseline forward by the `saved` edits (the count when a save started): edits made
   * while the save was in flight stay unsaved.
   */
  rebase(saved: number): void {
    this.edits -= saved;
    this.changeListeners.forEach((listener) => listener(this.edits));
  }

  /** Calls `listener` after every edit, undo and redo; returns the unsubscription. */
  onChange(listener: ChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => void this.changeListeners.delete(listener);
  }

  /** The processes of the open diagram (one, or several in a collaboration). */
  processes(): DiagramProcess[] {
    const definitions = this.modeler.getDefinitions() as ModdleElement | undefined;
    return (definitions?.rootElements ?? [])
      .filter((element) => element.$type === 'bpmn:Process')
      .map((process) => ({ id: process.id, name: process.name || undefined, isExecutable: process.isExecutable === true }));
  }

  /** Marks the problems on their elements; returns those without an element on the canvas. */
  showProblems(problems: readonly DeploymentProblem[]): DeploymentProblem[] {
    return this.problems.show(problems);
  }

  /** Marks the warnings on their elements (amber, next to any problem badge); returns those without an element on the canvas. */
  showWarnings(warnings: readonly DeploymentProblem[]): DeploymentProblem[] {
    return this.warnings.show(warnings);
  }

  /** Removes the problem markers. */
  clearProblems(): void {
    this.problems.clear();
  }

  /** Removes the warning markers. */
  clearWarnings(): void {
    this.warnings.clear();
  }

  /** Removes the problem and the warning markers. */
  clearFindings(): void {
    this.problems.clear();
    this.warnings.clear();
  }

  /** Whether a problem's (or warning's) element is on the canvas (so selecting it shows something). */
  isOnCanvas(problem: DeploymentProblem): boolean {
    return this.problems.isOnCanvas(problem);
  }

  /** Selects an element (its properties open in the panel) and scrolls it into view. */
  select(elementId: string): void {
    const element = this.get<ElementRegistry>('elementRegistry').get(elementId);
    if (!element) return;
    this.get<Selection>('selection').select(element);
    this.get<Canvas>('canvas').scrollToElement(element, { top: 120, bottom: 120, left: 120, right: 120 });
  }

  /** Feeds the deployed forms to the properties panel's "Deployed form" select. */
  setDeployedForms(state: DeployedFormsState): void {
    this.get<DeployedForms>('deployedForms').set(state);
    this.deployedFormIds = state.status === 'loaded' ? new Set(state.forms.map((form) => form.formId)) : null;
    // the linked-form rule reads the list at each check: check again
    this.get<{ update(): void }>('linting').update();
  }

  destroy(): void {
    this.changeListeners.clear();
    this.findingsListeners.clear();
    this.modeler.destroy();
  }
}
