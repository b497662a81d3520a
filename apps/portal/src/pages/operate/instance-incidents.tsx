import { useId, useState } from 'react';
import { ApiProblem } from '../../api/api-problem';
import { NO_RETRIES_TYPES, retryIncident, type Incident } from '../../api/monitoring.api';
import { useApi } from '../../session/session.context';
import { formatDateTime } from '../../ui/format-time';
import { MessageRegion, type PageMessage } from '../../ui/message-region';
import { Spinner } from '../../ui/spinner';

const ERROR_TYPES: Record<string, string> = {
  JOB_NO_RETRIES: 'Job failed, no retries left',
  EXECUTION_LISTENER_NO_RETRIES: 'Execution listener failed, no retries left',
  TASK_LISTENER_NO_RETRIES: 'Task listener failed, no retries left',
  CONDITION_ERROR: 'Condition failed',
  EXTRACT_VALUE_ERROR: 'Expression failed',
  IO_MAPPING_ERROR: 'Variable mapping failed',
  FORM_NOT_FOUND: 'Form not deployed',
  UNHANDLED_ERROR_EVENT: 'BPMN error not caught',
  CALLED_ELEMENT_ERROR: 'Called process failed',
};

/** The instance's active incidents, each with Retry for admins. */
export function InstanceIncidents({
  incidents,
  elementNames,
  canRetry,
  onRetried,
}: {
  incidents: Incident[];
  elementNames: Map<string, string>;
  canRetry: boolean;
  /** After a successful retry, with what happened (the incident then leaves this list). */
  /** After a retry: what was done, and the incident it was for. */
  onRetried: (what: string, incident: Incident) => void;
}) {
  if (incidents.length === 0) return null;
  return (
    <section className="card incidents-card" aria-labelledby="incidents-heading">
      <h2 id="incidents-heading" className="card-title incidents-title">
        <WarningIcon />
        {incidents.length === 1 ? '1 incident' : `${incidents.length} incidents`}
      </h2>
      {!canRetry && <p className="card-hint">Only admins can retry incidents.</p>}
      <ul className="incident-list">
        {incidents.map((incident) => (
          <IncidentItem key={incident.incidentKey} incident={incident} elementName={elementNames.get(incident.elementId) ?? incident.elementId} canRetry={canRetry} onRetried={onRetried} />
        ))}
      </ul>
    </section>
  );
}

function IncidentItem({ incident, elementName, canRetry, onRetried }: { incident: Incident; elementName: string; canRetry: boolean; onRetried: (what: string, incident: Incident) => void }) {
  const api = useApi();
  const id = useId();
  const [retries, setRetries] = useState('1');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<PageMessage | null>(null);
  const needsRetries = NO_RETRIES_TYPES.includes(incident.errorType) && incident.jobKey !== undefined;
  const retriesValue = Number(retries);
  const retriesValid = Number.isInteger(retriesValue) && retriesValue >= 1;

  const retry = async () => {
    if (needsRetries && !retriesValid) {
      setMessage({ tone: 'error', text: 'Give the job at least 1 retry.' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await retryIncident(api, incident, retriesValue);
      onRetried(
        needsRetries
          ? `Retrying ${elementName}: its job is offered to workers again with ${retriesValue} ${retriesValue === 1 ? 'retry' : 'retries'}.`
          : `Retrying ${elementName}: the failed step runs again.`,
        incident,
      );
    } catch (error) {
      setMessage({ tone: 'error', text: error instanceof ApiProblem ? error.detail : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="incident-item">
      <div className="incident-head">
        <strong className="incident-element">{elementName}</strong>
        <span className="incident-type">{ERROR_TYPES[incident.errorType] ?? incident.errorType}</span>
        <time className="muted" dateTime={incident.creationTime}>
          {formatDateTime(incident.creationTime)}
        </time>
      </div>
      <p className="incident-message">{incident.errorMessage}</p>
      {canRetry && (
        <div className="incident-actions">
          {needsRetries && (
            <span className="inline-field">
              <label htmlFor={`${id}-retries`}>Retries</label>
              <input
                id={`${id}-retries`}
                type="number"
                min={1}
                max={100}
                inputMode="numeric"
                value={retries}
                aria-invalid={!retriesValid}
                onChange={(event) => setRetries(event.target.value)}
              />
            </span>
          )}
          <button type="button" className="button button-primary" onClick={retry} disabled={busy}>
            {busy && <Spinner />}
            {busy ? 'Retrying…' : 'Retry'}
            <span className="visually-hidden"> {elementName}</span>
          </button>
        </div>
      )}
      <MessageRegion message={message} />
    </li>
  );
}

function WarningIcon() {
  return (
    <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M8 1.5 15 14H1z" fill="currentColor" />
      <path d="M8 6v3.5M8 11.6h.01" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
