import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal.js';
import { CommandExecutor } from '../../execution/command-executor.js';

/** Cancels an instance: everything active in it is terminated, its incidents resolved. */
@Injectable()
export class CancelProcessInstanceUseCase {
  constructor(private readonly executor: CommandExecutor) {}

  async execute(processInstanceKey: string, principal: Principal): Promise<void> {
    await this.executor.execute(processInstanceKey, { type: 'CANCEL_PROCESS_INSTANCE' }, { command: 'CANCEL_PROCESS_INSTANCE', actor: principal.username });
  }
}
