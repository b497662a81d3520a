import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { getProcessDefinitionXml } from '../../api/monitoring.api';
import type { PageProps } from '../../route-table';
import { Link } from '../../router/router';
import { useApi, useSignedIn } from '../../session/session.context';
import { MessageRegion, type PageMessage } from '../../ui/message-region';
import { retryProgress, type RetryInProgress } from './retry-progress';
import { canManageInstances, canSendEvents } from '../../ui/permissions';
import { Spinner } from '../../ui/spinner';
import { usePolledQuery } from '../../ui/use-polled-query';
import { InstanceHeader } from './instance-header';
import { InstanceHistory } from './instance-history';
import { useCompensationMarks } from './use-compensation-marks';
import { InstanceIncidents } from './instance-incidents';
import { elementNamesFromXml } from './bpmn-names';
import { elementNamesOf, loadInstanceSnapshot, scopeNamesOf } from './instance-snapshot';
import { InstanceVariables } from './instance-variables';
import { InstanceWaits } from './instance-waits';
import { TokenSummary } from './token-summary';

const InstanceDiagram = lazy(() => import('./instance-diagram'));

/** How often a running instance is read again. */
const LIVE_INTERVAL_MS = 2500;

/**
 * One process instance: where it stands on its diagram, its facts, incidents (with Retry),
 * variables and audit log. Refreshes itself while the instance runs.
 */
export function InstancePage({ params }: PageProps) {
  const key = params.processInstanceKey!;
  const api = useApi();
  const { user } = useSignedIn();
  const canManage = canManageInstances(user);
  const canSend = canSendEvents(user);
  const [live, setLive] = useState(true);
  const [revision, setRevision] = useState(0);
  const [actionMessage, setActionMessage] = useState<PageMessage | null>(null);

  const snapshot = usePolledQuery(
    `instance:${key}`,
    async (signal) => {
      const result = await loadInstanceSnapshot(api, key, signal);
      setLive(result.instance.state === 'ACTIVE');
      setRevision((r) => r + 1);
      return result;
    },
    { intervalMs: live ? LIVE_INTERVAL_MS : 0 },
  );
  // An instance that does not exist will not appear by asking again.
  const notFound = snapshot.problem?.status === 404;
  useEffect(() => {
    if (notFound) setLive(false);
  }, [notFound]);
  const data = snapshot.data;
  const definitionKey = data?.instance.processDefinitionKey ?? '';
  const xml = usePolledQuery(`xml:${definitionKey}`, (signal) => getProcessDefinitionXml(api, definitionKey, signal), { intervalMs: 0, enabled: definitionKey !== '' });
  const elementNames = useMemo(() => elementNamesOf(data?.elements ?? []), [data?.elements]);
  const scopeNames = useMemo(() => scopeNamesOf(data?.elements ?? []), [data?.elements]);
  const modelNames = useMemo(() => new Map([...elementNames, ...elementNamesFromXml(xml.data ?? '')]), [xml.data, elementNames]);
  const compensation = useCompensationMarks(key, revision);
  // The "Retrying …" banner lasts while the retry runs: done, it goes; failed again, it says so.
  const [retry, setRetry] = useState<RetryInProgress | null>(null);
  useEffect(() => {
    if (!retry || !data) return;
    const progress = retryProgress(retry, data.incidents, data.elements);
    if (progress === 'running') return;
    setRetry(null);
    setActionMessage(progress === 'done' ? null : { tone: 'warning', text: `The retry of ${retry.elementName} failed again; see its incident below.` });
  }, [retry, data]);

  if (snapshot.loading) {
    return (
      <p className="loading-line">
        <Spinner /> Loading instance {key}…
      </p>
    );
  }
  if (!data) {
    return (
      <div className="operate">
        <h1 className="page-title" tabIndex={-1} data-page-heading>
          Instance {key}
        </h1>
        <MessageRegion message={{ tone: 'error', text: snapshot.problem?.detail ?? 'The instance could not be loaded.' }} />
        <p>
          <Link to="/operate/instances">Back to instances</Link>
        </p>
      </div>
    );
  }

  const { instance } = data;
  const refresh = () => snapshot.refresh();
  return (
    <div className="operate instance-page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/operate">Processes</Link>
        <span aria-hidden="true">/</span>
        <Link to="/operate/instances">Instances</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page" className="mono">
          {key}
        </span>
      </nav>
      <div className="page-header page-header-row">
        <h1 className="page-title" tabIndex={-1} data-page-heading>
          {instance.processDefinitionName} <span className="page-title-key mono">{key}</span>
        </h1>
        <p className="live-status" role="status">
          {instance.state === 'ACTIVE' ? (
            <>
              <span className="live-dot" aria-hidden="true" /> Live: updates every few seconds
            </>
          ) : (
            'This instance has ended.'
          )}
        </p>
      </div>

      <MessageRegion message={snapshot.problem ? { tone: 'error', text: snapshot.problem.detail } : actionMessage} />
      <InstanceHeader instance={instance} canCancel={canManage} onChanged={refresh} />
      <InstanceIncidents
        incidents={data.incidents}
        elementNames={elementNames}
        canRetry={canManage}
        onRetried={(what, incident) => {
          setActionMessage({ tone: 'success', text: what });
          setRetry({ incidentKey: incident.incidentKey, elementInstanceKey: incident.elementInstanceKey, elementName: elementNames.get(incident.elementId) ?? incident.elementId });
          setLive(true);
          refresh();
        }}
      />

      <InstanceWaits
        waits={data.waits}
        elementNames={modelNames}
        canSend={canSend && instance.state === 'ACTIVE'}
        onSent={(what) => {
          setActionMessage({ tone: 'success', text: what });
          refresh();
        }}
      />

      <section className="card diagram-card" aria-labelledby="diagram-heading">
        <h2 id="diagram-heading" className="card-title">
          Diagram
        </h2>
        <DiagramLegend />
        {xml.data ? (
          <Suspense
            fallback={
              <p className="loading-line">
                <Spinner /> Loading the diagram viewer…
              </p>
            }
          >
            <InstanceDiagram
              xml={xml.data}
              statistics={data.statistics}
              flowsTaken={data.flowsTaken}
              waits={data.waits}
              label={`Diagram of ${instance.processDefinitionName}, version ${instance.processDefinitionVersion}, with this instance's state`}
              compensation={compensation}
            />
          </Suspense>
        ) : xml.problem ? (
          <MessageRegion message={{ tone: 'error', text: xml.problem.detail }} />
        ) : (
          <p className="loading-line">
            <Spinner /> Loading the diagram…
          </p>
        )}
        <TokenSummary statistics={data.statistics} elementNames={elementNames} listenerJobs={data.listenerJobs} />
      </section>

      {data.calledInstances.length > 0 && (
        <section className="card" aria-labelledby="called-heading">
          <h2 id="called-heading" className="card-title">
            Called instances
          </h2>
          <ul className="called-list">
            {data.calledInstances.map((child) => (
              <li key={child.processInstanceKey}>
                <Link to={`/operate/instances/${child.processInstanceKey}`}>{child.processDefinitionName}</Link> <span className="mono muted">{child.processInstanceKey}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <InstanceVariables variables={data.variables} total={data.variableCount} processInstanceKey={key} scopeNames={scopeNames} />
      <InstanceHistory processInstanceKey={key} elementNames={elementNames} revision={revision} />
    </div>
  );
}

function DiagramLegend() {
  return (
    <ul className="diagram-legend" aria-label="Legend">
      <li>
        <span className="legend-swatch legend-taken" aria-hidden="true" /> Path taken
      </li>
      <li>
        <span className="legend-swatch legend-active" aria-hidden="true" /> Active (tokens)
      </li>
      <li>
        <span className="legend-swatch legend-incident" aria-hidden="true" /> Incident
      </li>
      <li>
        <span className="legend-swatch legend-canceled" aria-hidden="true" /> Canceled
      </li>
    </ul>
  );
}
