import { TASK_LISTENER_EVENT_TYPES } from '../model/executable-process.js';
import { taskListenerEventType } from '../parse/listener-events.js';
import { describeElement, elementList, quote, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { extensions } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { eventKind } from './event-kind.js';
import { elementProblem } from './rule-problem.js';

const GATEWAYS = new Set(['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway', 'bpmn:ParallelGateway', 'bpmn:EventBasedGateway']);

/**
 * `listeners`: execution listeners (`zeebe:executionListeners`) and user task listeners
 * (`zeebe:taskListeners`) as Camunda 8.8 accepts them. Each listener has an event type the
 * element supports, a job type and (static) non-negative integer retries; two listeners of one
 * element with the same event type and job type are refused. Camunda's exceptions for execution
 * listeners: no `start` listener on start events and boundary events, no `end` listener on
 * gateways and error end events.
 */
export const listenersRule: BpmnRule = {
  id: 'listeners',
  description: 'Execution and task listeners have an event type the element supports, a job type and valid retries, without duplicates.',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const element of [...context.processes, ...context.flowNodes]) {
      const report = (message: string): void => {
        problems.push(elementProblem(this.id, context, element, message));
      };
      checkListeners(element, 'zeebe:ExecutionListeners', report, (eventType) => executionEventProblem(element, eventType));
      checkListeners(element, 'zeebe:TaskListeners', report, (eventType) =>
        taskListenerEventType(eventType) === undefined
          ? `Expected the eventType of a zeebe:taskListener on ${describeElement(element)} to be one of ${TASK_LISTENER_EVENT_TYPES.join(', ')} but found ${quote(eventType)}`
          : undefined,
      );
    }
    return problems;
  },
};

function checkListeners(element: ModdleElement, type: string, report: (message: string) => void, eventProblem: (eventType: string) => string | undefined): void {
  const tag = type === 'zeebe:ExecutionListeners' ? 'zeebe:executionListener' : 'zeebe:taskListener';
  const seen = new Set<string>();
  for (const listener of extensions(element, type).flatMap((list) => elementList(list, 'listeners'))) {
    const eventType = (stringProperty(listener, 'eventType') ?? '').trim();
    const problem = eventProblem(eventType);
    if (problem !== undefined) report(problem);
    const jobType = (stringProperty(listener, 'type') ?? '').trim();
    if (jobType === '') report(`Expected a job type (type) on the ${eventType || 'unnamed'} ${tag} of ${describeElement(element)} but found none`);
    const retries = stringProperty(listener, 'retries')?.trim();
    if (retries !== undefined && retries !== '' && !retries.startsWith('=') && !/^\d+$/.test(retries)) {
      report(`Expected the retries of the ${eventType} ${tag} '${jobType}' on ${describeElement(element)} to be a non-negative integer or a FEEL expression but found ${quote(retries)}`);
    }
    const normalised = type === 'zeebe:TaskListeners' ? (taskListenerEventType(eventType) ?? eventType) : eventType;
    const key = `${normalised}\u0000${jobType}`;
    if (jobType !== '' && seen.has(key)) report(`Found two ${normalised} ${tag}s with the job type '${jobType}' on ${describeElement(element)}; each event type and job type pair may appear once`);
    seen.add(key);
  }
}

function executionEventProblem(element: ModdleElement, eventType: string): string | undefined {
  if (eventType !== 'start' && eventType !== 'end') {
    return `Expected the eventType of a zeebe:executionListener on ${describeElement(element)} to be 'start' or 'end' but found ${quote(eventType)}`;
  }
  if (eventType === 'start' && (element.$type === 'bpmn:StartEvent' || element.$type === 'bpmn:BoundaryEvent')) {
    return `A start execution listener is not supported on ${describeElement(element)}: use a start listener of the enclosing process or subprocess${element.$type === 'bpmn:BoundaryEvent' ? ', or of the activity the event is attached to' : ''}`;
  }
  if (eventType === 'end' && GATEWAYS.has(element.$type)) {
    return `An end execution listener is not supported on ${describeElement(element)}: use a start listener of the element after the gateway`;
  }
  if (eventType === 'end' && element.$type === 'bpmn:EndEvent' && eventKind(element) === 'error') {
    return `An end execution listener is not supported on ${describeElement(element)}: place it on the event that catches the error`;
  }
  return undefined;
}
