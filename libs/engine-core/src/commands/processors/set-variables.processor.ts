import { externalState } from '../../state/records.js';
import { rejection } from '../engine-command.js';
import type { CommandProcessor } from '../command-processor.js';

/** Sets variables in an active element instance's scope: local to it, or propagated (Camunda's `local` flag). */
export const setVariables: CommandProcessor<'SET_VARIABLES'> = {
  instance: 'present',
  process(command, { state, lifecycle }) {
    const element = state.element(command.elementInstanceKey);
    if (!element) return rejection('ELEMENT_INSTANCE.NOT_FOUND', `No active element instance with key ${command.elementInstanceKey}`);
    if (externalState(element.lifecycle) !== 'ACTIVE') return rejection('ELEMENT_INSTANCE.NOT_ACTIVE', `Element instance ${element.elementInstanceKey} is not active`);
    if (command.local) lifecycle.variables.setLocalDocument(element.elementInstanceKey, command.variables);
    else lifecycle.variables.propagate(element.elementInstanceKey, command.variables);
    return undefined;
  },
};
