import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/errors/index.js';

/**
 * Finds which process instance a key belongs to, before the command locks that instance.
 * Unknown keys are answered 404 here, without touching any instance.
 */
@Injectable()
export class InstanceLookup {
  constructor(private readonly dataSource: DataSource) {}

  async ofElementInstance(elementInstanceKey: string): Promise<string> {
    const [row] = (await this.dataSource.query('SELECT process_instance_key FROM element_instances WHERE element_instance_key = ?', [elementInstanceKey])) as Array<{ process_instance_key: string }>;
    if (!row) throw new NotFoundError('ELEMENT_INSTANCE.NOT_FOUND', `No element instance with key ${elementInstanceKey}`);
    return String(row.process_instance_key);
  }

  async ofIncident(incidentKey: string): Promise<string> {
    const [row] = (await this.dataSource.query('SELECT process_instance_key FROM incidents WHERE incident_key = ?', [incidentKey])) as Array<{ process_instance_key: string }>;
    if (!row) throw new NotFoundError('INCIDENT.NOT_FOUND', `No incident with key ${incidentKey}`);
    return String(row.process_instance_key);
  }

  async ofJob(jobKey: string): Promise<string> {
    const [row] = (await this.dataSource.query('SELECT process_instance_key FROM jobs WHERE job_key = ?', [jobKey])) as Array<{ process_instance_key: string }>;
    if (!row) throw new NotFoundError('JOB.NOT_FOUND', `No job with key ${jobKey}`);
    return String(row.process_instance_key);
  }
}
