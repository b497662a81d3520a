import { Injectable } from '@nestjs/common';
import type { EngineEvent, InstanceState } from '#engine-core';
import { insertRows, type StatementBatch } from './sql.js';

/** Who or what caused a command, recorded with every event of the audit log. */
export interface CommandOrigin {
  command: string;
  actor: string;
}

/** Owner of `process_instance_events`, the audit log: appended in the command's batch, never changed. */
@Injectable()
export class InstanceEventStore {
  /** Appends a command's events after the `eventPosition` events the instance had. */
  appendStatements(batch: StatementBatch, events: readonly EngineEvent[], context: { processInstanceKey: string; state: InstanceState; eventPosition: number; origin: CommandOrigin; time: Date }): void {
    insertRows(
      batch,
      'process_instance_events',
      ['process_instance_key', 'position', 'event_type', 'element_id', 'element_instance_key', 'payload', 'command', 'actor', 'time'],
      events.map((event, i) => {
        const { type, ...payload } = event;
        const { elementId, elementInstanceKey } = elementOf(event, context.state);
        return [context.processInstanceKey, context.eventPosition + i + 1, type, elementId, elementInstanceKey, JSON.stringify(payload), context.origin.command, context.origin.actor, context.time];
      }),
    );
  }
}

/** The element an event concerns, for the audit log's columns (a taken flow is named by its id). */
function elementOf(event: EngineEvent, state: InstanceState): { elementId: string | null; elementInstanceKey: string | null } {
  switch (event.type) {
    case 'PROCESS_INSTANCE_CREATED':
      return { elementId: event.instance.processDefinitionId, elementInstanceKey: event.instance.processInstanceKey };
    case 'SEQUENCE_FLOW_TAKEN':
      return { elementId: event.flowId, elementInstanceKey: null };
    case 'JOB_CREATED':
      return { elementId: event.job.elementId, elementInstanceKey: event.job.elementInstanceKey };
    case 'TIMER_CREATED':
      return { elementId: event.timer.elementId, elementInstanceKey: event.timer.elementInstanceKey };
    case 'SUBSCRIPTION_OPENED':
      return { elementId: event.subscription.elementId, elementInstanceKey: event.subscription.elementInstanceKey };
    case 'COMPENSATION_SUBSCRIBED':
      return { elementId: event.compensation.elementId, elementInstanceKey: event.compensation.elementInstanceKey };
    case 'SUBSCRIPTION_CLOSED':
    case 'CONDITION_EVALUATED': {
      const subscription = state.subscriptions.get(event.subscriptionKey);
      return { elementId: subscription?.elementId ?? null, elementInstanceKey: event.elementInstanceKey };
    }
    case 'USER_TASK_CREATED':
      return { elementId: event.userTask.elementId, elementInstanceKey: event.userTask.elementInstanceKey };
    case 'VARIABLE_CREATED':
    case 'VARIABLE_UPDATED':
      return { elementId: null, elementInstanceKey: event.scopeKey };
    case 'JOIN_TOKENS_DISCARDED':
      return { elementId: null, elementInstanceKey: event.flowScopeKey };
    case 'USER_TASK_ASSIGNED':
    case 'USER_TASK_UPDATED': {
      const task = state.userTasks.get(event.userTaskKey);
      return { elementId: task?.elementId ?? null, elementInstanceKey: task?.elementInstanceKey ?? null };
    }
    default: {
      const elementInstanceKey = 'elementInstanceKey' in event ? (event.elementInstanceKey as string) : null;
      const elementId = 'elementId' in event ? (event.elementId as string) : elementInstanceKey ? (state.element(elementInstanceKey)?.elementId ?? null) : null;
      return { elementId, elementInstanceKey };
    }
  }
}
