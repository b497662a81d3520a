import type { ApiClient } from '../../api/api-client';
import { deployFiles, deploymentWarningsIn, latestProcessVersion, type DeploymentFile, type DeploymentProblem } from '../../api/deployments.api';

/** What a deployment did to one process of the diagram. */
export interface DeployedProcessOutcome {
  processDefinitionId: string;
  processDefinitionKey: string;
  version: number;
  /** The XML was identical to the newest version, so the engine kept that version. */
  unchanged: boolean;
}

/** What a deployment of a diagram did: per process, and the engine's warnings about the diagram. */
export interface DiagramDeployment {
  outcomes: DeployedProcessOutcome[];
  /** What the engine ignores in the diagram (Camunda 7 settings, unreachable elements, ...); it deployed anyway. */
  warnings: DeploymentProblem[];
}

/**
 * Deploys a BPMN file and tells, per process, the version it now has and whether that version
 * is new: the engine answers identical XML with the existing version, so the newest version of
 * each process id is looked up first and compared with the answer. The engine's warnings come
 * with it.
 */
export async function deployDiagram(api: ApiClient, file: DeploymentFile, processIds: readonly string[]): Promise<DiagramDeployment> {
  const before = new Map<string, string>();
  await Promise.all(
    processIds.map(async (id) => {
      const latest = await latestProcessVersion(api, id);
      if (latest) before.set(id, latest.processDefinitionKey);
    }),
  );
  const result = await deployFiles(api, [file]);
  const outcomes = result.deployments.flatMap(({ processDefinition: deployed }) =>
    deployed
      ? [
          {
            processDefinitionId: deployed.processDefinitionId,
            processDefinitionKey: deployed.processDefinitionKey,
            version: deployed.processDefinitionVersion,
            unchanged: before.get(deployed.processDefinitionId) === deployed.processDefinitionKey,
          },
        ]
      : [],
  );
  return { outcomes, warnings: deploymentWarningsIn(result) };
}

/** "Deployed expense-approval: version 3." or "Unchanged: expense-approval is still version 2." */
export function describeDeployment(outcomes: readonly DeployedProcessOutcome[], nameOf: (processId: string) => string): string {
  return outcomes
    .map((o) => (o.unchanged ? `Unchanged: ${nameOf(o.processDefinitionId)} is still version ${o.version} (nothing differs from it).` : `Deployed ${nameOf(o.processDefinitionId)}: version ${o.version}.`))
    .join(' ');
}
