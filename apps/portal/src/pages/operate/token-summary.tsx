import type { ElementStatistics } from '../../api/monitoring.api';

/** The diagram's state in words: where tokens wait and where incidents hold them (for screen readers and small screens). */
export function TokenSummary({ statistics, elementNames }: { statistics: ElementStatistics[]; elementNames: Map<string, string> }) {
  const name = (s: ElementStatistics) => elementNames.get(s.elementId) ?? s.elementId;
  const active = statistics.filter((s) => s.active > 0);
  const incidents = statistics.filter((s) => s.incidents > 0);
  if (active.length === 0 && incidents.length === 0) return <p className="token-summary muted">No element is active.</p>;
  return (
    <ul className="token-summary">
      {incidents.map((s) => (
        <li key={`i-${s.elementId}`} className="token-incident">
          Incident at <strong>{name(s)}</strong>
          {s.incidents > 1 && ` (${s.incidents})`}
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
