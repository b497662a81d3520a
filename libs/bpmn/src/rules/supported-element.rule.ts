import { EXECUTABLE_ELEMENT_TYPES } from '../model/executable-process.js';
import { describeElement, elementProperty, isA, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { eventDefinitions, extension, extensions, extensionValues } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import type { ValidationContext } from '../validate/validation-context.js';
import type { BpmnRule } from './bpmn-rule.js';
import { eventKind } from './event-kind.js';
import { elementProblem } from './rule-problem.js';

/** Flow elements that carry no behaviour: data is documentation for Baton, flows are checked elsewhere. */
const IGNORED_FLOW_ELEMENTS = new Set(['bpmn:SequenceFlow', 'bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

const EXECUTABLE = new Set<string>(EXECUTABLE_ELEMENT_TYPES);

/** How modelers call the element types Baton does not execute at all. */
const UNSUPPORTED_TYPE_LABELS: Record<string, string> = {
  'bpmn:ReceiveTask': 'receive task',
  'bpmn:EventBasedGateway': 'event-based gateway',
  'bpmn:ComplexGateway': 'complex gateway',
  'bpmn:Transaction': 'transaction',
  'bpmn:AdHocSubProcess': 'ad-hoc subprocess',
};

/**
 * `supported-element`: every flow element, event trigger, loop and listener in an executable
 * process must be something Baton executes (`EXECUTABLE_ELEMENT_TYPES`; none, terminate, error and
 * message-job end events; timer catch events; interrupting timer and error boundary events;
 * message start events of a process; multi-instance activities; no standard loops, no listeners).
 * Unsupported ones are refused by name, never skipped at run time.
 * Artifacts, data elements, lanes and collaborations are documentation and are ignored.
 */
export const supportedElementRule: BpmnRule = {
  id: 'supported-element',
  description: 'Every element, event trigger, loop and listener must be one Baton executes; anything else is refused by id and type.',
  check(context) {
    const problems: BpmnProblem[] = [];
    const refuse = (element: ModdleElement, feature: string): void => {
      problems.push(elementProblem(this.id, context, element, `${describeElement(element)} (${feature}) is not executed by Baton`));
    };
    for (const process of context.processes) listenerProblems(this.id, context, process, problems);
    for (const element of context.flowElements) {
      if (IGNORED_FLOW_ELEMENTS.has(element.$type)) continue;
      const feature = unsupportedFeature(element, context);
      if (feature !== undefined) refuse(element, feature);
      const decision = extension(element, 'zeebe:CalledDecision');
      if (element.$type === 'bpmn:BusinessRuleTask' && decision !== undefined) {
        const decisionId = stringProperty(decision, 'decisionId') ?? '';
        problems.push(
          elementProblem(
            this.id,
            context,
            element,
            `${describeElement(element)} (DMN decision '${decisionId}' in zeebe:calledDecision) is not executed by Baton: DMN is not supported; implement the rule as a job with zeebe:taskDefinition`,
          ),
        );
      }
      const loop = elementProperty(element, 'loopCharacteristics');
      if (loop !== undefined && !isA(loop, 'bpmn:MultiInstanceLoopCharacteristics')) refuse(element, loopLabel(loop));
      if (element['isForCompensation'] === true) refuse(element, 'compensation handler');
      listenerProblems(this.id, context, element, problems);
    }
    return problems;
  },
  warn(context) {
    const warnings: BpmnProblem[] = [];
    for (const element of context.flowElements) {
      const inboundType = inboundConnectorType(element);
      if (inboundType !== undefined) {
        warnings.push(
          elementProblem(this.id, context, element, `${describeElement(element)} configures an inbound connector ('${inboundType}'), which Baton ignores: nothing listens for it`),
        );
      }
      const taskDefinition = extension(element, 'zeebe:TaskDefinition');
      if (element.$type === 'bpmn:UserTask' && taskDefinition !== undefined) {
        warnings.push(
          elementProblem(
            this.id,
            context,
            element,
            `zeebe:taskDefinition (type '${stringProperty(taskDefinition, 'type') ?? ''}') on ${describeElement(element)} is ignored: a user task waits in Baton's task list, not for a job worker`,
          ),
        );
      }
      if (extension(element, 'zeebe:JobPriorityDefinition') !== undefined) {
        warnings.push(elementProblem(this.id, context, element, `zeebe:jobPriorityDefinition on ${describeElement(element)} is ignored: Baton does not prioritise jobs`));
      }
    }
    return warnings;
  },
};

/** The unsupported feature of a flow element's type or trigger, or undefined when Baton executes it. */
function unsupportedFeature(element: ModdleElement, context: ValidationContext): string | undefined {
  const type = element.$type;
  if (!EXECUTABLE.has(type)) return UNSUPPORTED_TYPE_LABELS[type] ?? `${type} element`;
  const kind = eventKind(element);
  switch (type) {
    case 'bpmn:StartEvent': {
      const label = `${element['isInterrupting'] === false ? 'non-interrupting ' : ''}${kind} start event`;
      if (kind === 'none') return undefined;
      // Camunda: message start events start process instances; inside a subprocess only event subprocesses have them.
      const scope = context.scopeOf(element);
      if (kind === 'message' && scope?.$type === 'bpmn:Process') return undefined;
      return kind === 'message' && scope?.['triggeredByEvent'] !== true ? `${label} in an embedded subprocess` : label;
    }
    case 'bpmn:EndEvent':
      return kind === 'none' || kind === 'terminate' || kind === 'message' || kind === 'error' ? undefined : `${kind} end event`;
    case 'bpmn:IntermediateThrowEvent':
      return kind === 'none' || kind === 'message' ? undefined : `${kind} intermediate throw event`;
    case 'bpmn:IntermediateCatchEvent':
      if (kind !== 'timer') return `${kind} intermediate catch event`;
      // Camunda 8: an intermediate timer catch event has a time duration or a time date, never a cycle.
      return timerValueProperty(element) === 'timeCycle' ? 'timer intermediate catch event with a time cycle' : undefined;
    case 'bpmn:BoundaryEvent': {
      const interrupting = element['cancelActivity'] !== false;
      if (!interrupting) return `non-interrupting ${kind} boundary event`;
      if (kind === 'error') return undefined;
      if (kind !== 'timer') return `${kind} boundary event`;
      // Camunda 8: an interrupting timer boundary event has a time duration or a time date.
      return timerValueProperty(element) === 'timeCycle' ? 'timer boundary event with a time cycle' : undefined;
    }
    case 'bpmn:SubProcess':
      return element['triggeredByEvent'] === true ? 'event subprocess' : undefined;
    default:
      return undefined;
  }
}

/** Which value the (single) timer of an event has: timeDate, timeDuration or timeCycle. */
function timerValueProperty(event: ModdleElement): string | undefined {
  const timer = eventDefinitions(event).find((definition) => definition.$type === 'bpmn:TimerEventDefinition');
  return ['timeCycle', 'timeDate', 'timeDuration'].find((property) => elementProperty(timer, property) !== undefined);
}

function loopLabel(loop: ModdleElement): string {
  if (isA(loop, 'bpmn:MultiInstanceLoopCharacteristics')) return loop['isSequential'] === true ? 'sequential multi-instance' : 'parallel multi-instance';
  if (isA(loop, 'bpmn:StandardLoopCharacteristics')) return 'standard loop';
  return loop.$type;
}

function listenerProblems(rule: string, context: ValidationContext, element: ModdleElement, problems: BpmnProblem[]): void {
  for (const type of ['zeebe:ExecutionListeners', 'zeebe:TaskListeners']) {
    for (const listeners of extensions(element, type)) {
      const tag = type === 'zeebe:ExecutionListeners' ? 'zeebe:executionListeners' : 'zeebe:taskListeners';
      const count = Array.isArray(listeners['listeners']) ? (listeners['listeners'] as unknown[]).length : 0;
      if (count === 0) continue;
      problems.push(elementProblem(rule, context, element, `${tag} on ${describeElement(element)} ${count === 1 ? 'is' : 'are'} not executed by Baton`));
    }
  }
}

/** The `inbound.type` of a connector configured through zeebe:properties, or undefined. */
function inboundConnectorType(element: ModdleElement): string | undefined {
  for (const properties of extensionValues(element).filter((value) => value.$type === 'zeebe:Properties')) {
    const list = Array.isArray(properties['properties']) ? (properties['properties'] as ModdleElement[]) : [];
    const inbound = list.find((property) => stringProperty(property, 'name') === 'inbound.type');
    if (inbound !== undefined) return stringProperty(inbound, 'value') ?? '';
  }
  return undefined;
}
