import type { ExecutableElementType } from '#bpmn';
import { AD_HOC_SUB_PROCESS_INNER_INSTANCE, EVENT_SUB_PROCESS, MULTI_INSTANCE_BODY } from '../state/records.js';
import { boundaryEventBehaviour } from './boundary-event.behaviour.js';
import { callActivityBehaviour } from './call-activity.behaviour.js';
import { complexGatewayBehaviour } from './complex-gateway.behaviour.js';
import { adHocInnerInstanceBehaviour, adHocSubProcessBehaviour } from './ad-hoc-subprocess.behaviour.js';
import type { ElementBehaviour } from './element-behaviour.js';
import { endEventBehaviour } from './end-event.behaviour.js';
import { eventBasedGatewayBehaviour } from './event-based-gateway.behaviour.js';
import { eventSubProcessBehaviour } from './event-subprocess.behaviour.js';
import { exclusiveGatewayBehaviour } from './exclusive-gateway.behaviour.js';
import { inclusiveGatewayBehaviour } from './inclusive-gateway.behaviour.js';
import { intermediateCatchEventBehaviour } from './intermediate-catch-event.behaviour.js';
import { intermediateThrowEventBehaviour } from './intermediate-throw-event.behaviour.js';
import { jobWorkerBehaviour } from './job-worker.behaviour.js';
import { multiInstanceBodyBehaviour } from './multi-instance-body.behaviour.js';
import { parallelGatewayBehaviour } from './parallel-gateway.behaviour.js';
import { passThroughBehaviour } from './pass-through.behaviour.js';
import { receiveTaskBehaviour } from './receive-task.behaviour.js';
import { scriptTaskBehaviour } from './script-task.behaviour.js';
import { startEventBehaviour } from './start-event.behaviour.js';
import { subProcessBehaviour } from './subprocess.behaviour.js';
import { userTaskBehaviour } from './user-task.behaviour.js';

/**
 * One behaviour per element type Baton executes, keyed by the verbatim BPMN type. The key
 * type is the deploy-time list (EXECUTABLE_ELEMENT_TYPES), so a type that is accepted at
 * deployment but has no behaviour does not compile. Zeebe's multi-instance body has its own
 * entry: an element instance of that type wraps the inner instances of a multi-instance activity;
 * so has an event subprocess (a `bpmn:SubProcess` with `triggeredByEvent`).
 */
export const BEHAVIOURS: Record<ExecutableElementType | typeof MULTI_INSTANCE_BODY | typeof EVENT_SUB_PROCESS | typeof AD_HOC_SUB_PROCESS_INNER_INSTANCE, ElementBehaviour> = {
  'bpmn:StartEvent': startEventBehaviour as ElementBehaviour,
  'bpmn:EndEvent': endEventBehaviour as ElementBehaviour,
  'bpmn:IntermediateThrowEvent': intermediateThrowEventBehaviour as ElementBehaviour,
  'bpmn:ExclusiveGateway': exclusiveGatewayBehaviour as ElementBehaviour,
  'bpmn:ParallelGateway': parallelGatewayBehaviour,
  'bpmn:InclusiveGateway': inclusiveGatewayBehaviour as ElementBehaviour,
  'bpmn:SubProcess': subProcessBehaviour as ElementBehaviour,
  'bpmn:Task': passThroughBehaviour,
  'bpmn:ManualTask': passThroughBehaviour,
  'bpmn:UserTask': userTaskBehaviour as ElementBehaviour,
  'bpmn:ScriptTask': scriptTaskBehaviour as ElementBehaviour,
  'bpmn:ServiceTask': jobWorkerBehaviour,
  'bpmn:SendTask': jobWorkerBehaviour,
  'bpmn:BusinessRuleTask': jobWorkerBehaviour,
  'bpmn:IntermediateCatchEvent': intermediateCatchEventBehaviour as ElementBehaviour,
  'bpmn:BoundaryEvent': boundaryEventBehaviour as ElementBehaviour,
  'bpmn:CallActivity': callActivityBehaviour as ElementBehaviour,
  'bpmn:ReceiveTask': receiveTaskBehaviour as ElementBehaviour,
  'bpmn:EventBasedGateway': eventBasedGatewayBehaviour as ElementBehaviour,
  'bpmn:ComplexGateway': complexGatewayBehaviour as ElementBehaviour,
  'bpmn:AdHocSubProcess': adHocSubProcessBehaviour as ElementBehaviour,
  [AD_HOC_SUB_PROCESS_INNER_INSTANCE]: adHocInnerInstanceBehaviour,
  [MULTI_INSTANCE_BODY]: multiInstanceBodyBehaviour,
  [EVENT_SUB_PROCESS]: eventSubProcessBehaviour as ElementBehaviour,
};
