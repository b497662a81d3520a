import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal.js';
import { CommandExecutor } from '../../execution/command-executor.js';
import { InstanceLookup } from '../../execution/instance-lookup.js';

/** Sets variables in an element instance's (or the process instance's) scope: local, or propagating. */
@Injectable()
export class SetVariablesUseCase {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly lookup: InstanceLookup,
  ) {}

  async execute(elementInstanceKey: string, variables: Record<string, unknown>, local: boolean, principal: Principal): Promise<void> {
    const processInstanceKey = await this.lookup.ofElementInstance(elementInstanceKey);
    await this.executor.execute(processInstanceKey, { type: 'SET_VARIABLES', elementInstanceKey, variables, local }, { command: 'SET_VARIABLES', actor: principal.username });
  }
}
