import { useState } from 'react';
import { ApiProblem } from '../../api/api-problem';
import { getVariable, type Variable } from '../../api/monitoring.api';
import { useApi } from '../../session/session.context';
import { MessageRegion } from '../../ui/message-region';

/** Values longer than this are shown cut, with a button for the whole value. */
const PREVIEW_CHARS = 160;

/**
 * The instance's variables with the scope each lives in: the process, or an element instance
 * (a subprocess, a task's local variables). Values are JSON, shown as such.
 */
export function InstanceVariables({
  variables,
  total,
  processInstanceKey,
  scopeNames,
}: {
  variables: Variable[];
  total: number;
  processInstanceKey: string;
  scopeNames: Map<string, string>;
}) {
  return (
    <section className="card" aria-labelledby="variables-heading">
      <h2 id="variables-heading" className="card-title">
        Variables
      </h2>
      {variables.length === 0 ? (
        <p className="muted">This instance has no variables.</p>
      ) : (
        <>
          {total > variables.length && (
            <p className="card-hint">
              Showing {variables.length} of {total} variables.
            </p>
          )}
          <table className="data-table variables-table">
            <caption className="visually-hidden">Variables</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Value</th>
                <th scope="col">Scope</th>
              </tr>
            </thead>
            <tbody>
              {variables.map((variable) => (
                <tr key={variable.variableKey}>
                  <th scope="row" data-label="Name" className="mono">
                    {variable.name}
                  </th>
                  <td data-label="Value">
                    <VariableValue variable={variable} />
                  </td>
                  <td data-label="Scope">{variable.scopeKey === processInstanceKey ? 'Process' : (scopeNames.get(variable.scopeKey) ?? variable.scopeKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function VariableValue({ variable }: { variable: Variable }) {
  const api = useApi();
  const [whole, setWhole] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const long = variable.isTruncated || variable.value.length > PREVIEW_CHARS;
  const shown = whole ?? (long ? `${variable.value.slice(0, PREVIEW_CHARS)}…` : variable.value);

  const showWhole = async () => {
    setProblem(null);
    try {
      setWhole(variable.isTruncated ? (await getVariable(api, variable.variableKey)).value : variable.value);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.detail : String(error));
    }
  };

  return (
    <>
      <code className="variable-value">{shown}</code>
      {long && whole === null && (
        <button type="button" className="link-button" onClick={showWhole}>
          Show whole value<span className="visually-hidden"> of {variable.name}</span>
        </button>
      )}
      {problem && <MessageRegion message={{ tone: 'error', text: problem }} />}
    </>
  );
}
