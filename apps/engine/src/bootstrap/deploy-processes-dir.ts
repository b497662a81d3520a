import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { CreateDeploymentUseCase } from '../deployments/usecases/create-deployment.usecase.js';

/** The service account that start-up deployments are recorded as. */
export const SYSTEM_USER = 'system';

/**
 * Deploys every .bpmn and .form file in `dir` as one deployment. Idempotent: unchanged files
 * create no new versions, so restarting Baton leaves versions as they are.
 */
export async function deployProcessesDir(dir: string, deployments: CreateDeploymentUseCase, logger: Logger): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => /\.(bpmn|form)$/i.test(name)).sort();
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') {
      logger.warn({ dir }, 'No processes folder; nothing deployed at start');
      return;
    }
    throw error;
  }
  if (names.length === 0) return;
  const resources = await Promise.all(names.map(async (name) => ({ name, content: await readFile(join(dir, name)) })));
  const result = await deployments.execute(resources, { deployedBy: SYSTEM_USER });
  const summary = result.deployments.map((d) =>
    d.processDefinition ? `${d.processDefinition.processDefinitionId} v${d.processDefinition.processDefinitionVersion}` : `form ${d.form?.formId} v${d.form?.version}`,
  );
  logger.info({ dir, deployed: summary }, `Deployed ${names.length} file(s) from ${dir}`);
  for (const warning of result.warnings) logger.warn({ dir, resourceName: warning.resourceName, elementId: warning.elementId, rule: warning.rule }, warning.message);
}
