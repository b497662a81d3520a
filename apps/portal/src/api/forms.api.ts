/**
 * A form as the engine serves it for a user task (`GET /v2/user-tasks/{key}/form`) or a start
 * event (`GET /v2/process-definitions/{key}/form`): the form-js schema plus where it came from.
 */
export interface RenderableForm {
  tenantId: string;
  formId: string;
  /** The form-js JSON schema (`components`, `schemaVersion`, ...). */
  schema: FormSchema;
  /** Absent for a legacy form embedded in the BPMN (`zeebe:userTaskForm`). */
  version?: number;
  /** Absent for a legacy form embedded in the BPMN. */
  formKey?: string;
}

/** A form-js schema: opaque to the portal apart from its components. */
export interface FormSchema {
  id?: string;
  components?: unknown[];
  [member: string]: unknown;
}
