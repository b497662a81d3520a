import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors/index.js';
import { ElementInstanceStore } from '../stores/element-instance.store.js';
import { IncidentStore } from '../stores/incident.store.js';
import { JobStore } from '../stores/job.store.js';

/**
 * Finds which process instance a key belongs to, before the command locks that instance.
 * Unknown keys are answered 404 here, without touching any instance.
 */
@Injectable()
export class InstanceLookup {
  constructor(
    private readonly elements: ElementInstanceStore,
    private readonly incidents: IncidentStore,
    private readonly jobs: JobStore,
  ) {}

  async ofElementInstance(elementInstanceKey: string): Promise<string> {
    const key = await this.elements.processInstanceOf(elementInstanceKey);
    if (key === null) throw new NotFoundError('ELEMENT_INSTANCE.NOT_FOUND', `No element instance with key ${elementInstanceKey}`);
    return key;
  }

  async ofIncident(incidentKey: string): Promise<string> {
    const key = await this.incidents.processInstanceOf(incidentKey);
    if (key === null) throw new NotFoundError('INCIDENT.NOT_FOUND', `No incident with key ${incidentKey}`);
    return key;
  }

  async ofJob(jobKey: string): Promise<string> {
    const key = await this.jobs.processInstanceOf(jobKey);
    if (key === null) throw new NotFoundError('JOB.NOT_FOUND', `No job with key ${jobKey}`);
    return key;
  }
}
