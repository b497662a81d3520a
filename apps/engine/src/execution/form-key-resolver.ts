import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FormReference } from '#bpmn';
import { FormResolver } from '../forms/form-resolver.js';
import type { LoadedDefinition } from './definition-cache.js';

/** How long a resolved form key is reused; a newly deployed form version is picked up after this. */
const TTL_MS = 2000;

/**
 * Resolves, before a command runs, the form versions a definition's linked forms point at now,
 * so that the pure core can put the form key on user tasks it creates. Results are reused for
 * a moment per definition, sparing queries on every command of a busy process.
 */
@Injectable()
export class FormKeyResolver {
  private readonly cache = new Map<string, { keys: Record<string, string | undefined>; until: number }>();

  constructor(private readonly forms: FormResolver) {}

  /** Form keys by form id; `now` is wall-clock time (a cache age); `manager` is the running command's transaction (lookups use its connection). */
  async resolve(definition: LoadedDefinition, now: number, manager: EntityManager): Promise<Record<string, string | undefined>> {
    const cached = this.cache.get(definition.info.processDefinitionKey);
    if (cached && cached.until > now) return cached.keys;
    const keys = await this.lookUp(definition, manager);
    // A missing form is looked up again next time (it may be deployed any moment, e.g. to resolve a FORM_NOT_FOUND incident).
    if (Object.values(keys).some((key) => key === undefined)) return keys;
    this.cache.set(definition.info.processDefinitionKey, { keys, until: now + TTL_MS });
    if (this.cache.size > 1000) this.cache.delete(this.cache.keys().next().value!);
    return keys;
  }

  /** Forget every resolved form key (after forms were deployed on this replica). */
  clear(): void {
    this.cache.clear();
  }

  private async lookUp(definition: LoadedDefinition, manager: EntityManager): Promise<Record<string, string | undefined>> {
    const references = new Map<string, Extract<FormReference, { kind: 'linked' }>>();
    for (const element of Object.values(definition.model.elements)) {
      const form = element.type === 'bpmn:UserTask' ? element.userTask.form : element.type === 'bpmn:StartEvent' ? element.form : undefined;
      if (form?.kind === 'linked') references.set(form.formId, form);
    }
    const keys: Record<string, string | undefined> = {};
    for (const [formId, reference] of references) {
      const form = await this.forms.resolveLinked(reference, { tenantId: definition.info.tenantId, deploymentKey: definition.deploymentKey }, manager);
      keys[formId] = form?.formKey;
    }
    return keys;
  }
}
