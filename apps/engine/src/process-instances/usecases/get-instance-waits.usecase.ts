import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ExecutableProcess, FlowNode } from '#bpmn';
import { DefinitionCache } from '../../execution/definition-cache.js';
import { ElementInstanceStore } from '../../stores/element-instance.store.js';
import { EventSubscriptionStore } from '../../stores/event-subscription.store.js';
import { readTogether } from '../../stores/sql.js';
import { TimerStore } from '../../stores/timer.store.js';
import type { InstanceWaitDto, InstanceWaitsDto } from '../dto/instance-waits.dto.js';
import { processInstanceNotFound } from '../process-instance-errors.js';
import { ProcessInstanceQueryRepository } from '../process-instance-query.repository.js';

/**
 * What each waiting element of an instance waits for (a Baton addition the portal's instance page
 * shows): one item per open message, signal or condition subscription and per active timer, in the
 * order they were opened. An instance that ended waits for nothing.
 */
@Injectable()
export class GetInstanceWaitsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly instances: ProcessInstanceQueryRepository,
    private readonly definitions: DefinitionCache,
    private readonly elements: ElementInstanceStore,
    private readonly timers: TimerStore,
    private readonly subscriptions: EventSubscriptionStore,
  ) {}

  async execute(processInstanceKey: string): Promise<InstanceWaitsDto> {
    const instance = await this.instances.find(processInstanceKey);
    if (!instance) throw processInstanceNotFound(processInstanceKey);
    const [elements, timers, subscriptions] = await readTogether(this.dataSource, [
      this.elements.activeOf(processInstanceKey),
      this.timers.activeOf(processInstanceKey),
      this.subscriptions.openOf(processInstanceKey),
    ]);
    if (timers.length === 0 && subscriptions.length === 0) return { items: [] };
    const { model } = await this.definitions.get(instance.processDefinitionKey);
    const elementIds = new Map(elements.map((element) => [element.elementInstanceKey, element.elementId]));
    const waits: Array<{ key: string; wait: InstanceWaitDto }> = [];
    for (const timer of timers) {
      waits.push({
        key: timer.timerKey,
        wait: {
          elementInstanceKey: timer.elementInstanceKey,
          elementId: elementIds.get(timer.elementInstanceKey) ?? '',
          catchElementId: timer.elementId,
          kind: 'timer',
          interrupting: interrupting(model.elements[timer.elementId]),
          dueDate: timer.dueDate,
          ...(timer.cycle ? { cycle: timer.cycle.expression, repetitionsLeft: timer.cycle.remaining } : {}),
        },
      });
    }
    for (const subscription of subscriptions) {
      const base = {
        elementInstanceKey: subscription.elementInstanceKey,
        elementId: elementIds.get(subscription.elementInstanceKey) ?? '',
        catchElementId: subscription.elementId,
        kind: subscription.kind,
        interrupting: subscription.interrupting,
      };
      const wait: InstanceWaitDto =
        subscription.kind === 'message'
          ? { ...base, messageName: subscription.name, correlationKey: subscription.correlationKey ?? '' }
          : subscription.kind === 'signal'
            ? { ...base, signalName: subscription.name }
            : { ...base, ...conditionOf(model, subscription.elementId) };
      waits.push({ key: subscription.subscriptionKey, wait });
    }
    waits.sort((a, b) => a.key.length - b.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { items: waits.map(({ wait }) => wait) };
  }
}

/** Whether a timer's catch element interrupts: a boundary event's `cancelActivity`, an event subprocess start's `isInterrupting`; a catch event waits itself. */
function interrupting(node: FlowNode | undefined): boolean {
  if (node?.type === 'bpmn:BoundaryEvent') return node.interrupting;
  if (node?.type === 'bpmn:StartEvent') return node.interrupting ?? true;
  return true;
}

function conditionOf(model: ExecutableProcess, elementId: string): { condition?: string } {
  const node = model.elements[elementId];
  const trigger = node && 'trigger' in node ? node.trigger : undefined;
  return trigger?.kind === 'conditional' ? { condition: trigger.condition } : {};
}
