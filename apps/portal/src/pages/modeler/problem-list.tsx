import type { DeploymentProblem } from '../../api/deployments.api';
import { elementLabelText, type ElementLabel, type FindingSeverity } from './problem-markers';

/** A finding to list, whether its element is on the canvas, and what the element is called. */
export interface ListedProblem {
  problem: DeploymentProblem;
  onCanvas: boolean;
  /** The element's type and name as the diagram has them now (the engine's type is the fallback). */
  label?: ElementLabel;
}

function whereOf(problem: DeploymentProblem): string {
  const parts: string[] = [];
  if (problem.resourceName) parts.push(problem.resourceName);
  if (problem.line !== undefined) parts.push(`line ${problem.line}${problem.column !== undefined ? `, column ${problem.column}` : ''}`);
  return parts.join(', ');
}

/** "Service task “Charge card”" (the name the analyst sees), or the type and id of an element without a name. */
function elementText({ problem, label }: ListedProblem): string {
  return elementLabelText(problem.elementId!, { type: label?.type ?? problem.elementType, name: label?.name });
}

/**
 * A list of findings: the live checks' while the analyst models, or the engine's from the last
 * deployment (severity `problem`: it refused the deployment; `warning`: something in the diagram
 * the engine ignores). An entry about an element on the canvas is a button that selects it (its
 * properties open in the panel); elements are named by their name, the id only when they have
 * none. The others (XML syntax, the process as a whole) say where they are.
 */
export function ProblemList({
  problems,
  heading,
  severity = 'problem',
  className,
  collapsed = false,
  onSelect,
  onDismiss,
}: {
  problems: readonly ListedProblem[];
  /** @default "N problems stopped the deployment" */
  heading?: string;
  severity?: FindingSeverity;
  /** @default `modeler-problems` */
  className?: string;
  onSelect: (elementId: string) => void;
  /** Shows only the heading until it is opened (a `<details>`): for the live warnings, which would otherwise take the canvas's room. @default false */
  collapsed?: boolean;
  /** Offers "Dismiss" (the engine's findings); the live ones go away when fixed. */
  onDismiss?: () => void;
}) {
  if (problems.length === 0) return null;
  const base = className ?? 'modeler-problems';
  const headingId = `${base}-${severity}s-heading`;
  const title = (
    <h2 id={headingId} className="modeler-problems-title">
      {heading ?? problemsHeading(problems.length)}
    </h2>
  );
  const list = (
    <ul className="modeler-problem-list">
      {problems.map((listed, index) => {
        const { problem, onCanvas } = listed;
        return (
          <li key={index}>
            {onCanvas ? (
              <button type="button" className="modeler-problem modeler-problem-link" onClick={() => onSelect(problem.elementId!)}>
                <span className="modeler-problem-where">{elementText(listed)}</span>
                <span className="modeler-problem-message">{problem.message}</span>
              </button>
            ) : (
              <div className="modeler-problem">
                <span className="modeler-problem-where">{problem.elementId ? elementText(listed) : whereOf(problem) || 'Diagram'}</span>
                <span className="modeler-problem-message">{problem.message}</span>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
  return (
    <section className={`${base} modeler-findings-${severity}`} aria-labelledby={headingId}>
      {collapsed ? (
        <details>
          <summary className="modeler-problems-header modeler-problems-summary">{title}</summary>
          {list}
        </details>
      ) : (
        <>
          <div className="modeler-problems-header">
            {title}
            {onDismiss && (
              <button type="button" className="button button-secondary button-small" onClick={onDismiss}>
                Dismiss
              </button>
            )}
          </div>
          {list}
        </>
      )}
    </section>
  );
}

/** "1 problem stopped the deployment", "2 problems stopped the deployment". */
export function problemsHeading(count: number): string {
  return `${count === 1 ? '1 problem' : `${count} problems`} stopped the deployment`;
}

/**
 * The status line of a refused deployment whose problems are listed: it says only that, since the
 * problem's `detail` repeats every message of the list.
 */
export function refusedStatus(count: number): string {
  return `The engine refused the deployment: ${count === 1 ? 'one problem, listed below' : `${count} problems, listed below`}.`;
}

/** "1 warning from the engine" after a deployment, "2 warnings as well" next to the problems of a refused one. */
export function warningsHeading(count: number, refused: boolean): string {
  const noun = count === 1 ? '1 warning' : `${count} warnings`;
  return refused ? `${noun} as well` : `${noun} from the engine`;
}

/** "Checked while you model: 2 problems, 1 warning". */
export function liveHeading(problems: number, warnings: number): string {
  const parts = [problems > 0 ? (problems === 1 ? '1 problem' : `${problems} problems`) : '', warnings > 0 ? (warnings === 1 ? '1 warning' : `${warnings} warnings`) : ''].filter(Boolean);
  return `Checked while you model: ${parts.join(', ')}`;
}
