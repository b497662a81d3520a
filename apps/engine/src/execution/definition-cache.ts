import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { compileBpmn, EXECUTABLE_MODEL_VERSION, type ExecutableProcess } from '#bpmn';
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
  private readonly logger = new Logger('DefinitionCache');
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
      model: await this.current(row, manager),
      deploymentKey: row.deploymentKey,
    };
    this.cache.set(processDefinitionKey, loaded);
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    return loaded;
  }

  /**
   * The definition's model in the current executable model version: a model stored by an older
   * Baton (EXECUTABLE_MODEL_VERSION changed since) is compiled again from the stored XML and
   * stored, once, so that every deployed version keeps working.
   */
  private async current(row: { processDefinitionKey: string; processDefinitionId: string; bpmnXml: string; executableModel: ExecutableProcess }, manager?: EntityManager): Promise<ExecutableProcess> {
    if (row.executableModel.modelVersion === EXECUTABLE_MODEL_VERSION) return row.executableModel;
    const compiled = await compileBpmn(row.bpmnXml, { resourceName: `${row.processDefinitionId}.bpmn` });
    const model = compiled.ok ? compiled.processes.find((process) => process.id === row.processDefinitionId) : undefined;
    if (!model) {
      const problems = compiled.ok ? `no process '${row.processDefinitionId}' in it` : compiled.problems.map((p) => p.message).join('; ');
      throw new Error(`Process definition ${row.processDefinitionKey} was stored with executable model version ${String(row.executableModel.modelVersion)} and its XML does not compile again: ${problems}`);
    }
    await this.definitions.replaceExecutableModel(row.processDefinitionKey, model, manager);
    this.logger.log({ processDefinitionKey: row.processDefinitionKey, from: row.executableModel.modelVersion, to: EXECUTABLE_MODEL_VERSION }, 'Compiled a process definition stored by an older version again');
    return model;
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
