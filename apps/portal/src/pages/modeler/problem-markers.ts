/**
 * Shows the engine's deployment problems on the diagram: the element a problem names gets a red
 * outline (canvas marker) and a badge (overlay) counting its problems; hovering the badge shows
 * the messages, clicking it selects the element. Problems that name no element on the canvas
 * are returned, for the page to list on their own.
 */
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import type { DeploymentProblem } from '../../api/deployments.api';

const MARKER = 'baton-problem';
const OVERLAY_TYPE = 'baton-problem';

export class ProblemMarkers {
  private marked: string[] = [];

  constructor(
    private readonly canvas: Canvas,
    private readonly elementRegistry: ElementRegistry,
    private readonly overlays: Overlays,
    private readonly onSelect: (elementId: string) => void,
  ) {}

  /** Whether the problem is about an element drawn on the canvas (not the process itself). */
  isOnCanvas(problem: DeploymentProblem): boolean {
    if (!problem.elementId) return false;
    const element = this.elementRegistry.get(problem.elementId);
    return element !== undefined && element !== this.canvas.getRootElement() && !('isImplicit' in element && element.isImplicit);
  }

  /** Replaces the shown problems; returns those that are not on an element. */
  show(problems: readonly DeploymentProblem[]): DeploymentProblem[] {
    this.clear();
    const byElement = new Map<string, DeploymentProblem[]>();
    const unplaced: DeploymentProblem[] = [];
    for (const problem of problems) {
      if (!this.isOnCanvas(problem)) {
        unplaced.push(problem);
        continue;
      }
      const list = byElement.get(problem.elementId!) ?? [];
      list.push(problem);
      byElement.set(problem.elementId!, list);
    }
    for (const [elementId, list] of byElement) {
      this.canvas.addMarker(elementId, MARKER);
      this.overlays.add(elementId, OVERLAY_TYPE, { position: { top: -12, right: 12 }, html: this.badge(elementId, list) });
      this.marked.push(elementId);
    }
    return unplaced;
  }

  /** Removes every marker and badge (the elements may be gone already). */
  clear(): void {
    this.overlays.remove({ type: OVERLAY_TYPE });
    for (const elementId of this.marked) {
      if (this.elementRegistry.get(elementId)) this.canvas.removeMarker(elementId, MARKER);
    }
    this.marked = [];
  }

  private badge(elementId: string, problems: readonly DeploymentProblem[]): HTMLElement {
    const badge = document.createElement('button');
    badge.type = 'button';
    badge.className = 'baton-problem-badge';
    badge.textContent = String(problems.length);
    const summary = problems.map((problem) => problem.message).join('\n');
    badge.title = summary;
    badge.setAttribute('aria-label', `${problems.length} problem${problems.length === 1 ? '' : 's'} on ${elementId}: ${summary}`);
    badge.dataset.elementId = elementId;
    badge.addEventListener('click', (event) => {
      event.stopPropagation();
      this.onSelect(elementId);
    });
    return badge;
  }
}
