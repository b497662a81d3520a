/**
 * What the instance page says after a Retry, as the instance moves on: the "Retrying …" banner
 * stays while the retry runs and goes away when it is done. Pure; the page feeds it every refresh.
 */
import type { ElementInstance, Incident } from '../../api/monitoring.api';

/** A retry the page started: the incident it resolved and the element instance it held. */
export interface RetryInProgress {
  incidentKey: string;
  elementInstanceKey: string;
  elementName: string;
}

/**
 * `running` while the retried incident is still listed or its element instance is still active
 * without a new incident (the job is offered to workers, a worker runs it); `done` once the
 * element instance is no longer active (it completed, or the instance moved on or ended);
 * `failed-again` when a new incident holds the same element instance.
 */
export function retryProgress(retry: RetryInProgress, incidents: readonly Pick<Incident, 'incidentKey' | 'elementInstanceKey'>[], elements: readonly Pick<ElementInstance, 'elementInstanceKey' | 'state'>[]): 'running' | 'done' | 'failed-again' {
  if (incidents.some((incident) => incident.incidentKey === retry.incidentKey)) return 'running';
  if (incidents.some((incident) => incident.elementInstanceKey === retry.elementInstanceKey)) return 'failed-again';
  const element = elements.find((e) => e.elementInstanceKey === retry.elementInstanceKey);
  return element?.state === 'ACTIVE' ? 'running' : 'done';
}
