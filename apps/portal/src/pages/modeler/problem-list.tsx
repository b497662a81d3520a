import type { DeploymentProblem } from '../../api/deployments.api';

/** A problem of the last refused deployment, and whether its element is on the canvas. */
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
 * The problems the engine found when it refused the last deployment. A problem about an element
 * on the canvas is a button that selects it (its properties open in the panel); the others (XML
 * syntax, the process as a whole) say where they are.
 */
export function ProblemList({ problems, onSelect, onDismiss }: { problems: readonly ListedProblem[]; onSelect: (elementId: string) => void; onDismiss: () => void }) {
  if (problems.length === 0) return null;
  return (
    <section className="modeler-problems" aria-labelledby="modeler-problems-heading">
      <div className="modeler-problems-header">
        <h2 id="modeler-problems-heading" className="modeler-problems-title">
          {problems.length === 1 ? '1 problem' : `${problems.length} problems`} stopped the deployment
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
