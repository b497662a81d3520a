import type { ElementStatistics, ListenerJob } from '../../api/monitoring.api';

/** "start listener", "completing task listener". */
function listenerLabel(job: ListenerJob): string {
  return `${job.listenerEventType.toLowerCase()} ${job.kind === 'TASK_LISTENER' ? 'task listener' : 'listener'}`;
}

/**
 * The diagram's state in words: where tokens wait, where incidents hold them and which listener
 * jobs elements wait for (for screen readers and small screens).
 */
export function TokenSummary({ statistics, elementNames, listenerJobs = [] }: { statistics: ElementStatistics[]; elementNames: Map<string, string>; listenerJobs?: ListenerJob[] }) {
  const name = (s: { elementId: string }) => elementNames.get(s.elementId) ?? s.elementId;
  const active = statistics.filter((s) => s.active > 0);
  const incidents = statistics.filter((s) => s.incidents > 0);
  if (active.length === 0 && incidents.length === 0 && listenerJobs.length === 0) return <p className="token-summary muted">No element is active.</p>;
  return (
    <ul className="token-summary">
      {incidents.map((s) => (
        <li key={`i-${s.elementId}`} className="token-incident">
          Incident at <strong>{name(s)}</strong>
          {s.incidents > 1 && ` (${s.incidents})`}
        </li>
      ))}
      {listenerJobs.map((job) => (
        <li key={`l-${job.jobKey}`} className="token-listener">
          <strong>{name(job)}</strong> waits for its {listenerLabel(job)} <span className="mono">{job.type}</span>
        </li>
      ))}
      {active.map((s) => (
        <li key={`a-${s.elementId}`} className="token-active">
          Waiting at <strong>{name(s)}</strong>
          {s.active > 1 && ` (${s.active} tokens)`}
        </li>
      ))}
    </ul>
  );
}
