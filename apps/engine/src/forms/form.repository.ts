import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FormEntity } from '#persistence';

@Injectable()
export class FormRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByKey(formKey: string): Promise<FormEntity | null> {
    return this.dataSource.getRepository(FormEntity).findOneBy({ formKey });
  }

  /** The latest version of a form id. */
  findLatest(tenantId: string, formId: string): Promise<FormEntity | null> {
    return this.dataSource.getRepository(FormEntity).findOne({ where: { tenantId, formId }, order: { version: 'DESC' } });
  }

  /** The version of a form id deployed in a given deployment (bindingType "deployment"). */
  findInDeployment(tenantId: string, formId: string, deploymentKey: string): Promise<FormEntity | null> {
    return this.dataSource.getRepository(FormEntity).findOne({ where: { tenantId, formId, deploymentKey }, order: { version: 'DESC' } });
  }

  /** Every version of a form id, newest first. */
  findVersions(tenantId: string, formId: string): Promise<FormEntity[]> {
    return this.dataSource.getRepository(FormEntity).find({ where: { tenantId, formId }, order: { version: 'DESC' } });
  }
}
