import { useEffect, useId, useMemo, useState } from 'react';
import { ApiProblem } from '../../api/api-problem';
import { latestProcessDefinitions, processLabel, type ProcessDefinition } from '../../api/process-definitions.api';
import { Link } from '../../router/router';
import { useApi } from '../../session/session.context';
import { MessageRegion } from '../../ui/message-region';
import { Spinner } from '../../ui/spinner';

/**
 * `/start`: the processes the user can start from the portal — the latest version of each
 * process that has a none start event (processes started only by messages or timers are left
 * out: `POST /v2/process-instances` cannot start them).
 */
export function StartPage() {
  const api = useApi();
  const [processes, setProcesses] = useState<ProcessDefinition[] | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [filter, setFilter] = useState('');
  const filterId = useId();

  useEffect(() => {
    const controller = new AbortController();
    latestProcessDefinitions(api, { hasNoneStartEvent: true }, controller.signal).then(setProcesses, (error: unknown) => {
      if (controller.signal.aborted) return;
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, 'Unexpected error', String(error), 'CLIENT.UNEXPECTED'));
    });
    return () => controller.abort();
  }, [api]);

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    if (!processes || !needle) return processes;
    return processes.filter((p) => processLabel(p).toLowerCase().includes(needle) || p.processDefinitionId.toLowerCase().includes(needle));
  }, [processes, filter]);

  return (
    <div className="start-page">
      <h1 className="page-title" tabIndex={-1} data-page-heading>
        Start a process
      </h1>
      <p className="page-intro muted">Pick what you want to get going. Processes with a form ask for what they need; the others take variables.</p>

      {problem && <MessageRegion message={{ tone: 'error', text: problem.detail }} />}
      {!processes && !problem && (
        <p className="page-loading" role="status">
          <Spinner /> Loading processes…
        </p>
      )}
      {processes && processes.length === 0 && (
        <div className="card empty-state">
          <p>There is no process you can start yet.</p>
          <p className="muted">Processes appear here once someone deploys one with a plain start event.</p>
        </div>
      )}
      {processes && processes.length > 6 && (
        <div className="field start-filter">
          <label htmlFor={filterId}>Find a process</label>
          <input id={filterId} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} autoComplete="off" />
        </div>
      )}
      {shown && shown.length > 0 && (
        <ul className="start-list" aria-label="Processes you can start">
          {shown.map((process) => (
            <li key={process.processDefinitionKey}>
              <Link to={`/start/${process.processDefinitionKey}`} className="start-item card" markCurrent={false}>
                <span className="start-item-name">{processLabel(process)}</span>
                <span className="start-item-meta muted">
                  {process.processDefinitionId} · version {process.version}
                  {process.versionTag ? ` (${process.versionTag})` : ''}
                </span>
                <span className="start-item-form">{process.hasStartForm ? 'Starts with a form' : 'Starts with variables'}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {shown && processes && processes.length > 0 && shown.length === 0 && <p className="muted">No process matches “{filter}”.</p>}
    </div>
  );
}
