import type { ExecutableElementType } from '#bpmn';

/**
 * The records of one process instance's runtime state. Plain JSON, keys as numeric strings,
 * instants as ISO-8601 strings (the core never creates Date objects from a clock of its own).
 */

/** Camunda's three externally visible states; the lifecycle below refines ACTIVE. */
export type ExternalState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

/** Zeebe's element lifecycle. ACTIVATING and COMPLETING are where incidents hold an element. */
export type Lifecycle = 'ACTIVATING' | 'ACTIVATED' | 'COMPLETING' | 'COMPLETED' | 'TERMINATING' | 'TERMINATED';

export function externalState(lifecycle: Lifecycle): ExternalState {
  return lifecycle === 'COMPLETED' ? 'COMPLETED' : lifecycle === 'TERMINATED' ? 'TERMINATED' : 'ACTIVE';
}

export interface ProcessInstanceRecord {
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processDefinitionVersion: number;
  processDefinitionName: string | null;
  versionTag: string | null;
  tenantId: string;
  state: ExternalState;
  businessId: string | null;
  startDate: string;
  endDate: string | null;
  startedBy: string;
  /** Number of active incidents in the instance. */
  incidentCount: number;
}

/** The process itself is an element instance too (type `bpmn:Process`, key = process instance key). */
export type ElementType = ExecutableElementType | 'bpmn:Process';

export interface ElementInstanceRecord {
  elementInstanceKey: string;
  processInstanceKey: string;
  elementId: string;
  elementName: string | null;
  elementType: ElementType;
  /** The enclosing element instance (process or subprocess); null for the process element. */
  flowScopeKey: string | null;
  lifecycle: Lifecycle;
  startDate: string;
  endDate: string | null;
  /** The active incident holding this element, if any. */
  incidentKey: string | null;
}

export interface VariableRecord {
  variableKey: string;
  scopeKey: string;
  name: string;
  /** The value, as JSON. */
  value: unknown;
}

export type UserTaskState = 'CREATED' | 'COMPLETED' | 'CANCELED';

export interface UserTaskRecord {
  userTaskKey: string;
  elementInstanceKey: string;
  elementId: string;
  name: string | null;
  state: UserTaskState;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate: string | null;
  followUpDate: string | null;
  priority: number;
  /** Key of the linked form version (zeebe:formDefinition formId), resolved when the task was created. */
  formKey: string | null;
  /** Id of a legacy embedded form (zeebe:userTaskForm) in the process definition. */
  embeddedFormId: string | null;
  externalFormReference: string | null;
  customHeaders: Record<string, string>;
  creationDate: string;
  completionDate: string | null;
}

export type JobState = 'CREATED' | 'ACTIVATED' | 'FAILED' | 'COMPLETED' | 'CANCELED' | 'ERROR_THROWN';

export interface JobRecord {
  jobKey: string;
  elementInstanceKey: string;
  elementId: string;
  type: string;
  state: JobState;
  retries: number;
  customHeaders: Record<string, string>;
  createdAt: string;
  /** A failed job with retries left becomes activatable again at this instant (its backoff). */
  retryAt: string | null;
  /** The message of the last failure or thrown error. */
  errorMessage: string | null;
  /**
   * A worker may activate it (from `retryAt` on). False while activated, after a failure with no
   * retries left or a thrown error (until the incident is resolved), and once it has ended.
   */
  activatable: boolean;
}

/** Camunda's incident types; UNKNOWN is Baton's activation budget (a loop without a wait state). */
export type IncidentErrorType = 'CONDITION_ERROR' | 'EXTRACT_VALUE_ERROR' | 'IO_MAPPING_ERROR' | 'FORM_NOT_FOUND' | 'JOB_NO_RETRIES' | 'UNHANDLED_ERROR_EVENT' | 'UNKNOWN';

/** What resolving an incident does: re-run the element's activation or completion, or re-offer its job. */
export type IncidentRetry = 'ACTIVATE' | 'COMPLETE' | 'JOB';

export interface IncidentRecord {
  incidentKey: string;
  elementInstanceKey: string;
  elementId: string;
  errorType: IncidentErrorType;
  errorMessage: string;
  state: 'ACTIVE' | 'RESOLVED';
  retry: IncidentRetry;
  jobKey: string | null;
  creationTime: string;
  resolvedAt: string | null;
}
