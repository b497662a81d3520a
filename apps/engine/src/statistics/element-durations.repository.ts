import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The percentiles the duration statistics report, as fractions. */
export const PERCENTILES = { p50: 0.5, p95: 0.95, p99: 0.99 } as const;

export type PercentileName = keyof typeof PERCENTILES;

/** One element's (and type's) durations in a period, in milliseconds. */
export interface ElementDurationRow {
  elementId: string;
  elementName: string | null;
  /** The stored (verbatim BPMN) type, e.g. `bpmn:UserTask`. */
  elementType: string;
  completedCount: number;
  terminatedCount: number;
  minMs: number | null;
  maxMs: number | null;
  meanMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

/**
 * The continuous percentile `p` (PERCENTILE_CONT's definition) of the completed durations of a
 * group: with the `n` durations ranked 1..n, the value at rank `1 + p(n-1)`, interpolated
 * linearly between the ranks below and above it. Written with ROW_NUMBER() and COUNT() over
 * the group because MySQL 8.4 has no PERCENTILE_CONT (MariaDB has it as a window function only);
 * this form runs unchanged on both and gives the same numbers.
 */
function percentileSql(name: PercentileName, p: number): string {
  const rank = `(1 + ${p} * (n - 1))`;
  const at = (which: 'FLOOR' | 'CEIL') => `MAX(CASE WHEN state = 'COMPLETED' AND rn = ${which}${rank} THEN ms END)`;
  return `${at('FLOOR')} + (${at('CEIL')} - ${at('FLOOR')}) * (MAX(CASE WHEN state = 'COMPLETED' THEN ${rank} END) - MAX(CASE WHEN state = 'COMPLETED' THEN FLOOR${rank} END)) AS ${name}Ms`;
}

/**
 * Durations of the element instances of one process definition that ended in a period, per
 * element id and type, computed in the database: the ended element instances are ranked by
 * duration within their group (ROW_NUMBER), and the percentiles read off the ranks. Rows come
 * in flow order: the process first, then by the first time each element was entered (keys grow
 * with time), so a chart reads like the process.
 */
const DURATIONS_SQL = `
  WITH ended AS (
    SELECT ei.element_instance_key, ei.element_id, ei.element_type, ei.element_name, ei.state,
           TIMESTAMPDIFF(MICROSECOND, ei.start_date, ei.end_date) / 1000 AS ms
      FROM element_instances ei
     WHERE ei.process_definition_key = ?
       AND ei.state IN ('COMPLETED', 'TERMINATED')
       AND ei.end_date >= ? AND ei.end_date < ?
  ),
  ranked AS (
    SELECT ended.*,
           ROW_NUMBER() OVER (PARTITION BY element_id, element_type, state ORDER BY ms) AS rn,
           COUNT(*) OVER (PARTITION BY element_id, element_type, state) AS n
      FROM ended
  )
  SELECT element_id AS elementId, element_type AS elementType, MAX(element_name) AS elementName,
         SUM(state = 'COMPLETED') AS completedCount,
         SUM(state = 'TERMINATED') AS terminatedCount,
         MIN(CASE WHEN state = 'COMPLETED' THEN ms END) AS minMs,
         MAX(CASE WHEN state = 'COMPLETED' THEN ms END) AS maxMs,
         AVG(CASE WHEN state = 'COMPLETED' THEN ms END) AS meanMs,
         ${Object.entries(PERCENTILES)
           .map(([name, p]) => percentileSql(name as PercentileName, p))
           .join(',\n         ')}
    FROM ranked
   GROUP BY element_id, element_type
   ORDER BY (element_type = 'bpmn:Process') DESC, MIN(element_instance_key), element_id, element_type`;

/** Reads element durations (the metrics read side). */
@Injectable()
export class ElementDurationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async ofDefinition(processDefinitionKey: string, from: Date, to: Date): Promise<ElementDurationRow[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(DURATIONS_SQL, [processDefinitionKey, from, to]);
    return rows.map((r) => ({
      elementId: String(r.elementId),
      elementName: r.elementName === null ? null : String(r.elementName),
      elementType: String(r.elementType),
      completedCount: Number(r.completedCount),
      terminatedCount: Number(r.terminatedCount),
      minMs: milliseconds(r.minMs),
      maxMs: milliseconds(r.maxMs),
      meanMs: milliseconds(r.meanMs),
      p50Ms: milliseconds(r.p50Ms),
      p95Ms: milliseconds(r.p95Ms),
      p99Ms: milliseconds(r.p99Ms),
    }));
  }
}

/** A DECIMAL from the database as a number of milliseconds, to the microsecond; null stays null. */
function milliseconds(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return Math.round(Number(value) * 1000) / 1000;
}
