import { Inject, Injectable } from '@nestjs/common';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import type { Principal } from '../../auth/principal.js';
import { responseTooLarge } from '../../common/limits/response-size.js';
import { ConflictError, InvalidArgumentError } from '../../common/errors/index.js';
import { GatewayTimeoutError } from '../../common/errors/index.js';
import { DEFAULT_TENANT } from '../../deployments/usecases/create-deployment.usecase.js';
import { CommandExecutor } from '../../execution/command-executor.js';
import { DefinitionCache } from '../../execution/definition-cache.js';
import { InstanceNotifications } from '../../notifications/instance-notifications.js';
import { VariableStore } from '../../stores/variable.store.js';
import type { CreateProcessInstanceRequestDto, CreateProcessInstanceResultDto } from '../dto/create-process-instance.dto.js';

/** Camunda's default wait for awaitCompletion when requestTimeout is absent or 0. */
export const DEFAULT_AWAIT_TIMEOUT_MS = 10_000;

/**
 * Starts an instance of a process (latest or given version, or by key) with variables and an
 * optional business id, and runs it to its first wait states in the same transaction. With
 * awaitCompletion, answers when the instance has completed (its root variables), or 504.
 */
@Injectable()
export class CreateProcessInstanceUseCase {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly definitions: DefinitionCache,
    private readonly notifications: InstanceNotifications,
    private readonly variables: VariableStore,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  async execute(request: CreateProcessInstanceRequestDto, principal: Principal): Promise<CreateProcessInstanceResultDto> {
    const tenantId = request.tenantId ?? DEFAULT_TENANT;
    if (tenantId !== DEFAULT_TENANT) throw new InvalidArgumentError('PROCESS_INSTANCE.UNKNOWN_TENANT', `Baton has one tenant, '${DEFAULT_TENANT}', but the request names '${tenantId}'`);
    // Explicit nulls mean "not given", as for every other optional field.
    const byId = request.processDefinitionId !== undefined && request.processDefinitionId !== null;
    const byKey = request.processDefinitionKey !== undefined && request.processDefinitionKey !== null;
    if (byId === byKey) {
      throw new InvalidArgumentError('PROCESS_INSTANCE.DEFINITION_REQUIRED', 'Expected exactly one of processDefinitionId (with an optional processDefinitionVersion) and processDefinitionKey');
    }
    const version = request.processDefinitionVersion === -1 || request.processDefinitionVersion === null ? undefined : request.processDefinitionVersion;
    if (version === 0) throw new InvalidArgumentError('PROCESS_INSTANCE.INVALID_VERSION', 'Versions start at 1; use -1 or leave processDefinitionVersion out for the latest');
    if (byKey && version !== undefined) {
      throw new InvalidArgumentError('PROCESS_INSTANCE.VERSION_WITH_KEY', 'processDefinitionVersion goes with processDefinitionId, not with processDefinitionKey');
    }
    const processDefinitionKey = byKey ? request.processDefinitionKey! : await this.definitions.keyOf(request.processDefinitionId!, version, tenantId);
    const definition = await this.definitions.get(processDefinitionKey);
    if (definition.model.startEventId === undefined) {
      throw new InvalidArgumentError(
        'PROCESS_INSTANCE.NO_NONE_START_EVENT',
        `Process '${definition.info.processDefinitionId}' version ${definition.info.version} has no none start event: it starts by message (POST /v2/messages/publication)`,
      );
    }

    const { instance, state } = await this.executor.createInstance(
      processDefinitionKey,
      { variables: request.variables ?? {}, businessId: request.businessId ?? null },
      { command: 'CREATE_PROCESS_INSTANCE', actor: principal.username },
    );
    const result: CreateProcessInstanceResultDto = {
      processDefinitionId: instance.processDefinitionId,
      processDefinitionVersion: instance.processDefinitionVersion,
      tenantId: instance.tenantId,
      variables: {},
      processDefinitionKey: instance.processDefinitionKey,
      processInstanceKey: instance.processInstanceKey,
      businessId: instance.businessId,
    };
    if (!request.awaitCompletion) return result;

    let end: string | null = instance.state === 'ACTIVE' ? null : instance.state;
    if (end === null) end = await this.notifications.waitForEnd(instance.processInstanceKey, request.requestTimeout || DEFAULT_AWAIT_TIMEOUT_MS);
    if (end === null) {
      throw new GatewayTimeoutError(
        'PROCESS_INSTANCE.AWAIT_TIMEOUT',
        `Process instance ${instance.processInstanceKey} did not complete within ${request.requestTimeout || DEFAULT_AWAIT_TIMEOUT_MS} ms; it keeps running`,
        { processInstanceKey: instance.processInstanceKey },
      );
    }
    if (end === 'TERMINATED') {
      throw new ConflictError('PROCESS_INSTANCE.TERMINATED', `Process instance ${instance.processInstanceKey} was terminated before it completed`, { processInstanceKey: instance.processInstanceKey });
    }
    const variables = instance.state === 'COMPLETED' ? rootVariablesOf(state.variablesOf(instance.processInstanceKey)) : await this.variables.ofScope(instance.processInstanceKey);
    const wanted = request.fetchVariables?.length ? new Set(request.fetchVariables) : null;
    result.variables = Object.fromEntries(Object.entries(variables).filter(([name]) => !wanted || wanted.has(name)));
    const bytes = Buffer.byteLength(JSON.stringify(result));
    const max = this.config.limits.maxResponseBytes;
    if (bytes > max) {
      // The instance ran; the caller must still learn which one it was.
      throw responseTooLarge(`process instance ${instance.processInstanceKey}, completed, with its variables`, bytes, max, { processInstanceKey: instance.processInstanceKey }, 'ask for fewer variables (fetchVariables), or read them with POST /v2/variables/search');
    }
    return result;
  }
}

function rootVariablesOf(variables: ReadonlyMap<string, { value: unknown }>): Record<string, unknown> {
  return Object.fromEntries([...variables].map(([name, variable]) => [name, variable.value]));
}
