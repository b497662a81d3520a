import type { ApiClient } from '../../api/api-client';
import { deployFiles, latestFormVersion } from '../../api/deployments.api';

/** What deploying a form did. */
export interface FormDeploymentOutcome {
  formId: string;
  formKey: string;
  version: number;
  /** The file was identical to the newest version, so the engine kept that version. */
  unchanged: boolean;
}

/**
 * Deploys one form as `<formId>.form` and tells whether the version is new: the engine answers
 * an identical file with the existing version, so the newest version is looked up first.
 */
export async function deployForm(api: ApiClient, formId: string, fileName: string, content: string): Promise<FormDeploymentOutcome> {
  const before = await latestFormVersion(api, formId);
  const result = await deployFiles(api, [{ name: fileName, content }]);
  const form = result.deployments.find((d) => d.form)?.form;
  if (!form) throw new Error(`Expected the engine to report the deployed form '${formId}' but its answer lists none`);
  return { formId: form.formId, formKey: form.formKey, version: form.version, unchanged: before?.formKey === form.formKey };
}

/** "Deployed form approve-expense: version 3." or "Unchanged: ... is still version 2 ...". */
export function describeFormDeployment(outcome: FormDeploymentOutcome): string {
  return outcome.unchanged
    ? `Unchanged: form ${outcome.formId} is still version ${outcome.version} (nothing differs from it).`
    : `Deployed form ${outcome.formId}: version ${outcome.version}.`;
}
