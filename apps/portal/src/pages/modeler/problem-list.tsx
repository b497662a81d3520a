import type { DeploymentProblem } from '../../api/deployments.api';
import type { FindingSeverity } from './problem-markers';

/** A problem or warning of the last deployment, and whether its element is on the canvas. */
export interface ListedProblem {
  problem: DeploymentProblem;
  onCanvas: boolean;
}

/** `bpmn:ServiceTask` → "Service task". */
function elementTypeLabel(type: string | undefined): string {
  if (!type) return 'Element';
  const bare = type.replace(/^[a-z]+:/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

function whereOf(problem: DeploymentProblem): string {
  const parts: string[] = [];
  if (problem.resourceName) parts.push(problem.resourceName);
  if (problem.line !== undefined) parts.push(`line ${problem.line}${problem.column !== undefined ? `, column ${problem.column}` : ''}`);
  return parts.join(', ');
}

/**
 * The problems the engine found when it refused the last deployment (severity `problem`), or
 * the warnings it gave with the last deployment, refused or not (severity `warning`: something in
 * the diagram the engine ignores). An entry about an element on the canvas is a button that
 * selects it (its properties open in the panel); the others (XML syntax, the process as a whole)
 * say where they are.
 */
export function ProblemList({
  problems,
  heading,
  severity = 'problem',
  onSelect,
  onDismiss,
}: {
  problems: readonly ListedProblem[];
  /** @default "N problems stopped the deployment" */
  heading?: string;
  severity?: FindingSeverity;
  onSelect: (elementId: string) => void;
  onDismiss: () => void;
}) {
  if (problems.length === 0) return null;
  const headingId = `modeler-${severity}s-heading`;
  return (
    <section className={`modeler-problems modeler-findings-${severity}`} aria-labelledby={headingId}>
      <div className="modeler-problems-header">
        <h2 id={headingId} className="modeler-problems-title">
          {heading ?? problemsHeading(problems.length)}
        </h2>
        <button type="button" className="button button-secondary button-small" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      <ul className="modeler-problem-list">
        {problems.map(({ problem, onCanvas }, index) => (
          <li key={index}>
            {onCanvas ? (
              <button type="button" className="modeler-problem modeler-problem-link" onClick={() => onSelect(problem.elementId!)}>
                <span className="modeler-problem-where">
                  {elementTypeLabel(problem.elementType)} <code>{problem.elementId}</code>
                </span>
                <span className="modeler-problem-message">{problem.message}</span>
              </button>
            ) : (
              <div className="modeler-problem">
                <span className="modeler-problem-where">
                  {problem.elementId ? (
                    <>
                      {elementTypeLabel(problem.elementType)} <code>{problem.elementId}</code>
                    </>
                  ) : (
                    whereOf(problem) || 'Diagram'
                  )}
                </span>
                <span className="modeler-problem-message">{problem.message}</span>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "1 problem stopped the deployment", "2 problems stopped the deployment". */
export function problemsHeading(count: number): string {
  return `${count === 1 ? '1 problem' : `${count} problems`} stopped the deployment`;
}

/** "1 warning from the engine" after a deployment, "2 warnings as well" next to the problems of a refused one. */
export function warningsHeading(count: number, refused: boolean): string {
  const noun = count === 1 ? '1 warning' : `${count} warnings`;
  return refused ? `${noun} as well` : `${noun} from the engine`;
}
