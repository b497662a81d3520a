import { useEffect, useState } from 'react';
import type { ApiClient } from '../../api/api-client';
import { ApiProblem } from '../../api/api-problem';
import type { RenderableForm } from '../../api/forms.api';
import { getAllUserTaskVariables, getUserTaskForm, type TaskVariable } from '../../api/user-tasks.api';

/** A task's form and the variables that pre-fill it. */
export interface TaskInputs {
  /** Null: the task has no form Baton serves (the page offers the variables editor). */
  form: RenderableForm | null;
  variables: TaskVariable[];
  /** The variables as values (JSON parsed): the form's data and the context of its templates. */
  data: Record<string, unknown>;
}

/**
 * Loads the task's form (`GET /v2/user-tasks/{key}/form`) and every variable it sees, whole
 * (`truncateValues=false`), once per task: the form is not re-rendered while someone types.
 */
export function useTaskInputs(api: ApiClient, userTaskKey: string): { inputs: TaskInputs | null; problem: ApiProblem | null } {
  const [state, setState] = useState<{ key: string; inputs: TaskInputs | null; problem: ApiProblem | null }>({ key: userTaskKey, inputs: null, problem: null });

  useEffect(() => {
    const controller = new AbortController();
    setState({ key: userTaskKey, inputs: null, problem: null });
    Promise.all([getUserTaskForm(api, userTaskKey, controller.signal), getAllUserTaskVariables(api, userTaskKey, controller.signal)]).then(
      ([form, variables]) => setState({ key: userTaskKey, inputs: { form, variables, data: valuesOf(variables) }, problem: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ key: userTaskKey, inputs: null, problem: error instanceof ApiProblem ? error : new ApiProblem(0, 'Unexpected error', String(error), 'CLIENT.UNEXPECTED') });
      },
    );
    return () => controller.abort();
  }, [api, userTaskKey]);

  return state.key === userTaskKey ? { inputs: state.inputs, problem: state.problem } : { inputs: null, problem: null };
}

/** `{ amount: 2500, category: "travel" }` from the variables' JSON text. */
function valuesOf(variables: readonly TaskVariable[]): Record<string, unknown> {
  // Entries, not assignments: a variable named `__proto__` must become a member, not a prototype.
  return Object.fromEntries(variables.map((variable) => [variable.name, parseOrText(variable.value)]));
}

function parseOrText(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
