import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ExecutableProcess } from '#bpmn';
import type { DefinitionInfo } from '#engine-core';
import { NotFoundError } from '../common/errors/index.js';
import { ProcessDefinitionRepository } from '../process-definitions/process-definition.repository.js';

/** A process definition as the engine runs it: identity, compiled model, where it was deployed. */
export interface LoadedDefinition {
  info: DefinitionInfo;
  model: ExecutableProcess;
  deploymentKey: string;
}

const MAX_CACHED = 1000;

/**
 * Compiled process definitions by key. Definitions never change once deployed, so they are
 * cached in memory (bounded, least recently used dropped first) and shared by every command.
 */
@Injectable()
export class DefinitionCache {
  private readonly cache = new Map<string, LoadedDefinition>();

  constructor(private readonly definitions: ProcessDefinitionRepository) {}

  /**
   * The definition with this key. Inside a transaction pass its EntityManager: a cache miss then
   * reads through the transaction's connection instead of taking a second one from the pool.
   */
  async get(processDefinitionKey: string, manager?: EntityManager): Promise<LoadedDefinition> {
    const cached = this.cache.get(processDefinitionKey);
    if (cached) {
      this.cache.delete(processDefinitionKey);
      this.cache.set(processDefinitionKey, cached);
      return cached;
    }
    const row = await this.definitions.find(processDefinitionKey, manager);
    if (!row) throw new NotFoundError('PROCESS_DEFINITION.NOT_FOUND', `No process definition with key ${processDefinitionKey}`);
    const loaded: LoadedDefinition = {
      info: {
        processDefinitionKey: row.processDefinitionKey,
        processDefinitionId: row.processDefinitionId,
        version: row.version,
        name: row.name,
        versionTag: row.versionTag,
        tenantId: row.tenantId,
      },
      model: row.executableModel,
      deploymentKey: row.deploymentKey,
    };
    this.cache.set(processDefinitionKey, loaded);
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    return loaded;
  }

  /** The key of a process id's given version, or of its latest version. */
  async keyOf(processDefinitionId: string, version: number | undefined, tenantId: string): Promise<string> {
    const key = await this.definitions.keyOf(processDefinitionId, version, tenantId);
    if (key === null) {
      const which = version === undefined ? '' : ` in version ${version}`;
      throw new NotFoundError('PROCESS_DEFINITION.NOT_FOUND', `No process definition with id '${processDefinitionId}'${which} is deployed`);
    }
    return key;
  }
}
