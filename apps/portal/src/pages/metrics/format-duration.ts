/** Durations for people: "850 ms", "4.2 s", "3 min 20 s", "2 h 5 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${trim(seconds, seconds < 10 ? 2 : 1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return join(minutes, 'min', Math.round(seconds - minutes * 60), 's');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return join(hours, 'h', minutes - hours * 60, 'min');
  const days = Math.floor(hours / 24);
  return join(days, 'd', hours - days * 24, 'h');
}

function join(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor > 0 ? `${major} ${majorUnit} ${minor} ${minorUnit}` : `${major} ${majorUnit}`;
}

function trim(value: number, digits: number): string {
  return Number(value.toFixed(digits)).toString();
}

/** A unit for an axis whose largest value is `maxMs`, and its size in milliseconds. */
export interface DurationUnit {
  label: 'ms' | 's' | 'min' | 'h' | 'd';
  /** Spoken name, for the axis title. */
  name: string;
  ms: number;
}

const UNITS: DurationUnit[] = [
  { label: 'ms', name: 'milliseconds', ms: 1 },
  { label: 's', name: 'seconds', ms: 1000 },
  { label: 'min', name: 'minutes', ms: 60_000 },
  { label: 'h', name: 'hours', ms: 3_600_000 },
  { label: 'd', name: 'days', ms: 86_400_000 },
];

/** The largest unit in which `maxMs` is at least 2 (so ticks are not all fractions). */
export function unitFor(maxMs: number): DurationUnit {
  let chosen = UNITS[0]!;
  for (const unit of UNITS) if (maxMs >= 2 * unit.ms) chosen = unit;
  return chosen;
}

/** About `count` round tick values from 0 to at least `max` (1, 2, 2.5, 5 × 10^n steps). */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  const ticks: number[] = [];
  for (let value = 0; value < max + step * 0.999; value += step) ticks.push(Number(value.toPrecision(12)));
  return ticks;
}
