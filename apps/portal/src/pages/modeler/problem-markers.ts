/**
 * Shows the engine's deployment findings on the diagram. Problems (the deployment was refused):
 * the element gets a red outline (canvas marker) and a red badge counting its problems, top right.
 * Warnings (something the engine ignores): an amber outline and an amber badge, top left, so an
 * element with both shows both. Hovering a badge shows the messages, clicking it selects the
 * element. Findings that name no element on the canvas are returned, for the page to list.
 */
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import type { DeploymentProblem } from '../../api/deployments.api';

/** Whether the engine refused the deployment because of it, or only warns. */
export type FindingSeverity = 'problem' | 'warning';

const BADGE_POSITION: Record<FindingSeverity, { top: number; right?: number; left?: number }> = {
  problem: { top: -12, right: 12 },
  warning: { top: -12, left: -12 },
};

export class ProblemMarkers {
  private marked: string[] = [];
  private readonly marker: string;

  constructor(
    private readonly canvas: Canvas,
    private readonly elementRegistry: ElementRegistry,
    private readonly overlays: Overlays,
    private readonly onSelect: (elementId: string) => void,
    private readonly severity: FindingSeverity = 'problem',
  ) {
    this.marker = `baton-${severity}`;
  }

  /** Whether the finding is about an element drawn on the canvas (not the process itself). */
  isOnCanvas(problem: DeploymentProblem): boolean {
    if (!problem.elementId) return false;
    const element = this.elementRegistry.get(problem.elementId);
    return element !== undefined && element !== this.canvas.getRootElement() && !('isImplicit' in element && element.isImplicit);
  }

  /** Replaces the shown findings; returns those that are not on an element. */
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
      this.canvas.addMarker(elementId, this.marker);
      this.overlays.add(elementId, this.marker, { position: BADGE_POSITION[this.severity], html: this.badge(elementId, list) });
      this.marked.push(elementId);
    }
    return unplaced;
  }

  /** Removes every marker and badge of this severity (the elements may be gone already). */
  clear(): void {
    this.overlays.remove({ type: this.marker });
    for (const elementId of this.marked) {
      if (this.elementRegistry.get(elementId)) this.canvas.removeMarker(elementId, this.marker);
    }
    this.marked = [];
  }

  private badge(elementId: string, problems: readonly DeploymentProblem[]): HTMLElement {
    const badge = document.createElement('button');
    badge.type = 'button';
    badge.className = `${this.marker}-badge`;
    badge.textContent = String(problems.length);
    const summary = problems.map((problem) => problem.message).join('\n');
    badge.title = summary;
    badge.setAttribute('aria-label', `${problems.length} ${this.severity}${problems.length === 1 ? '' : 's'} on ${elementId}: ${summary}`);
    badge.dataset.elementId = elementId;
    badge.addEventListener('click', (event) => {
      event.stopPropagation();
      this.onSelect(elementId);
    });
    return badge;
  }
}
