import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DeploymentEntity } from '#persistence';

/** Owner of `deployments`: one row per deployment (its key, tenant, time and who deployed). */
@Injectable()
export class DeploymentRepository {
  constructor(readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, deployment: DeploymentEntity): Promise<void> {
    await manager.insert(DeploymentEntity, deployment);
  }
}
