import type { ThrowDefinition } from '#bpmn';
import { Failure } from '../failure.js';
import { cloneJson } from '../processing/variable-paths.js';
import type { ElementContext } from './element-behaviour.js';

/**
 * What a throw event (intermediate throw or end event) throws besides errors and jobs:
 * - an escalation: its code (static or FEEL, evaluated now) is thrown at the event — the nearest
 *   catch event takes it, or nothing does and the instance goes on;
 * - a signal: its name (evaluated now) is broadcast after the commit, with the event's local
 *   variables (its input mappings) as the signal's variables.
 * Returns a Failure when the code or name does not evaluate (an incident on the event).
 */
export function throwFromEvent(context: ElementContext, throws: ThrowDefinition): Failure | undefined {
  const { services, instance, node } = context;
  const variables = context.variables();
  if (throws.kind === 'escalation') {
    const code = services.evaluator.string(throws.escalationCode, variables);
    if (code instanceof Failure) return code;
    if (code.trim() === '') return new Failure('EXTRACT_VALUE_ERROR', `Expected a non-empty escalation code for '${node.id}' but the expression gave an empty string`);
    services.throwEscalation(instance, code, {});
    return undefined;
  }
  const signalName = services.evaluator.string(throws.signalName, variables);
  if (signalName instanceof Failure) return signalName;
  if (signalName.trim() === '') return new Failure('EXTRACT_VALUE_ERROR', `Expected a non-empty signal name for '${node.id}' but the expression gave an empty string`);
  const locals = Object.fromEntries([...services.state.variablesOf(instance.elementInstanceKey)].map(([name, variable]) => [name, variable.value]));
  services.emit({ type: 'SIGNAL_THROWN', elementInstanceKey: instance.elementInstanceKey, elementId: node.id, signalName, variables: cloneJson(locals) });
  return undefined;
}
