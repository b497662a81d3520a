import type { ElementDuration } from '../../api/metrics.api';
import { elementLabel } from './duration-chart';
import { formatDuration } from './format-duration';

const TYPES: Record<string, string> = {
  PROCESS: 'Process',
  USER_TASK: 'User task',
  SERVICE_TASK: 'Service task',
  SCRIPT_TASK: 'Script task',
  SEND_TASK: 'Send task',
  BUSINESS_RULE_TASK: 'Business rule task',
  MANUAL_TASK: 'Manual task',
  TASK: 'Task',
  START_EVENT: 'Start event',
  END_EVENT: 'End event',
  INTERMEDIATE_CATCH_EVENT: 'Intermediate catch event',
  INTERMEDIATE_THROW_EVENT: 'Intermediate throw event',
  BOUNDARY_EVENT: 'Boundary event',
  EXCLUSIVE_GATEWAY: 'Exclusive gateway',
  PARALLEL_GATEWAY: 'Parallel gateway',
  INCLUSIVE_GATEWAY: 'Inclusive gateway',
  SUB_PROCESS: 'Subprocess',
  CALL_ACTIVITY: 'Call activity',
  MULTI_INSTANCE_BODY: 'Multi-instance or loop (all)',
  AD_HOC_SUB_PROCESS: 'Ad-hoc subprocess',
  AD_HOC_SUB_PROCESS_INNER_INSTANCE: 'Ad-hoc activation',
};

/** The same numbers as the chart, exact, with counts. On a phone each row is a card of label and value pairs (`data-label`), so no column hides off-screen. */
export function DurationTable({ items }: { items: ElementDuration[] }) {
  const cell = (ms: number | null) => (ms === null ? <span className="muted">–</span> : formatDuration(ms));
  return (
    <div className="table-scroll">
      <table className="data-table durations-table">
        <caption className="visually-hidden">Durations per element</caption>
        <thead>
          <tr>
            <th scope="col">Element</th>
            <th scope="col" className="num">
              Completed
            </th>
            <th scope="col" className="num">
              Canceled
            </th>
            <th scope="col" className="num">
              Min
            </th>
            <th scope="col" className="num">
              P50
            </th>
            <th scope="col" className="num">
              P95
            </th>
            <th scope="col" className="num">
              P99
            </th>
            <th scope="col" className="num">
              Max
            </th>
            <th scope="col" className="num">
              Mean
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.elementId}/${item.elementType}`} className={item.elementType === 'PROCESS' ? 'durations-process' : undefined}>
              <th scope="row">
                {elementLabel(item)}
                <span className="element-type">{TYPES[item.elementType] ?? item.elementType}</span>
              </th>
              <td className="num" data-label="Completed">{item.completedCount.toLocaleString()}</td>
              <td className="num" data-label="Canceled">{item.terminatedCount.toLocaleString()}</td>
              <td className="num" data-label="Min">{cell(item.minMs)}</td>
              <td className="num" data-label="P50">{cell(item.p50Ms)}</td>
              <td className="num" data-label="P95">{cell(item.p95Ms)}</td>
              <td className="num" data-label="P99">{cell(item.p99Ms)}</td>
              <td className="num" data-label="Max">{cell(item.maxMs)}</td>
              <td className="num" data-label="Mean">{cell(item.meanMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
