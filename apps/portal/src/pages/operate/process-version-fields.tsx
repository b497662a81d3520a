import type { ProcessInstanceStatistics, VersionInstanceStatistics } from '../../api/monitoring.api';

/**
 * The "Process" and "Version" fields of the operate pages' filters (instances, metrics): the
 * deployed processes by their latest name, and the versions of the chosen one. `anyLabel` adds a
 * first option with the value "" (the instance list's "All processes" / "All versions").
 */
export function ProcessField(props: {
  id: string;
  processes: ProcessInstanceStatistics[];
  value: string;
  onChange: (processDefinitionId: string) => void;
  anyLabel?: string;
  disabled?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={`${props.id}-process`}>Process</label>
      <select id={`${props.id}-process`} value={props.value} onChange={(e) => props.onChange(e.target.value)} disabled={props.disabled}>
        {props.anyLabel !== undefined && <option value="">{props.anyLabel}</option>}
        {props.processes.map((p) => (
          <option key={`${p.tenantId}/${p.processDefinitionId}`} value={p.processDefinitionId}>
            {p.latestProcessDefinitionName}
          </option>
        ))}
      </select>
    </div>
  );
}

export function VersionField(props: {
  id: string;
  versions: VersionInstanceStatistics[];
  value: string;
  onChange: (version: string) => void;
  anyLabel?: string;
  disabled?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={`${props.id}-version`}>Version</label>
      <select id={`${props.id}-version`} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)}>
        {props.anyLabel !== undefined && <option value="">{props.anyLabel}</option>}
        {props.versions.map((v) => (
          <option key={v.processDefinitionKey} value={String(v.processDefinitionVersion)}>
            Version {v.processDefinitionVersion}
          </option>
        ))}
      </select>
    </div>
  );
}
