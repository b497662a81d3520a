import type { EngineCommand } from '../commands/engine-command.js';
import type { EngineEvent } from '../events/engine-event.js';
import type { ProcessInstanceRecord } from '../state/records.js';

/**
 * A command one process instance sends another. The core only says what it needs from other
 * instances (events such as CHILD_INSTANCE_REQUESTED); {@link messagesOf} turns those into
 * messages, which the engine's executor writes to `pending_commands` in the sender's transaction
 * and runs each in a transaction of its own on the receiver (docs/engine.md, "Call activities"),
 * and which the core's test network delivers in memory.
 */
export type InstanceMessage =
  | {
      kind: 'start-child';
      /** The key the child gets (chosen by the call activity). */
      processInstanceKey: string;
      parentProcessInstanceKey: string;
      parentElementInstanceKey: string;
      processDefinitionId: string;
      bindingType: 'latest' | 'deployment' | 'versionTag';
      versionTag: string | null;
      /** The caller's deployment, for binding type `deployment`. */
      deploymentKey: string;
      tenantId: string;
      variables: Record<string, unknown>;
    }
  | { kind: 'command'; processInstanceKey: string; command: EngineCommand }
  /**
   * A signal thrown by an instance (`processInstanceKey`, the sender): broadcast to every open
   * signal subscription and signal start event of its tenant — this instance's included.
   */
  | { kind: 'broadcast-signal'; processInstanceKey: string; tenantId: string; signalName: string; variables: Record<string, unknown> };

/**
 * The messages a command's events ask to send to other instances, in event order. `deploymentKey`
 * is the sender's deployment (a call activity with binding type `deployment` calls within it).
 */
export function messagesOf(events: readonly EngineEvent[], instance: ProcessInstanceRecord, sender: { deploymentKey: string }): InstanceMessage[] {
  const messages: InstanceMessage[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'CHILD_INSTANCE_REQUESTED':
        messages.push({
          kind: 'start-child',
          processInstanceKey: event.childProcessInstanceKey,
          parentProcessInstanceKey: instance.processInstanceKey,
          parentElementInstanceKey: event.elementInstanceKey,
          processDefinitionId: event.processDefinitionId,
          bindingType: event.bindingType,
          versionTag: event.versionTag,
          deploymentKey: sender.deploymentKey,
          tenantId: instance.tenantId,
          variables: event.variables,
        });
        break;
      case 'CHILD_INSTANCE_CANCEL_REQUESTED':
        messages.push({ kind: 'command', processInstanceKey: event.childProcessInstanceKey, command: { type: 'CANCEL_PROCESS_INSTANCE', byParent: true } });
        break;
      case 'CALLED_INSTANCE_COMPLETED':
        messages.push({
          kind: 'command',
          processInstanceKey: event.parentProcessInstanceKey,
          command: { type: 'COMPLETE_CALL_ACTIVITY', elementInstanceKey: event.parentElementInstanceKey, childProcessInstanceKey: instance.processInstanceKey, variables: event.variables },
        });
        break;
      case 'ERROR_ESCALATED_TO_PARENT':
        messages.push({
          kind: 'command',
          processInstanceKey: event.parentProcessInstanceKey,
          command: {
            type: 'THROW_ERROR_AT',
            elementInstanceKey: event.parentElementInstanceKey,
            childProcessInstanceKey: instance.processInstanceKey,
            errorCode: event.errorCode,
            errorMessage: event.errorMessage,
            variables: event.variables,
            origin: event.origin,
          },
        });
        break;
      case 'ERROR_NOT_CAUGHT':
        messages.push({
          kind: 'command',
          processInstanceKey: event.origin.processInstanceKey,
          command: {
            type: 'RAISE_UNCAUGHT_ERROR',
            elementInstanceKey: event.origin.elementInstanceKey,
            errorCode: event.errorCode,
            incidentMessage: event.incidentMessage,
            retry: event.origin.retry,
            jobKey: event.origin.jobKey,
          },
        });
        break;
      case 'ESCALATION_ESCALATED_TO_PARENT':
        messages.push({
          kind: 'command',
          processInstanceKey: event.parentProcessInstanceKey,
          command: {
            type: 'THROW_ESCALATION_AT',
            elementInstanceKey: event.parentElementInstanceKey,
            childProcessInstanceKey: instance.processInstanceKey,
            escalationCode: event.escalationCode,
            variables: event.variables,
          },
        });
        break;
      case 'SIGNAL_THROWN':
        messages.push({ kind: 'broadcast-signal', processInstanceKey: instance.processInstanceKey, tenantId: instance.tenantId, signalName: event.signalName, variables: event.variables });
        break;
      default:
        break;
    }
  }
  return messages;
}

/** A call activity cancelling its child: run in the parent's transaction, not through the outbox. */
export function isChildCancellation(message: InstanceMessage): message is Extract<InstanceMessage, { kind: 'command' }> {
  return message.kind === 'command' && message.command.type === 'CANCEL_PROCESS_INSTANCE';
}

/** The command name a message is recorded under in the receiver's audit log. */
export function messageCommandName(message: InstanceMessage): string {
  if (message.kind === 'start-child') return 'CREATE_PROCESS_INSTANCE';
  return message.kind === 'broadcast-signal' ? 'BROADCAST_SIGNAL' : message.command.type;
}
