import type { InstanceMessage } from '#engine-core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

type StartChild = Extract<InstanceMessage, { kind: 'start-child' }>;

/**
 * Finds the definition a call activity calls, by its binding type (Camunda's `zeebe:calledElement
 * bindingType`): the latest version of the process id, the version deployed together with the
 * caller, or the latest version carrying a version tag — always in the caller's tenant.
 */
@Injectable()
export class CalledDefinitions {
  /** The definition key, or why there is none (Zeebe's wording, for the incident). */
  async resolve(manager: EntityManager, call: StartChild): Promise<{ processDefinitionKey: string } | { missing: string }> {
    const where = ['process_definition_id = ?', 'tenant_id = ?'];
    const parameters: unknown[] = [call.processDefinitionId, call.tenantId];
    let qualifier = '';
    if (call.bindingType === 'deployment') {
      where.push('deployment_key = ?');
      parameters.push(call.deploymentKey);
      qualifier = ' in the same deployment as the calling process';
    } else if (call.bindingType === 'versionTag') {
      where.push('version_tag = ?');
      parameters.push(call.versionTag);
      qualifier = ` with version tag '${call.versionTag}'`;
    }
    const [row] = (await manager.query(`SELECT process_definition_key FROM process_definitions WHERE ${where.join(' AND ')} ORDER BY version DESC LIMIT 1`, parameters)) as Array<{
      process_definition_key: string;
    }>;
    if (row) return { processDefinitionKey: String(row.process_definition_key) };
    return { missing: `Expected process with BPMN process id '${call.processDefinitionId}' to be deployed${qualifier}, but not found.` };
  }
}
