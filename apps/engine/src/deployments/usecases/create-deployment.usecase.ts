import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { compileBpmn, decodeResource, parseForm, type BpmnProblem, type ExecutableProcess, type FormReference } from '#bpmn';
import { KeyGenerator } from '#engine-core';
import { inTransaction } from '#persistence';
import { InvalidArgumentError } from '../../common/errors/index.js';
import { FormKeyResolver } from '../../execution/form-key-resolver.js';
import { StartTimers, type StartTimerChange } from '../../execution/start-timers.js';
import { FormRepository } from '../../forms/form.repository.js';
import { CLOCK, type Clock } from '../../infrastructure/clock.js';
import { MessageStartSubscriptionRepository } from '../../process-definitions/message-start-subscription.repository.js';
import { ProcessDefinitionRepository } from '../../process-definitions/process-definition.repository.js';
import { SignalStartSubscriptionStore } from '../../stores/signal-start-subscription.store.js';
import { DeploymentRepository } from '../deployment.repository.js';
import type { DeploymentMetadataDto, DeploymentResultDto, DeploymentWarningDto } from '../dto/deployment.dto.js';

/** A file sent to POST /v2/deployments. */
export interface DeploymentResource {
  name: string;
  content: Buffer;
}

/** A problem in one resource, as listed in the problem+json `problems` member. */
export interface ResourceProblem extends BpmnProblem {
  resourceName: string;
}

/** Every resource parsed, and what the parser warned about (resources that deploy anyway). */
interface ParsedResources {
  parsed: Parsed[];
  warnings: DeploymentWarningDto[];
}

export const DEFAULT_TENANT = '<default>';

type Parsed =
  | { kind: 'bpmn'; resource: DeploymentResource; hash: string; xml: string; processes: ExecutableProcess[] }
  | { kind: 'form'; resource: DeploymentResource; hash: string; form: { id: string; schema: Record<string, unknown> } };

/**
 * Deploys .bpmn and .form resources, all or nothing. Every resource is parsed and validated
 * first; any problem in any resource refuses the whole deployment with every problem listed.
 * A process or form whose resource is byte-identical to its latest version is not versioned
 * again; changed content gets version n+1. The parser's warnings (what Baton ignores, e.g.
 * Camunda 7 settings) are answered as `warnings`, with a deployment and with a refusal alike.
 */
@Injectable()
export class CreateDeploymentUseCase {
  constructor(
    private readonly deployments: DeploymentRepository,
    private readonly definitions: ProcessDefinitionRepository,
    private readonly forms: FormRepository,
    private readonly subscriptions: MessageStartSubscriptionRepository,
    private readonly signalStarts: SignalStartSubscriptionStore,
    private readonly startTimers: StartTimers,
    private readonly keys: KeyGenerator,
    private readonly formKeys: FormKeyResolver,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(resources: DeploymentResource[], options: { tenantId?: string; deployedBy: string }): Promise<DeploymentResultDto> {
    const tenantId = options.tenantId ?? DEFAULT_TENANT;
    if (resources.length === 0) {
      throw new InvalidArgumentError('DEPLOYMENT.NO_RESOURCES', "Expected at least one file in multipart parts named 'resources' but found none");
    }
    const { parsed, warnings } = await this.parseAll(resources);
    this.checkUniqueIds(parsed, warnings);
    this.checkDeploymentBoundForms(parsed, warnings);

    const timerChanges: StartTimerChange[] = [];
    const result = await inTransaction(this.deployments.dataSource, async (manager) => {
      timerChanges.length = 0; // a retried transaction starts over
      const now = this.clock.now();
      const deploymentKey = this.keys.next();
      await this.deployments.insert(manager, { deploymentKey, tenantId, createdAt: now, createdBy: options.deployedBy });
      const results: DeploymentMetadataDto[] = [];
      for (const item of parsed) {
        if (item.kind === 'form') {
          const latest = await this.forms.latestVersionForUpdate(manager, tenantId, item.form.id);
          if (latest && latest.resourceHash === item.hash) {
            results.push({ form: { formId: item.form.id, version: latest.version, resourceName: latest.resourceName, tenantId, formKey: latest.key } });
            continue;
          }
          const formKey = this.keys.next();
          const version = (latest?.version ?? 0) + 1;
          await this.forms.insert(manager, {
            formKey, formId: item.form.id, version, resourceName: item.resource.name, resourceHash: item.hash,
            deploymentKey, tenantId, schema: item.form.schema, createdAt: now,
          });
          results.push({ form: { formId: item.form.id, version, resourceName: item.resource.name, tenantId, formKey } });
          continue;
        }
        for (const process of item.processes) {
          const latest = await this.definitions.latestVersionForUpdate(manager, tenantId, process.id);
          if (latest && latest.resourceHash === item.hash) {
            results.push({ processDefinition: { processDefinitionId: process.id, processDefinitionVersion: latest.version, resourceName: latest.resourceName, tenantId, processDefinitionKey: latest.key } });
            continue;
          }
          const processDefinitionKey = this.keys.next();
          const version = (latest?.version ?? 0) + 1;
          await this.definitions.insert(manager, {
            processDefinitionKey, processDefinitionId: process.id, version, versionTag: process.versionTag ?? null,
            name: process.name ?? null, resourceName: item.resource.name, resourceHash: item.hash, deploymentKey, tenantId,
            hasStartForm: hasStartForm(process),
            bpmnXml: item.xml, executableModel: process, createdAt: now,
          });
          // Start events of the latest version only: this version's replace the previous one's.
          await this.subscriptions.replace(manager, { tenantId, processDefinitionId: process.id, processDefinitionKey, events: process.messageStartEvents ?? [] });
          await this.signalStarts.replace(manager, { tenantId, processDefinitionId: process.id, processDefinitionKey, events: process.signalStartEvents ?? [] });
          timerChanges.push(await this.startTimers.replaceIn(manager, { tenantId, processDefinitionKey, model: process }, now));
          results.push({ processDefinition: { processDefinitionId: process.id, processDefinitionVersion: version, resourceName: item.resource.name, tenantId, processDefinitionKey } });
        }
      }
      return { deploymentKey, tenantId, deployments: results, warnings };
    });
    // New form versions apply to user tasks created from now on (linked forms, binding "latest").
    if (parsed.some((item) => item.kind === 'form')) this.formKeys.clear();
    for (const change of timerChanges) await this.startTimers.afterCommit(change);
    return result;
  }

  /**
   * Checks resources as {@link execute} would, without deploying anything: every problem that
   * would refuse them (parse, rules, duplicate ids, forms bound to the deployment) and the
   * warnings. The modeler calls it while the analyst models (`POST /v2/deployments/validation`).
   * Problems are the answer here, not an error; a request without resources or with a file of
   * another type is still refused as by {@link execute}.
   */
  async validate(resources: DeploymentResource[]): Promise<{ problems: ResourceProblem[]; warnings: DeploymentWarningDto[] }> {
    if (resources.length === 0) {
      throw new InvalidArgumentError('DEPLOYMENT.NO_RESOURCES', "Expected at least one file in multipart parts named 'resources' but found none");
    }
    try {
      const { parsed, warnings } = await this.parseAll(resources);
      this.checkUniqueIds(parsed, warnings);
      this.checkDeploymentBoundForms(parsed, warnings);
      return { problems: [], warnings };
    } catch (error) {
      const { problems, warnings } = error instanceof InvalidArgumentError ? error.extensions : {};
      if (Array.isArray(problems) && Array.isArray(warnings)) return { problems: problems as ResourceProblem[], warnings: warnings as DeploymentWarningDto[] };
      throw error;
    }
  }

  private async parseAll(resources: DeploymentResource[]): Promise<ParsedResources> {
    const parsed: Parsed[] = [];
    const problems: ResourceProblem[] = [];
    const warnings: DeploymentWarningDto[] = [];
    let malformed = false;
    for (const [index, resource] of resources.entries()) {
      // Parsing a large model holds the event loop; between resources other requests get a turn.
      if (index > 0) await yieldToEventLoop();
      const kind = resourceKind(resource.name);
      const hash = createHash('sha256').update(resource.content).digest('hex');
      if (kind === 'bpmn') {
        // Honours a byte order mark or the XML declaration's encoding (e.g. ISO-8859-1).
        const text = decodeResource(resource.content);
        const result = await compileBpmn(text, { resourceName: resource.name });
        warnings.push(...result.warnings.map((w) => ({ ...w, resourceName: resource.name })));
        if (result.ok) parsed.push({ kind, resource, hash, xml: text, processes: result.processes });
        else {
          malformed ||= result.problems.some((p) => p.rule === 'xml');
          problems.push(...result.problems.map((p) => ({ resourceName: resource.name, ...p })));
        }
      } else if (kind === 'form') {
        const result = parseForm(resource.content.toString('utf8'), { resourceName: resource.name });
        if (result.ok) parsed.push({ kind, resource, hash, form: result.form });
        else {
          malformed ||= result.problems.some((p) => p.rule === 'json');
          problems.push(...result.problems.map((p) => ({ resourceName: resource.name, ...p })));
        }
      } else if (kind === 'dmn') {
        problems.push({ resourceName: resource.name, rule: 'resource-type', message: `DMN decisions are not executed by Baton yet, so '${resource.name}' cannot be deployed` });
      } else {
        throw new InvalidArgumentError(
          'DEPLOYMENT.UNSUPPORTED_RESOURCE_TYPE',
          `Expected resources named *.bpmn, *.bpmn20.xml or *.form, but got '${resource.name}'`,
        );
      }
    }
    if (problems.length > 0) {
      const names = [...new Set(problems.map((p) => p.resourceName))].join(', ');
      const detail = `Cannot deploy ${names}: ${problems.length} problem${problems.length === 1 ? '' : 's'}. ` + problems.map(describeProblem).join(' ');
      throw new InvalidArgumentError(malformed ? 'DEPLOYMENT.MALFORMED_RESOURCE' : 'DEPLOYMENT.INVALID_RESOURCE', detail, { problems, warnings });
    }
    return { parsed, warnings };
  }

  /** A process id or form id may appear only once in a deployment. */
  private checkUniqueIds(parsed: Parsed[], warnings: DeploymentWarningDto[]): void {
    const seen = new Map<string, string>();
    const problems: ResourceProblem[] = [];
    for (const item of parsed) {
      const ids = item.kind === 'form' ? [`form '${item.form.id}'`] : item.processes.map((p) => `process '${p.id}'`);
      for (const id of ids) {
        const first = seen.get(id);
        if (first) problems.push({ resourceName: item.resource.name, rule: 'duplicate-id', message: `The ${id} is defined in both '${first}' and '${item.resource.name}'` });
        else seen.set(id, item.resource.name);
      }
    }
    if (problems.length > 0) {
      throw new InvalidArgumentError('DEPLOYMENT.DUPLICATE_ID', problems.map((p) => p.message).join('; '), { problems, warnings });
    }
  }

  /** Forms linked with bindingType "deployment" must be part of the same deployment (as in Camunda). */
  private checkDeploymentBoundForms(parsed: Parsed[], warnings: DeploymentWarningDto[]): void {
    const formIds = new Set(parsed.flatMap((p) => (p.kind === 'form' ? [p.form.id] : [])));
    const problems: ResourceProblem[] = [];
    for (const item of parsed) {
      if (item.kind !== 'bpmn') continue;
      for (const process of item.processes) {
        for (const element of Object.values(process.elements)) {
          const form: FormReference | undefined = 'userTask' in element ? element.userTask.form : 'form' in element ? element.form : undefined;
          if (form?.kind === 'linked' && form.bindingType === 'deployment' && !formIds.has(form.formId)) {
            problems.push({
              resourceName: item.resource.name, rule: 'form-binding', elementId: element.id, elementType: element.type, processId: process.id,
              message: `Expected form '${form.formId}' in the same deployment (bindingType "deployment") but it is not among the deployed resources`,
            });
          }
        }
      }
    }
    if (problems.length > 0) {
      throw new InvalidArgumentError('DEPLOYMENT.INVALID_RESOURCE', problems.map(describeProblem).join(' '), { problems, warnings });
    }
  }
}

function hasStartForm(process: ExecutableProcess): boolean {
  const start = process.startEventId === undefined ? undefined : process.elements[process.startEventId];
  return start?.type === 'bpmn:StartEvent' && start.form !== undefined;
}

function resourceKind(name: string): 'bpmn' | 'form' | 'dmn' | 'unknown' {
  const lower = name.toLowerCase();
  if (lower.endsWith('.bpmn') || lower.endsWith('.bpmn20.xml')) return 'bpmn';
  if (lower.endsWith('.form')) return 'form';
  if (lower.endsWith('.dmn')) return 'dmn';
  return 'unknown';
}

function describeProblem(problem: ResourceProblem): string {
  const where = problem.elementId ? `${problem.resourceName} ${problem.elementType ?? 'element'} '${problem.elementId}'` : problem.resourceName;
  const position = problem.line !== undefined ? ` (line ${problem.line}${problem.column !== undefined ? `, column ${problem.column}` : ''})` : '';
  return `[${where}${position}] ${problem.message}`;
}
