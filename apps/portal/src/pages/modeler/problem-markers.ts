/**
 * Shows findings on the diagram: the live checks' (while the analyst models) and the engine's
 * (after a deployment). Problems: the element gets a red outline (canvas marker) and a red badge
 * counting its problems, top right. Warnings: an amber outline and an amber badge, top left, so
 * an element with both shows both. The engine's badges sit at the bottom corners, so they do not
 * hide the live ones. On a sequence flow the outline is the flow's line and the badge sits on the
 * middle of the flow. Hovering a badge shows the messages, clicking it selects the element.
 * Findings that name no element on the canvas are returned, for the page to list.
 */
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import type { DeploymentProblem } from '../../api/deployments.api';

/** A problem (the engine refuses the diagram, or it fails at run time), or a warning. */
export type FindingSeverity = 'problem' | 'warning';

/** Who found it: the live checks while modeling, or the engine at the last deployment. */
export type FindingSource = 'live' | 'deploy';

/** What the modeler says about an element in lists: its BPMN type and, when it has one, its name. */
export interface ElementLabel {
  type?: string;
  name?: string;
}

type BadgePosition = { top?: number; bottom?: number; right?: number; left?: number };

const BADGE_POSITION: Record<FindingSource, Record<FindingSeverity, BadgePosition>> = {
  live: { problem: { top: -12, right: 12 }, warning: { top: -12, left: -12 } },
  deploy: { problem: { bottom: 12, right: 12 }, warning: { bottom: 12, left: -12 } },
};

/** Along a flow, the badges sit side by side on its middle point. */
const FLOW_BADGE_OFFSET: Record<FindingSource, Record<FindingSeverity, { x: number; y: number }>> = {
  live: { problem: { x: 2, y: -26 }, warning: { x: -26, y: -26 } },
  deploy: { problem: { x: 2, y: 2 }, warning: { x: -26, y: 2 } },
};

interface Waypoint {
  x: number;
  y: number;
}

/** "User task “Approve expense”", or "User task approve_1" for an element without a name. */
export function elementLabelText(elementId: string, label: ElementLabel): string {
  const type = elementTypeLabel(label.type);
  return label.name ? `${type} “${label.name}”` : `${type} ${elementId}`;
}

/** `bpmn:ServiceTask` → "Service task". */
export function elementTypeLabel(type: string | undefined): string {
  if (!type) return 'Element';
  const bare = type.replace(/^[a-z]+:/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

export class ProblemMarkers {
  private marked: string[] = [];
  private readonly marker: string;

  constructor(
    private readonly canvas: Canvas,
    private readonly elementRegistry: ElementRegistry,
    private readonly overlays: Overlays,
    private readonly onSelect: (elementId: string) => void,
    private readonly severity: FindingSeverity = 'problem',
    private readonly source: FindingSource = 'deploy',
    private readonly describe: (elementId: string) => ElementLabel = () => ({}),
  ) {
    this.marker = source === 'deploy' ? `baton-${severity}` : `baton-live-${severity}`;
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
      this.overlays.add(elementId, this.marker, { position: this.badgePosition(elementId), html: this.badge(elementId, list) });
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

  /** A shape's corner, or a flow's middle (relative to the flow's bounding box, as overlays place them). */
  private badgePosition(elementId: string): BadgePosition {
    const element = this.elementRegistry.get(elementId) as { waypoints?: Waypoint[] } | undefined;
    const waypoints = element?.waypoints;
    if (!waypoints || waypoints.length < 2) return BADGE_POSITION[this.source][this.severity];
    const middle = middleOf(waypoints);
    const left = Math.min(...waypoints.map((point) => point.x));
    const top = Math.min(...waypoints.map((point) => point.y));
    const offset = FLOW_BADGE_OFFSET[this.source][this.severity];
    return { left: middle.x - left + offset.x, top: middle.y - top + offset.y };
  }

  private badge(elementId: string, problems: readonly DeploymentProblem[]): HTMLElement {
    const badge = document.createElement('button');
    badge.type = 'button';
    badge.className = `${this.marker}-badge`;
    badge.textContent = String(problems.length);
    const summary = problems.map((problem) => problem.message).join('\n');
    badge.title = summary;
    badge.setAttribute('aria-label', `${problems.length} ${this.severity}${problems.length === 1 ? '' : 's'} on ${elementLabelText(elementId, this.describe(elementId))}: ${summary}`);
    badge.dataset.elementId = elementId;
    badge.addEventListener('click', (event) => {
      event.stopPropagation();
      this.onSelect(elementId);
    });
    return badge;
  }
}

/** The point halfway along a polyline. */
export function middleOf(waypoints: readonly Waypoint[]): Waypoint {
  const lengths = waypoints.slice(1).map((point, index) => Math.hypot(point.x - waypoints[index]!.x, point.y - waypoints[index]!.y));
  let remaining = lengths.reduce((sum, length) => sum + length, 0) / 2;
  for (const [index, length] of lengths.entries()) {
    const from = waypoints[index]!;
    const to = waypoints[index + 1]!;
    if (remaining <= length && length > 0) return { x: from.x + ((to.x - from.x) * remaining) / length, y: from.y + ((to.y - from.y) * remaining) / length };
    remaining -= length;
  }
  return waypoints[waypoints.length - 1]!;
}
