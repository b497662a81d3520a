import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal.js';
import { CommandExecutor } from '../../execution/command-executor.js';
import { InstanceLookup } from '../../execution/instance-lookup.js';

/** Resolves an incident: what failed (the element's activation or completion) runs again. */
@Injectable()
export class ResolveIncidentUseCase {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly lookup: InstanceLookup,
  ) {}

  async execute(incidentKey: string, principal: Principal): Promise<void> {
    const processInstanceKey = await this.lookup.ofIncident(incidentKey);
    await this.executor.execute(processInstanceKey, { type: 'RESOLVE_INCIDENT', incidentKey }, { command: 'RESOLVE_INCIDENT', actor: principal.username });
  }
}
