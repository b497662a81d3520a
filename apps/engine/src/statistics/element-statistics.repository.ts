import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { ElementInstanceEntity, ProcessInstanceEntity, ProcessInstanceEventEntity } from '#persistence';
import { SearchQuery, type SearchDefinition } from '../common/search/search-query.js';

/** The process-instance filter of the definition's element statistics (Camunda's ProcessDefinitionStatisticsFilter, the part Baton stores). */
const INSTANCE_FILTER: SearchDefinition = {
  entity: 'process instance statistics filter',
  keyColumn: 'pi.process_instance_key',
  fields: {
    processInstanceKey: { column: 'pi.process_instance_key', type: 'key' },
    state: { column: 'pi.state', type: 'string' },
    hasIncident: { column: '(pi.incident_count > 0)', type: 'boolean' },
    startDate: { column: 'pi.start_date', type: 'date' },
    endDate: { column: 'pi.end_date', type: 'date' },
    tenantId: { column: 'pi.tenant_id', type: 'string' },
    businessId: { column: 'pi.business_id', type: 'string' },
  },
};

/** Counts per element id, as the database returns them. */
export interface ElementCounts {
  elementId: string;
  active: number;
  canceled: number;
  incidents: number;
  completed: number;
}

/**
 * Element instances counted per element id, for the diagram overlays. The process itself is left
 * out (it is not a diagram element), and so is the multi-instance body (or standard loop body)
 * apart from its incidents: its inner instances carry the same element id and are what the counts
 * show; an ad-hoc subprocess's inner instances carry the subprocess's id and are left out likewise.
 */
const COUNTS = `
  ei.element_id AS elementId,
  SUM(ei.state = 'ACTIVE' AND ei.incident_key IS NULL AND ei.element_type NOT IN ('bpmn:MultiInstanceBody', 'bpmn:AdHocSubProcessInnerInstance')) AS active,
  SUM(ei.state = 'TERMINATED' AND ei.element_type NOT IN ('bpmn:MultiInstanceBody', 'bpmn:AdHocSubProcessInnerInstance')) AS canceled,
  SUM(ei.state = 'ACTIVE' AND ei.incident_key IS NOT NULL) AS incidents,
  SUM(ei.state = 'COMPLETED' AND ei.element_type NOT IN ('bpmn:MultiInstanceBody', 'bpmn:AdHocSubProcessInnerInstance')) AS completed`;

/** Reads element-instance counts and the sequence flows taken (the statistics read side). */
@Injectable()
export class ElementStatisticsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts over the definition's instances that match `filter` (all of them without one). */
  ofDefinition(processDefinitionKey: string, filter: Record<string, unknown> = {}): Promise<ElementCounts[]> {
    const qb = this.countsQuery('ei.process_definition_key = :processDefinitionKey', { processDefinitionKey });
    if (Object.keys(filter).length > 0) {
      const instances = new SearchQuery(INSTANCE_FILTER, this.dataSource.getRepository(ProcessInstanceEntity).createQueryBuilder('pi').select('pi.process_instance_key'))
        .filtered(filter)
        .andWhere('pi.process_definition_key = :processDefinitionKey', { processDefinitionKey });
      qb.andWhere(`ei.process_instance_key IN (${instances.getQuery()})`).setParameters({ ...instances.getParameters(), processDefinitionKey });
    }
    return this.run(qb);
  }

  /** Counts over one instance. */
  ofInstance(processInstanceKey: string): Promise<ElementCounts[]> {
    return this.run(this.countsQuery('ei.process_instance_key = :processInstanceKey', { processInstanceKey }));
  }

  /** The ids of the sequence flows the instance took, each once, in the order first taken. */
  async flowsTaken(processInstanceKey: string): Promise<string[]> {
    const rows: Array<{ flowId: string }> = await this.dataSource
      .getRepository(ProcessInstanceEventEntity)
      .createQueryBuilder('e')
      .select('e.element_id', 'flowId')
      .where("e.process_instance_key = :processInstanceKey AND e.event_type = 'SEQUENCE_FLOW_TAKEN'", { processInstanceKey })
      .groupBy('e.element_id')
      .orderBy('MIN(e.position)', 'ASC')
      .getRawMany();
    return rows.map((r) => r.flowId);
  }

  private countsQuery(condition: string, parameters: Record<string, string>): SelectQueryBuilder<ElementInstanceEntity> {
    return this.dataSource
      .getRepository(ElementInstanceEntity)
      .createQueryBuilder('ei')
      .select(COUNTS)
      .where(condition, parameters)
      .andWhere("ei.element_type <> 'bpmn:Process'")
      .groupBy('ei.element_id')
      .orderBy('ei.element_id', 'ASC');
  }

  private async run(qb: SelectQueryBuilder<ElementInstanceEntity>): Promise<ElementCounts[]> {
    const rows: Array<Record<string, string | number>> = await qb.getRawMany();
    return rows.map((r) => ({
      elementId: String(r.elementId),
      active: Number(r.active),
      canceled: Number(r.canceled),
      incidents: Number(r.incidents),
      completed: Number(r.completed),
    }));
  }
}
