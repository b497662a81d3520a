import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ElementDuration } from '../../api/metrics.api';
import { formatDuration, niceTicks, unitFor } from './format-duration';

const ROW = { wide: 34, narrow: 52 };
const AXIS_HEIGHT = 44;
const NARROW_BELOW = 560;

/** Display name of an element row. */
export function elementLabel(item: ElementDuration): string {
  if (item.elementType === 'PROCESS') return 'Whole instance';
  return item.elementName ?? item.elementId;
}

/**
 * Per element, how long its completed instances took, as one horizontal track each: a bar to
 * the median (P50), a lighter bar on to P95, a tick at P99 and a thin whisker from min to max.
 * Hand-drawn SVG on a linear or logarithmic axis whose unit (ms, s, min, h, d) follows the
 * largest value. The table next to it has the same numbers for screen readers and copying.
 */
export function DurationChart({ items, scale }: { items: ElementDuration[]; scale: 'linear' | 'log' }) {
  const container = useRef<HTMLDivElement>(null);
  const width = useWidth(container);
  const measured = items.filter((item) => item.maxMs !== null);

  const narrow = width < NARROW_BELOW;
  const labelWidth = narrow ? 0 : Math.min(240, Math.round(width * 0.32));
  const left = labelWidth + 12;
  const right = 24;
  const plotWidth = Math.max(40, width - left - right);
  const rowHeight = narrow ? ROW.narrow : ROW.wide;
  const height = measured.length * rowHeight + AXIS_HEIGHT;

  const maxMs = Math.max(1, ...measured.map((item) => item.maxMs ?? 0));
  const unit = unitFor(maxMs);
  const axis = scale === 'log' ? logAxis(maxMs) : linearAxis(maxMs / unit.ms, unit.ms);
  const x = (ms: number) => left + axis.position(ms) * plotWidth;

  return (
    <div ref={container} className="duration-chart">
      {width > 0 && measured.length > 0 && (
        <svg width={width} height={height} role="img" aria-labelledby="duration-chart-title" className="duration-chart-svg">
          <title id="duration-chart-title">
            {`Duration per element: median (P50), P95 and P99 bars, minimum to maximum whiskers, in ${scale === 'log' ? 'a logarithmic' : unit.name} scale`}
          </title>
          {axis.ticks.map((tick) => (
            <g key={tick.ms}>
              <line x1={x(tick.ms)} x2={x(tick.ms)} y1={0} y2={height - AXIS_HEIGHT} className="chart-grid" />
              <text x={x(tick.ms)} y={height - AXIS_HEIGHT + 16} className="chart-tick" textAnchor="middle">
                {scale === 'log' ? tick.label : trimNumber(tick.ms / unit.ms)}
              </text>
            </g>
          ))}
          <text x={left + plotWidth / 2} y={height - 6} className="chart-axis-title" textAnchor="middle">
            {scale === 'log' ? 'Duration (logarithmic scale)' : `Duration (${unit.label})`}
          </text>
          {measured.map((item, index) => {
            const top = index * rowHeight;
            const barTop = top + (narrow ? 24 : 8);
            const barHeight = 16;
            const mid = barTop + barHeight / 2;
            return (
              <g key={`${item.elementId}/${item.elementType}`} className={item.elementType === 'PROCESS' ? 'chart-row chart-row-process' : 'chart-row'}>
                <title>{`${elementLabel(item)}: median ${formatDuration(item.p50Ms!)}, P95 ${formatDuration(item.p95Ms!)}, P99 ${formatDuration(item.p99Ms!)}, min ${formatDuration(item.minMs!)}, max ${formatDuration(item.maxMs!)}, ${item.completedCount} completed`}</title>
                {index % 2 === 1 && <rect x={0} y={top} width={width} height={rowHeight} className="chart-stripe" />}
                {narrow ? (
                  <text x={0} y={top + 16} className="chart-label">
                    {clip(elementLabel(item), 44)}
                  </text>
                ) : (
                  <text x={labelWidth} y={mid + 4} className="chart-label" textAnchor="end">
                    {clip(elementLabel(item), Math.floor(labelWidth / 7.2))}
                  </text>
                )}
                <line x1={x(item.minMs!)} x2={x(item.maxMs!)} y1={mid} y2={mid} className="chart-whisker" />
                <line x1={x(item.minMs!)} x2={x(item.minMs!)} y1={mid - 5} y2={mid + 5} className="chart-whisker" />
                <line x1={x(item.maxMs!)} x2={x(item.maxMs!)} y1={mid - 5} y2={mid + 5} className="chart-whisker" />
                <rect x={x(axis.floor)} y={barTop} width={Math.max(1, x(item.p95Ms!) - x(axis.floor))} height={barHeight} rx={3} className="chart-p95" />
                <rect x={x(axis.floor)} y={barTop} width={Math.max(1, x(item.p50Ms!) - x(axis.floor))} height={barHeight} rx={3} className="chart-p50" />
                <line x1={x(item.p99Ms!)} x2={x(item.p99Ms!)} y1={barTop - 3} y2={barTop + barHeight + 3} className="chart-p99" />
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}

/** The chart's legend, as HTML so it wraps on small screens. */
export function DurationLegend() {
  return (
    <ul className="chart-legend" aria-label="Legend">
      <li>
        <span className="legend-swatch chart-swatch-p50" aria-hidden="true" /> Median (P50)
      </li>
      <li>
        <span className="legend-swatch chart-swatch-p95" aria-hidden="true" /> up to P95
      </li>
      <li>
        <span className="legend-swatch chart-swatch-p99" aria-hidden="true" /> P99
      </li>
      <li>
        <span className="legend-swatch chart-swatch-range" aria-hidden="true" /> Min to max
      </li>
    </ul>
  );
}

interface Axis {
  /** 0..1 along the plot for a duration in ms. */
  position(ms: number): number;
  ticks: Array<{ ms: number; label: string }>;
  /** Where bars start. */
  floor: number;
}

function linearAxis(maxInUnit: number, unitMs: number): Axis {
  const ticks = niceTicks(maxInUnit);
  const top = ticks.at(-1)! * unitMs;
  return { position: (ms) => Math.min(1, Math.max(0, ms / top)), ticks: ticks.map((t) => ({ ms: t * unitMs, label: String(t) })), floor: 0 };
}

/** Decades from 1 ms (durations below 1 ms sit at the left edge). */
function logAxis(maxMs: number): Axis {
  const decades = Math.max(1, Math.ceil(Math.log10(maxMs)));
  const ticks = Array.from({ length: decades + 1 }, (_, i) => 10 ** i).map((ms) => ({ ms, label: formatDuration(ms) }));
  return { position: (ms) => Math.min(1, Math.max(0, Math.log10(Math.max(1, ms)) / decades)), ticks, floor: 1 };
}

function trimNumber(value: number): string {
  return Number(value.toPrecision(6)).toString();
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}

/** The element's width in CSS pixels, following resizes. */
function useWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry!.contentRect.width)));
    observer.observe(element);
    setWidth(Math.floor(element.getBoundingClientRect().width));
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
