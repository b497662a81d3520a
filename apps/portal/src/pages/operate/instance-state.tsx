import type { InstanceState } from '../../api/monitoring.api';

const LABELS: Record<InstanceState, string> = { ACTIVE: 'Active', COMPLETED: 'Completed', TERMINATED: 'Canceled' };

/** The instance's state as a colored badge; an active incident turns it red and says so. */
export function InstanceStateBadge({ state, hasIncident }: { state: InstanceState; hasIncident: boolean }) {
  if (state === 'ACTIVE' && hasIncident) {
    return (
      <span className="state-badge state-incident">
        <StateIcon kind="incident" />
        Incident
      </span>
    );
  }
  return (
    <span className={`state-badge state-${state.toLowerCase()}`}>
      <StateIcon kind={state === 'ACTIVE' ? 'active' : state === 'COMPLETED' ? 'completed' : 'canceled'} />
      {LABELS[state]}
    </span>
  );
}

/** What the instances filter calls each state. */
export function stateLabel(state: InstanceState): string {
  return LABELS[state];
}

function StateIcon({ kind }: { kind: 'active' | 'incident' | 'completed' | 'canceled' }) {
  return (
    <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
      {kind === 'active' && <circle cx="6" cy="6" r="4" fill="currentColor" />}
      {kind === 'incident' && <path d="M6 1.2 11 10.5H1z" fill="currentColor" />}
      {kind === 'completed' && <path d="m2.2 6.3 2.4 2.4 5.2-5.3" stroke="currentColor" strokeWidth="1.8" fill="none" strokeLinecap="round" strokeLinejoin="round" />}
      {kind === 'canceled' && <path d="m3 3 6 6M9 3 3 9" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />}
    </svg>
  );
}
