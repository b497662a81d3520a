import type { InstanceMessage } from '#engine-core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProcessDefinitionRepository } from '../process-definitions/process-definition.repository.js';

type StartChild = Extract<InstanceMessage, { kind: 'start-child' }>;

/**
 * Finds the definition a call activity calls, by its binding type (Camunda's `zeebe:calledElement
 * bindingType`): the latest version of the process id, the version deployed together with the
 * caller, or the latest version carrying a version tag — always in the caller's tenant.
 */
@Injectable()
export class CalledDefinitions {
  constructor(private readonly definitions: ProcessDefinitionRepository) {}

  /** The definition key, or why there is none (Zeebe's wording, for the incident). */
  async resolve(manager: EntityManager, call: StartChild): Promise<{ processDefinitionKey: string } | { missing: string }> {
    const match = { processDefinitionId: call.processDefinitionId, tenantId: call.tenantId };
    let qualifier = '';
    let key: string | null;
    if (call.bindingType === 'deployment') {
      key = await this.definitions.latestKeyMatching(manager, { ...match, deploymentKey: call.deploymentKey });
      qualifier = ' in the same deployment as the calling process';
    } else if (call.bindingType === 'versionTag') {
      key = await this.definitions.latestKeyMatching(manager, { ...match, versionTag: call.versionTag });
      qualifier = ` with version tag '${call.versionTag}'`;
    } else {
      key = await this.definitions.latestKeyMatching(manager, match);
    }
    if (key !== null) return { processDefinitionKey: key };
    return { missing: `Expected process with BPMN process id '${call.processDefinitionId}' to be deployed${qualifier}, but not found.` };
  }
}
