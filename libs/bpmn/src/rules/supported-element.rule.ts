import { EXECUTABLE_ELEMENT_TYPES } from '../model/executable-process.js';
import { describeElement, elementProperty, isA, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { extension, extensionValues } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import type { ValidationContext } from '../validate/validation-context.js';
import type { BpmnRule } from './bpmn-rule.js';
import { eventKind, isEventSubProcess, isInterrupting, type EventKind } from './event-kind.js';
import { elementProblem } from './rule-problem.js';

/** Flow elements that carry no behaviour: data is documentation for Baton, flows are checked elsewhere. */
const IGNORED_FLOW_ELEMENTS = new Set(['bpmn:SequenceFlow', 'bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

const EXECUTABLE = new Set<string>(EXECUTABLE_ELEMENT_TYPES);

/** How modelers call the element types Baton does not execute at all. */
const UNSUPPORTED_TYPE_LABELS: Record<string, string> = {
};

/**
 * `supported-element`: every flow element, event trigger and loop in an executable
 * process must be something Baton executes (`EXECUTABLE_ELEMENT_TYPES`, with the event triggers of
 * `EXECUTED_TRIGGERS`: message, timer and signal starts of a process; every Camunda 8 trigger of an
 * event subprocess; message, timer, signal, condition and link catch events; timer, message,
 * signal, error, escalation, condition, compensation and cancel boundary events; signal, escalation,
 * link and compensation throws; compensation and cancel end events; transactions; compensation
 * handlers; multi-instance activities and standard loops; no multiple events — the `compensation`
 * rule checks where compensation and cancel events may be; listeners are the `listeners` rule's).
 * Unsupported ones are refused by name, never skipped at run time.
 * Artifacts, data elements, lanes and collaborations are documentation and are ignored.
 */
export const supportedElementRule: BpmnRule = {
  id: 'supported-element',
  description: 'Every element, event trigger and loop must be one Baton executes; anything else is refused by id and type.',
  check(context) {
    const problems: BpmnProblem[] = [];
    const refuse = (element: ModdleElement, feature: string, why?: string): void => {
      problems.push(elementProblem(this.id, context, element, `${describeElement(element)} (${feature}) is not executed by Baton${why === undefined ? '' : `: ${why}`}`));
    };
    for (const element of context.flowElements) {
      if (IGNORED_FLOW_ELEMENTS.has(element.$type)) continue;
      const unsupported = unsupportedFeature(element, context);
      if (unsupported !== undefined) refuse(element, unsupported.feature, unsupported.why);
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
      if (loop !== undefined && !isA(loop, 'bpmn:MultiInstanceLoopCharacteristics') && !isA(loop, 'bpmn:StandardLoopCharacteristics')) refuse(element, loopLabel(loop));
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

/** Event triggers Baton executes, per event type (and, for start events, per place). */
const EXECUTED_TRIGGERS = {
  processStart: ['none', 'message', 'timer', 'signal'],
  eventSubProcessStart: ['message', 'timer', 'signal', 'error', 'escalation', 'conditional', 'compensation', 'none'],
  end: ['none', 'terminate', 'message', 'error', 'signal', 'escalation', 'compensation', 'cancel'],
  intermediateThrow: ['none', 'message', 'signal', 'escalation', 'link', 'compensation'],
  intermediateCatch: ['message', 'timer', 'signal', 'conditional', 'link'],
  boundary: ['timer', 'message', 'signal', 'error', 'escalation', 'conditional', 'compensation', 'cancel'],
} satisfies Record<string, EventKind[]>;

/** Why a process's conditional start event is refused, and what to use instead. */
const CONDITIONAL_PROCESS_START =
  'Camunda 8.9 starts such processes when a client asks it to evaluate their conditions (POST /v2/conditionals/evaluation), which Baton does not offer; ' +
  'start the process with a message or signal start event, or react to a condition inside it with a conditional event subprocess';

/**
 * The unsupported feature of a flow element's type or trigger (and why, when that helps), or
 * undefined when Baton executes it. Where Camunda 8 itself refuses a combination (a
 * non-interrupting error event, a timer cycle on an interrupting event, an event subprocess
 * without trigger), the rule of that concern reports it instead.
 */
function unsupportedFeature(element: ModdleElement, context: ValidationContext): { feature: string; why?: string } | undefined {
  const type = element.$type;
  // A transaction compiles to an embedded subprocess (compile-compensation.ts).
  if (!EXECUTABLE.has(type) && type !== 'bpmn:Transaction') return { feature: UNSUPPORTED_TYPE_LABELS[type] ?? `${type} element` };
  const kind = eventKind(element);
  const refusedUnless = (executed: readonly EventKind[], feature: string): { feature: string } | undefined => (executed.includes(kind) ? undefined : { feature });
  const prefix = isInterrupting(element) ? '' : 'non-interrupting ';
  switch (type) {
    case 'bpmn:StartEvent': {
      const label = `${prefix}${kind} start event`;
      const scope = context.scopeOf(element);
      if (scope?.$type === 'bpmn:Process') {
        if (kind === 'conditional') return { feature: 'conditional start event of a process', why: CONDITIONAL_PROCESS_START };
        return refusedUnless(EXECUTED_TRIGGERS.processStart, label);
      }
      if (isEventSubProcess(scope)) return refusedUnless(EXECUTED_TRIGGERS.eventSubProcessStart, `${label} in an event subprocess`);
      return kind === 'none' ? undefined : { feature: `${label} in an embedded subprocess` };
    }
    case 'bpmn:EndEvent':
      return refusedUnless(EXECUTED_TRIGGERS.end, `${kind} end event`);
    case 'bpmn:IntermediateThrowEvent':
      return refusedUnless(EXECUTED_TRIGGERS.intermediateThrow, `${kind} intermediate throw event`);
    case 'bpmn:IntermediateCatchEvent':
      return refusedUnless(EXECUTED_TRIGGERS.intermediateCatch, `${kind} intermediate catch event`);
    case 'bpmn:BoundaryEvent':
      return refusedUnless(EXECUTED_TRIGGERS.boundary, `${prefix}${kind} boundary event`);
    default:
      return undefined;
  }
}

function loopLabel(loop: ModdleElement): string {
  if (isA(loop, 'bpmn:MultiInstanceLoopCharacteristics')) return loop['isSequential'] === true ? 'sequential multi-instance' : 'parallel multi-instance';
  if (isA(loop, 'bpmn:StandardLoopCharacteristics')) return 'standard loop';
  return loop.$type;
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
