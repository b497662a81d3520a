import type { LifecycleOperations } from '../lifecycle/lifecycle-operations.js';
import type { ProcessingEnvironment } from '../processing/processing-environment.js';
import type { InstanceState } from '../state/instance-state.js';
import type { EngineCommand, EngineCommandType, Rejection } from './engine-command.js';

/** What a command processor works with: the instance's state, the environment and the lifecycle. */
export interface CommandContext {
  readonly state: InstanceState;
  readonly env: ProcessingEnvironment;
  readonly lifecycle: LifecycleOperations;
}

/**
 * The processing of one command type (Zeebe's command processors). `instance` is the precondition
 * the entry point checks first: the instance must not exist yet (`absent`), must exist
 * (`present`), or must exist and be active (`active`). `process` either refuses the command (a
 * Rejection, nothing emitted) or decides its first events and queues the lifecycle's work; the
 * entry point then runs the instance to its next wait states.
 */
export interface CommandProcessor<T extends EngineCommandType = EngineCommandType> {
  readonly instance: 'absent' | 'present' | 'active';
  process(command: Extract<EngineCommand, { type: T }>, context: CommandContext): Rejection | undefined;
}
