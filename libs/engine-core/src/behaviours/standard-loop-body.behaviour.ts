import type { StandardLoopDefinition } from '#bpmn';
import { Failure } from '../failure.js';
import type { BehaviourServices } from './behaviour-services.js';
import type { ElementBehaviour } from './element-behaviour.js';
import { LOOP_COUNTER } from './multi-instance-body.behaviour.js';

/**
 * The body around a standard loop (`bpmn:standardLoopCharacteristics`, BPMN 2.0.2 §10.3.8;
 * Camunda 8 has none). Its element instance is a MULTI_INSTANCE_BODY, like Zeebe's body around a
 * sequential multi-instance activity: the iterations are its inner instances, one at a time, each
 * with the local `loopCounter` (1-based); the activity's boundary events belong to the body and its
 * variable mappings to the iterations, whose completion variables propagate as a normal
 * activity's do. The counters on the body (MULTI_INSTANCE_UPDATED) count the iterations started
 * (`numberOfInstances`) and completed.
 *
 * The loop goes on while `loopCondition` holds, evaluated in the body's scope with `loopCounter`
 * set to the number of iterations completed so far: before the first iteration too when
 * `testBefore` (a false condition then runs the activity zero times), else only after each
 * iteration (the activity runs at least once). It never runs more than `loopMaximum` iterations.
 * A condition that is not a boolean is a CONDITION_ERROR incident: on the body before the first
 * iteration, on the iteration that just completed afterwards (held at COMPLETING; resolving it
 * evaluates again).
 */
export const standardLoopBodyBehaviour: ElementBehaviour = {
  variableMappings: false,
  onActivate: (context) => {
    const { services, instance: body, node } = context;
    const loop = node.standardLoop!;
    const goOn = continues(services, loop, body.elementInstanceKey, 0);
    if (goOn instanceof Failure) return goOn;
    services.emit({ type: 'MULTI_INSTANCE_UPDATED', elementInstanceKey: body.elementInstanceKey, counts: { numberOfInstances: goOn ? 1 : 0, numberOfCompletedInstances: 0, numberOfTerminatedInstances: 0 } });
    if (goOn) services.enqueueInnerInstance(node, body.elementInstanceKey, null, 1);
    else services.checkScope(body.elementInstanceKey);
    return 'wait';
  },

  onChildCompleting: (context) => {
    const { services, instance: body, node } = context;
    const loop = node.standardLoop!;
    const counts = body.multiInstance ?? { numberOfInstances: 0, numberOfCompletedInstances: 0, numberOfTerminatedInstances: 0 };
    const completed = counts.numberOfCompletedInstances + 1;
    const goOn = continues(services, { ...loop, testBefore: true }, body.elementInstanceKey, completed);
    if (goOn instanceof Failure) return goOn;
    services.emit({
      type: 'MULTI_INSTANCE_UPDATED',
      elementInstanceKey: body.elementInstanceKey,
      counts: { ...counts, numberOfInstances: completed + (goOn ? 1 : 0), numberOfCompletedInstances: completed },
    });
    if (goOn) services.enqueueInnerInstance(node, body.elementInstanceKey, null, completed + 1);
    return { terminateSiblings: false };
  },
};

/**
 * Whether another iteration runs after `completed` ones: not past the maximum, and the condition
 * (when `testBefore`, or after the first iteration) holds. Without a condition only the maximum
 * ends the loop.
 */
function continues(services: BehaviourServices, loop: StandardLoopDefinition, bodyKey: string, completed: number): boolean | Failure {
  if (loop.loopMaximum !== undefined && completed >= loop.loopMaximum) return false;
  if (loop.loopCondition === undefined || (!loop.testBefore && completed === 0)) return true;
  return services.evaluator.condition(loop.loopCondition, { ...services.variables.visible(bodyKey), [LOOP_COUNTER]: completed });
}
