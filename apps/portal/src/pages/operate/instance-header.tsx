import { useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../../api/api-problem';
import { cancelProcessInstance, type ProcessInstance } from '../../api/monitoring.api';
import { Link } from '../../router/router';
import { useApi } from '../../session/session.context';
import { formatDateTime } from '../../ui/format-time';
import { MessageRegion, type PageMessage } from '../../ui/message-region';
import { Spinner } from '../../ui/spinner';
import { formatDuration } from '../metrics/format-duration';
import { InstanceStateBadge } from './instance-state';
import { instancesPath } from './instance-query';

/** The instance's facts (state, business id, version, start, end) and the Cancel action for admins. */
export function InstanceHeader({ instance, canCancel, onChanged }: { instance: ProcessInstance; canCancel: boolean; onChanged: () => void }) {
  // Kept here, not in the Cancel button, so "canceled" stays announced after the button goes away.
  const [message, setMessage] = useState<PageMessage | null>(null);
  const versionQuery = { processDefinitionId: instance.processDefinitionId, version: String(instance.processDefinitionVersion) };
  return (
    <section className="card instance-header" aria-label="Instance">
      <dl className="facts">
        <div>
          <dt>State</dt>
          <dd>
            <InstanceStateBadge state={instance.state} hasIncident={instance.hasIncident} />
          </dd>
        </div>
        <div>
          <dt>Process</dt>
          <dd>
            <Link to={instancesPath(versionQuery)}>
              {instance.processDefinitionName} · version {instance.processDefinitionVersion}
            </Link>
            {instance.processDefinitionVersionTag && <span className="muted"> ({instance.processDefinitionVersionTag})</span>}
          </dd>
        </div>
        <div>
          <dt>Business id</dt>
          <dd>{instance.businessId ?? <span className="muted">none</span>}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>
            <time dateTime={instance.startDate}>{formatDateTime(instance.startDate)}</time>
          </dd>
        </div>
        <div>
          <dt>{instance.state === 'TERMINATED' ? 'Canceled' : 'Ended'}</dt>
          <dd>
            {instance.endDate ? (
              <>
                <time dateTime={instance.endDate}>{formatDateTime(instance.endDate)}</time>
                <span className="muted"> · took {formatDuration(Date.parse(instance.endDate) - Date.parse(instance.startDate))}</span>
              </>
            ) : (
              <span className="muted">still running</span>
            )}
          </dd>
        </div>
        {instance.parentProcessInstanceKey && (
          <div>
            <dt>Called by</dt>
            <dd>
              <Link to={`/operate/instances/${instance.parentProcessInstanceKey}`} className="mono">
                {instance.parentProcessInstanceKey}
              </Link>
            </dd>
          </div>
        )}
      </dl>
      {instance.state === 'ACTIVE' && canCancel && <CancelInstance instance={instance} onCanceled={onChanged} onMessage={setMessage} />}
      <MessageRegion message={message} />
    </section>
  );
}

/** "Cancel instance", then a confirmation that says what canceling does. */
function CancelInstance({ instance, onCanceled, onMessage }: { instance: ProcessInstance; onCanceled: () => void; onMessage: (message: PageMessage | null) => void }) {
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const cancel = async () => {
    setBusy(true);
    onMessage(null);
    try {
      await cancelProcessInstance(api, instance.processInstanceKey);
      setConfirming(false);
      onMessage({ tone: 'success', text: 'The instance was canceled.' });
      onCanceled();
    } catch (error) {
      onMessage({ tone: 'error', text: error instanceof ApiProblem ? error.detail : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const keep = () => {
    setConfirming(false);
    requestAnimationFrame(() => openButton.current?.focus());
  };

  return (
    <div className="instance-actions">
      {confirming ? (
        <div className="confirm-panel" role="group" aria-labelledby="cancel-question">
          <p id="cancel-question">
            <strong>Cancel this instance?</strong> Everything still running in it stops, its open tasks and jobs are withdrawn. This cannot be undone.
          </p>
          <div className="button-row">
            <button ref={confirmButton} type="button" className="button button-danger" onClick={cancel} disabled={busy}>
              {busy && <Spinner />}
              {busy ? 'Canceling…' : 'Yes, cancel instance'}
            </button>
            <button type="button" className="button button-secondary" onClick={keep} disabled={busy}>
              Keep it running
            </button>
          </div>
        </div>
      ) : (
        <button ref={openButton} type="button" className="button button-secondary button-danger-outline" onClick={() => setConfirming(true)}>
          Cancel instance
        </button>
      )}
    </div>
  );
}
