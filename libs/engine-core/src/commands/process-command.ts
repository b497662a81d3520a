import type { EngineEvent } from '../events/engine-event.js';
import { ElementLifecycle } from '../lifecycle/element-lifecycle.js';
import { illegalTransitionMessage } from '../lifecycle/transition-guard.js';
import type { ProcessingEnvironment } from '../processing/processing-environment.js';
import { InstanceState, type InstanceSnapshot } from '../state/instance-state.js';
import type { CommandProcessor } from './command-processor.js';
import { COMMAND_PROCESSORS } from './command-processors.js';
import { rejection, type EngineCommand, type Rejection } from './engine-command.js';

/** The outcome of a command: the events it caused and the state after them, or why it was refused. */
export type CommandResult =
  | { ok: true; events: EngineEvent[]; state: InstanceState; processInstanceKey: string }
  | { ok: false; rejection: Rejection };

/**
 * The pure core's entry: (state, command, environment) → events. Checks the instance
 * precondition of the command's processor, lets the processor decide, then runs the instance to
 * its next wait states. Deterministic for the same inputs (the environment carries the time and
 * the key source). A refused command, or one whose processing hit an illegal element
 * transition, changes nothing: its rejection is returned instead.
 */
export function processCommand(snapshot: InstanceSnapshot, command: EngineCommand, env: ProcessingEnvironment): CommandResult {
  const state = new InstanceState(snapshot);
  const lifecycle = new ElementLifecycle(state, env);
  const processor = COMMAND_PROCESSORS[command.type] as CommandProcessor;
  const refused = precondition(state, processor.instance) ?? processor.process(command, { state, env, lifecycle });
  if (refused) return { ok: false, rejection: refused };
  lifecycle.run();
  if (lifecycle.refusal) return { ok: false, rejection: rejection('ELEMENT_INSTANCE.ILLEGAL_TRANSITION', illegalTransitionMessage(lifecycle.refusal)) };
  return { ok: true, events: lifecycle.events, state, processInstanceKey: state.instance!.processInstanceKey };
}

function precondition(state: InstanceState, required: CommandProcessor['instance']): Rejection | undefined {
  const instance = state.instance;
  if (required === 'absent') return instance ? rejection('PROCESS_INSTANCE.ALREADY_EXISTS', 'The process instance exists already') : undefined;
  if (!instance) return rejection('PROCESS_INSTANCE.NOT_FOUND', 'No such process instance');
  if (required === 'active' && instance.state !== 'ACTIVE') {
    return rejection('PROCESS_INSTANCE.NOT_ACTIVE', `Process instance ${instance.processInstanceKey} is ${instance.state.toLowerCase()}`);
  }
  return undefined;
}
