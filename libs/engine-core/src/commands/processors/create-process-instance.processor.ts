import { rejection } from '../engine-command.js';
import type { CommandProcessor } from '../command-processor.js';

/**
 * Creates the instance with its variables at its none start event (or a given start event
 * directly in the process: a message start event), and runs it to its first wait states. A child
 * of a call activity takes the key its call activity chose and records its parent.
 */
export const createProcessInstance: CommandProcessor<'CREATE_PROCESS_INSTANCE'> = {
  instance: 'absent',
  process(command, { env, lifecycle }) {
    const { model, definition, now } = env;
    const startElementId = command.startElementId ?? model.startEventId;
    if (startElementId === undefined) {
      const messages = (model.messageStartEvents ?? []).map((start) => `'${start.messageName}'`).join(', ');
      return rejection(
        'PROCESS_INSTANCE.NO_NONE_START_EVENT',
        `Expected to create an instance of process '${model.id}' at its none start event, but it has none: it is started by publishing the message ${messages}`,
      );
    }
    const start = model.elements[startElementId];
    if (start?.type !== 'bpmn:StartEvent' || start.parentId !== undefined) {
      return rejection('PROCESS_INSTANCE.NOT_A_START_EVENT', `Expected '${startElementId}' to be a start event of process '${model.id}' but it is not`);
    }
    const processInstanceKey = command.processInstanceKey ?? lifecycle.nextKey();
    const parent =
      command.parentProcessInstanceKey && command.parentElementInstanceKey
        ? { parentProcessInstanceKey: command.parentProcessInstanceKey, parentElementInstanceKey: command.parentElementInstanceKey }
        : {};
    lifecycle.emit({
      type: 'PROCESS_INSTANCE_CREATED',
      instance: {
        processInstanceKey,
        processDefinitionKey: definition.processDefinitionKey,
        processDefinitionId: definition.processDefinitionId,
        processDefinitionVersion: definition.version,
        processDefinitionName: definition.name,
        versionTag: definition.versionTag,
        tenantId: definition.tenantId,
        state: 'ACTIVE',
        businessId: command.businessId,
        startDate: now,
        endDate: null,
        startedBy: command.startedBy,
        incidentCount: 0,
        ...parent,
      },
    });
    lifecycle.emit({ type: 'ELEMENT_ACTIVATING', elementInstanceKey: processInstanceKey, elementId: model.id, elementType: 'bpmn:Process', elementName: model.name ?? null, flowScopeKey: null });
    lifecycle.variables.setLocalDocument(processInstanceKey, command.variables);
    // Its start listeners run first; then the event subprocesses of the process wait and the start element is entered.
    lifecycle.activateProcess(lifecycle.state.element(processInstanceKey)!, start.id);
    return undefined;
  },
};
