import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FormReference } from '#bpmn';
import type { FormEntity } from '#persistence';
import { FormRepository } from './form.repository.js';

/**
 * Finds the form a start event or user task links to, following Camunda's binding types:
 * `latest` (the newest version of the form id), `deployment` (the version deployed together
 * with the process) and `versionTag` (the newest version whose schema carries that tag).
 */
@Injectable()
export class FormResolver {
  constructor(private readonly forms: FormRepository) {}

  /** The linked form, or null; inside a transaction pass its EntityManager (no second connection). */
  async resolveLinked(reference: Extract<FormReference, { kind: 'linked' }>, definition: { tenantId: string; deploymentKey: string }, manager?: EntityManager): Promise<FormEntity | null> {
    switch (reference.bindingType) {
      case 'deployment':
        return this.forms.findInDeployment(definition.tenantId, reference.formId, definition.deploymentKey, manager);
      case 'versionTag': {
        const versions = await this.forms.findVersions(definition.tenantId, reference.formId, manager);
        return versions.find((form) => form.schema.versionTag === reference.versionTag) ?? null;
      }
      default:
        return this.forms.findLatest(definition.tenantId, reference.formId, manager);
    }
  }
}
