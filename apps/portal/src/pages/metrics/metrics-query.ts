/** The metrics page's choices as URL query parameters: `?process=&version=&period=day` or `&period=custom&from=&to=`. */

export type PeriodPreset = 'hour' | 'day' | 'week' | 'month' | 'custom';

export interface MetricsQuery {
  processDefinitionId: string;
  /** Version number as text; '' for the latest. */
  version: string;
  period: PeriodPreset;
  /** `datetime-local` values for a custom period. */
  from: string;
  to: string;
}

export const PERIODS: ReadonlyArray<{ value: PeriodPreset; label: string; ms?: number }> = [
  { value: 'hour', label: 'Last hour', ms: 3_600_000 },
  { value: 'day', label: 'Last 24 hours', ms: 86_400_000 },
  { value: 'week', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { value: 'month', label: 'Last 30 days', ms: 30 * 86_400_000 },
  { value: 'custom', label: 'Custom period' },
];

export function readMetricsQuery(search: string): MetricsQuery {
  const params = new URLSearchParams(search);
  const period = params.get('period') as PeriodPreset | null;
  return {
    processDefinitionId: params.get('process') ?? '',
    version: /^\d+$/.test(params.get('version') ?? '') ? params.get('version')! : '',
    period: period && PERIODS.some((p) => p.value === period) ? period : 'day',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

export function metricsPath(query: Partial<MetricsQuery>): string {
  const params = new URLSearchParams();
  if (query.processDefinitionId) params.set('process', query.processDefinitionId);
  if (query.processDefinitionId && query.version) params.set('version', query.version);
  if (query.period && query.period !== 'day') params.set('period', query.period);
  if (query.period === 'custom') {
    if (query.from) params.set('from', query.from);
    if (query.to) params.set('to', query.to);
  }
  const text = params.toString();
  return text ? `/operate/metrics?${text}` : '/operate/metrics';
}

/**
 * The period as ISO instants, ending now for the presets. A custom period needs both ends; one
 * that ends before it starts goes to the engine anyway, which answers with a precise problem.
 */
export function resolvePeriod(query: MetricsQuery, now: number): { from: string; to: string } | { problem: string } {
  const preset = PERIODS.find((p) => p.value === query.period);
  if (preset?.ms) return { from: new Date(now - preset.ms).toISOString(), to: new Date(now).toISOString() };
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (!query.from || !query.to || Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return { problem: 'Choose both the start and the end of the period.' };
  return { from: from.toISOString(), to: to.toISOString() };
}
