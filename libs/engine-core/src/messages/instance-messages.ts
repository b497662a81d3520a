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
  | { kind: 'command'; processInstanceKey: string; command: EngineCommand };

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
          },
        });
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
  return message.kind === 'start-child' ? 'CREATE_PROCESS_INSTANCE' : message.command.type;
}
