import { useEffect, useId, useState } from 'react';
import type { ElementDuration } from '../../api/metrics.api';
import { getElementDurations } from '../../api/metrics.api';
import { getProcessStatistics, getVersionStatistics } from '../../api/monitoring.api';
import { useLocation, useNavigate } from '../../router/router';
import { useApi } from '../../session/session.context';
import { MessageRegion } from '../../ui/message-region';
import { Spinner } from '../../ui/spinner';
import { usePolledQuery } from '../../ui/use-polled-query';
import { ProcessField, VersionField } from '../operate/process-version-fields';
import { DurationChart, DurationLegend } from './duration-chart';
import { DurationTable } from './duration-table';
import { formatDuration } from './format-duration';
import { metricsPath, PERIODS, readMetricsQuery, resolvePeriod, type MetricsQuery, type PeriodPreset } from './metrics-query';
import { OperateTabs } from '../operate/operate-tabs';

/**
 * How long processes and their steps take: for one process version and a period, each
 * element's P50/P95/P99, min, max and mean (of the element instances that completed in the
 * period), as a chart and as a table.
 */
export function MetricsPage() {
  const api = useApi();
  const id = useId();
  const navigate = useNavigate();
  const location = useLocation();
  const query = readMetricsQuery(location.search);
  const go = (changes: Partial<MetricsQuery>) => navigate(metricsPath({ ...query, ...changes }), { replace: true });

  const processes = usePolledQuery('metrics-processes', (signal) => getProcessStatistics(api, signal), { intervalMs: 0 });
  const processList = processes.data?.items ?? [];
  const processId = query.processDefinitionId || processList[0]?.processDefinitionId || '';
  const versions = usePolledQuery(`metrics-versions:${processId}`, (signal) => getVersionStatistics(api, processId, signal), { intervalMs: 0, enabled: processId !== '' });
  const version = versions.data?.find((v) => String(v.processDefinitionVersion) === query.version) ?? versions.data?.[0];

  // Custom dates are typed into local state and applied with "Show".
  const [custom, setCustom] = useState({ from: query.from, to: query.to });
  useEffect(() => setCustom({ from: query.from, to: query.to }), [query.from, query.to]);
  // A preset period ends "now": fixed when the choice is made (or refreshed), not on every render.
  const [now, setNow] = useState(() => Date.now());
  const period = resolvePeriod(query, now);
  const periodKey = 'problem' in period ? '' : `${period.from}/${period.to}`;

  const durations = usePolledQuery(
    `durations:${version?.processDefinitionKey}:${periodKey}`,
    (signal) => getElementDurations(api, version!.processDefinitionKey, period as { from: string; to: string }, signal),
    { intervalMs: 0, enabled: version !== undefined && periodKey !== '' },
  );
  const items = durations.data?.items ?? [];
  const whole = items.find((item) => item.elementType === 'PROCESS');
  const problem = processes.problem ?? versions.problem ?? durations.problem;

  return (
    <div className="operate metrics-page">
      <OperateTabs />
      <div className="page-header">
        <h1 className="page-title" tabIndex={-1} data-page-heading>
          Metrics
        </h1>
        <p className="page-intro">How long a process and each of its steps take: median, 95th and 99th percentile of what completed in the period.</p>
      </div>

      <form
        className="filters card"
        aria-label="Choose process and period"
        onSubmit={(event) => {
          event.preventDefault();
          setNow(Date.now());
          go({ from: custom.from, to: custom.to });
        }}
      >
        <div className="filters-grid">
          <ProcessField id={id} processes={processList} value={processId} onChange={(processDefinitionId) => go({ processDefinitionId, version: '' })} disabled={processList.length === 0} />
          <VersionField
            id={id}
            versions={versions.data ?? []}
            value={version ? String(version.processDefinitionVersion) : ''}
            onChange={(picked) => go({ processDefinitionId: processId, version: picked })}
          />
          <div className="field">
            <label htmlFor={`${id}-period`}>Period</label>
            <select
              id={`${id}-period`}
              value={query.period}
              onChange={(e) => {
                setNow(Date.now());
                go({ processDefinitionId: processId, period: e.target.value as PeriodPreset });
              }}
            >
              {PERIODS.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          {query.period === 'custom' && (
            <>
              <div className="field">
                <label htmlFor={`${id}-from`}>From</label>
                <input id={`${id}-from`} type="datetime-local" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-to`}>Until</label>
                <input id={`${id}-to`} type="datetime-local" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
              </div>
            </>
          )}
        </div>
        <div className="filters-actions">
          <span className="muted">Counted by when element instances ended.</span>
          <button type="submit" className="button button-primary">
            {query.period === 'custom' ? 'Show' : 'Refresh'}
          </button>
        </div>
      </form>

      <MessageRegion message={problem ? { tone: 'error', text: problem.detail } : 'problem' in period && query.period === 'custom' ? { tone: 'info', text: period.problem } : null} />

      {processes.data && processList.length === 0 && (
        <div className="empty-state card">
          <h2 className="card-title">No processes deployed</h2>
          <p className="muted">Deploy a process and run instances to see how long they take.</p>
        </div>
      )}

      {durations.loading && (
        <p className="loading-line">
          <Spinner /> Computing durations…
        </p>
      )}

      {durations.data && (
        <section className="card" aria-labelledby="durations-heading">
          <h2 id="durations-heading" className="card-title">
            {version ? `${version.processDefinitionName}, version ${version.processDefinitionVersion}` : 'Durations'}
          </h2>
          {items.length === 0 ? (
            <p className="muted">No instance of this version completed or was canceled in this period.</p>
          ) : (
            <>
              <p className="metrics-summary" role="status">
                {whole ? (
                  <>
                    <strong>{whole.completedCount.toLocaleString()}</strong> {whole.completedCount === 1 ? 'instance' : 'instances'} completed
                    {whole.terminatedCount > 0 && `, ${whole.terminatedCount.toLocaleString()} canceled`}
                    {whole.p50Ms !== null && (
                      <>
                        ; median duration <strong>{formatDuration(whole.p50Ms)}</strong>, P95 {formatDuration(whole.p95Ms!)}
                      </>
                    )}
                    .
                  </>
                ) : (
                  'Element instances ended in this period, but no instance did.'
                )}
              </p>
              <DurationsView items={items} />
            </>
          )}
        </section>
      )}
    </div>
  );

}

/** Legend, scale switch, chart and table of one answer. */
function DurationsView({ items }: { items: ElementDuration[] }) {
  const id = useId();
  const [scale, setScale] = useState<'linear' | 'log'>('linear');
  return (
    <>
      <div className="chart-toolbar">
        <DurationLegend />
        <fieldset className="segmented">
          <legend className="visually-hidden">Scale</legend>
          <label>
            <input type="radio" name={`${id}-scale`} checked={scale === 'linear'} onChange={() => setScale('linear')} /> Linear
          </label>
          <label>
            <input type="radio" name={`${id}-scale`} checked={scale === 'log'} onChange={() => setScale('log')} /> Logarithmic
          </label>
        </fieldset>
      </div>
      <DurationChart items={items} scale={scale} />
      <h3 className="table-heading">Numbers</h3>
      <DurationTable items={items} />
    </>
  );
}
