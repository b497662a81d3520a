import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal.js';
import { CommandExecutor } from '../../execution/command-executor.js';
import { PendingCommands } from '../../execution/pending-commands.js';
import { SignalBroadcaster } from '../../execution/signal-broadcaster.js';
import { messagingTenant } from '../../messages/usecases/tenant.js';
import type { BroadcastSignalRequestDto } from '../signal.dto.js';

/**
 * POST /v2/signals/broadcast: in one transaction the signal starts an instance at every signal
 * start event of the latest process versions and is written to the outbox; after the commit every
 * instance waiting for it is woken, in batches (SignalBroadcaster). A signal nothing waits for is
 * fine: 200, it wakes nothing.
 */
@Injectable()
export class BroadcastSignalUseCase {
  constructor(
    private readonly broadcaster: SignalBroadcaster,
    private readonly executor: CommandExecutor,
    private readonly courier: PendingCommands,
  ) {}

  async execute(request: BroadcastSignalRequestDto, principal: Principal): Promise<{ signalKey: string; tenantId: string }> {
    const tenantId = messagingTenant(request.tenantId, 'SIGNAL.UNKNOWN_TENANT');
    const { signalKey, started } = await this.broadcaster.broadcast({ tenantId, signalName: request.signalName, variables: request.variables ?? {} }, principal.username);
    for (const executed of started) await this.executor.afterCommit(executed);
    this.courier.deliverSoon([signalKey]);
    return { signalKey, tenantId };
  }
}
