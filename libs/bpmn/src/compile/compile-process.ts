import { FeelService } from '#feel';
import {
  EXECUTABLE_MODEL_VERSION,
  type BoundaryEventNode,
  type ComplexGatewayNode,
  type ExecutableProcess,
  type FlowNode,
  type GatewayNode,
  type IntermediateCatchEventNode,
  type JobTaskNode,
  type MessageStartEvent,
  type PassThroughTaskNode,
  type ReceiveTaskNode,
  type SequenceFlow,
  type SignalStartEvent,
  type StartEventNode,
  type TimerStartEvent,
} from '../model/executable-process.js';
import { linkNameOf } from '../parse/event-references.js';
import { elementProperty, idOf, isA, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { conditionOf, expressionBody, extension } from '../parse/zeebe-extensions.js';
import { eventKind, isEventSubProcess, isInterrupting } from '../rules/event-kind.js';
import type { ValidationContext } from '../validate/validation-context.js';
import { compileCondition, compileForm, compileIoMapping, compileJob, compileTaskVariables, compileUserTask } from './compile-extensions.js';
import { compileAdHocSubProcess } from './compile-ad-hoc.js';
import { compileStandardLoop } from './compile-standard-loop.js';
import { compileExecutionListeners } from './compile-listeners.js';
import { compileCalledElement, compileErrorThrow, compileMultiInstance, compileThrow, compileTrigger } from './compile-events.js';
import { compileCompensation } from './compile-compensation.js';

/** What compiling the flow elements of a process or subprocess yields. */
interface CompiledScope {
  children: string[];
  /** The start event the scope begins at ('' when it has none). */
  startEventId: string;
  eventSubProcessIds: string[];
}

/**
 * Compiles one validated executable process into the plain-JSON model the engine runs. It relies
 * on the rules having passed (every node is executable, every flow has both ends, every embedded
 * subprocess has one none start event and every event subprocess one start event with a trigger,
 * every boundary event is attached to an activity of its scope, every link throw has its catch)
 * and does not re-check them.
 */
export function compileProcess(process: ModdleElement, context: ValidationContext): ExecutableProcess {
  const elements: Record<string, FlowNode> = {};
  const flows: Record<string, SequenceFlow> = {};
  const formIds: string[] = [];
  const messageStartEvents: MessageStartEvent[] = [];
  const timerStartEvents: TimerStartEvent[] = [];
  const signalStartEvents: SignalStartEvent[] = [];
  const embeddedForms = context.userTaskForms(process);
  const ids = (list: readonly ModdleElement[]): string[] => list.map((element) => idOf(element) ?? '');

  const compileScope = (scope: ModdleElement, parentId: string | undefined): CompiledScope => {
    const children: string[] = [];
    const eventSubProcessIds: string[] = [];
    let startEventId = '';
    for (const child of context.childrenOf(scope)) {
      const id = idOf(child) ?? '';
      if (child.$type === 'bpmn:SequenceFlow') {
        flows[id] = compileFlow(child);
        continue;
      }
      if (!isA(child, 'bpmn:FlowNode')) continue;
      const base = {
        id,
        ...optional('name', nonBlank(stringProperty(child, 'name'))),
        ...optional('parentId', parentId),
        incoming: ids(context.incoming(child)),
        outgoing: ids(context.outgoing(child)),
        ...optional('ioMapping', compileIoMapping(child)),
        ...optional('multiInstance', compileMultiInstance(child)),
        ...optional('standardLoop', compileStandardLoop(child)),
        ...optional('executionListeners', compileExecutionListeners(child)),
      };
      const node = compileNode(child, base, scope);
      elements[id] = node;
      children.push(id);
      if (node.type === 'bpmn:AdHocSubProcess') {
        node.children = compileScope(child, id).children;
        node.activatableElementIds = node.children.filter((childId) => {
          const inner = elements[childId];
          return inner !== undefined && inner.incoming.length === 0 && inner.type !== 'bpmn:BoundaryEvent';
        });
      }
      if (node.type === 'bpmn:SubProcess') {
        const inner = compileScope(child, id);
        node.children = inner.children;
        node.startEventId = inner.startEventId;
        if (inner.eventSubProcessIds.length > 0) node.eventSubProcessIds = inner.eventSubProcessIds;
        if (node.triggeredByEvent === true) eventSubProcessIds.push(id);
      }
      // An event subprocess begins at its only start event (the one with the trigger); any other scope at its none start event.
      const startsScope = node.type === 'bpmn:StartEvent' && (isEventSubProcess(scope) || eventKind(child) === 'none');
      if (startsScope && startEventId === '') startEventId = id;
      if (node.type === 'bpmn:StartEvent' && parentId === undefined) collectProcessStart(node);
      const form = node.type === 'bpmn:StartEvent' ? node.form : node.type === 'bpmn:UserTask' ? node.userTask.form : undefined;
      if (form?.kind === 'linked' && !formIds.includes(form.formId)) formIds.push(form.formId);
    }
    resolveLinks(scope, children);
    return { children, startEventId, eventSubProcessIds };
  };

  /** Lists a start event directly in the process among the message, timer and signal start events of the process. */
  const collectProcessStart = (node: StartEventNode): void => {
    const trigger = node.trigger;
    if (node.messageName !== undefined) messageStartEvents.push({ elementId: node.id, messageName: node.messageName });
    if (trigger?.kind === 'timer') timerStartEvents.push({ elementId: node.id, timer: trigger.timer });
    if (trigger?.kind === 'signal' && trigger.signalName.kind === 'static') signalStartEvents.push({ elementId: node.id, signalName: trigger.signalName.value });
  };

  /** Points each link throw event of a scope at the link catch event with its name in the same scope (validated: there is one). */
  const resolveLinks = (scope: ModdleElement, children: readonly string[]): void => {
    const catchByName = new Map<string, string>();
    for (const id of children) {
      const node = elements[id];
      if (node?.type === 'bpmn:IntermediateCatchEvent' && node.trigger.kind === 'link' && !catchByName.has(node.trigger.linkName)) catchByName.set(node.trigger.linkName, id);
    }
    for (const child of context.childrenOf(scope)) {
      const node = elements[idOf(child) ?? ''];
      const linkName = child.$type === 'bpmn:IntermediateThrowEvent' && eventKind(child) === 'link' ? linkNameOf(child) : undefined;
      const target = linkName === undefined ? undefined : catchByName.get(linkName);
      if (node?.type === 'bpmn:IntermediateThrowEvent' && target !== undefined) node.linkTargetId = target;
    }
  };

  type Base = Omit<PassThroughTaskNode, 'type'>;
  const compileNode = (element: ModdleElement, base: Base, scope: ModdleElement): FlowNode => {
    const type = element.$type;
    switch (type) {
      case 'bpmn:StartEvent': {
        const inProcess = scope.$type === 'bpmn:Process';
        const trigger = compileTrigger(element, !inProcess);
        const messageName = inProcess && trigger?.kind === 'message' && trigger.messageName.kind === 'static' ? trigger.messageName.value : undefined;
        return {
          ...base,
          type,
          ...optional('form', compileForm(element, embeddedForms)),
          ...optional('messageName', messageName),
          ...optional('trigger', trigger),
          ...optional('interrupting', isEventSubProcess(scope) ? isInterrupting(element) : undefined),
        } satisfies StartEventNode;
      }
      case 'bpmn:EndEvent':
        return {
          ...base,
          type,
          terminate: eventKind(element) === 'terminate',
          ...optional('job', eventKind(element) === 'message' ? compileJob(element) : undefined),
          ...optional('error', eventKind(element) === 'error' ? compileErrorThrow(element) : undefined),
          ...optional('throws', compileThrow(element)),
        };
      case 'bpmn:IntermediateCatchEvent':
        return { ...base, type, trigger: compileTrigger(element) as IntermediateCatchEventNode['trigger'] };
      case 'bpmn:ReceiveTask':
        return { ...base, type, trigger: compileTrigger(element) as ReceiveTaskNode['trigger'] };
      case 'bpmn:BoundaryEvent':
        return {
          ...base,
          type,
          attachedToId: idOf(elementProperty(element, 'attachedToRef')) ?? '',
          interrupting: isInterrupting(element),
          trigger: compileTrigger(element) as BoundaryEventNode['trigger'],
        } satisfies BoundaryEventNode;
      case 'bpmn:CallActivity':
        return { ...base, type, calledElement: compileCalledElement(element) };
      case 'bpmn:IntermediateThrowEvent':
        return { ...base, type, ...optional('job', eventKind(element) === 'message' ? compileJob(element) : undefined), ...optional('throws', compileThrow(element)) };
      case 'bpmn:EventBasedGateway':
        return { ...base, type };
      case 'bpmn:ExclusiveGateway':
      case 'bpmn:InclusiveGateway':
        return { ...base, type, ...optional('defaultFlow', idOf(elementProperty(element, 'default'))) } satisfies GatewayNode;
      case 'bpmn:ParallelGateway':
        return { ...base, type };
      case 'bpmn:AdHocSubProcess':
        return compileAdHocSubProcess(element, base);
      case 'bpmn:ComplexGateway': {
        const activation = expressionBody(element, 'activationCondition');
        return {
          ...base,
          type,
          ...optional('defaultFlow', idOf(elementProperty(element, 'default'))),
          ...optional('activationCondition', activation === undefined ? undefined : compileCondition(activation)),
        } satisfies ComplexGatewayNode;
      }
      case 'bpmn:SubProcess':
        return { ...base, type, startEventId: '', children: [], ...optional('triggeredByEvent', isEventSubProcess(element) ? true : undefined) };
      case 'bpmn:Transaction':
        // A transaction runs as an embedded subprocess (compile-compensation.ts marks it).
        return { ...base, type: 'bpmn:SubProcess', startEventId: '', children: [] };
      case 'bpmn:UserTask':
        return { ...base, type, userTask: compileUserTask(element, embeddedForms, context.camunda7Prefixes) };
      case 'bpmn:ScriptTask': {
        const script = extension(element, 'zeebe:Script');
        if (script === undefined) return { ...base, type, job: compileJob(element) };
        return {
          ...base,
          type,
          script: { expression: FeelService.stripEquals(stringProperty(script, 'expression') ?? ''), resultVariable: (stringProperty(script, 'resultVariable') ?? '').trim() },
        };
      }
      case 'bpmn:ServiceTask':
      case 'bpmn:SendTask':
      case 'bpmn:BusinessRuleTask':
        return { ...base, type, job: compileJob(element) } satisfies JobTaskNode;
      case 'bpmn:Task':
      case 'bpmn:ManualTask':
        return { ...base, type };
      default:
        throw new Error(`${type} '${base.id}' passed validation but has no compiler`);
    }
  };

  const compileFlow = (flow: ModdleElement): SequenceFlow => {
    const source = elementProperty(flow, 'sourceRef');
    const condition = conditionOf(flow);
    const branching = source?.$type === 'bpmn:ExclusiveGateway' || source?.$type === 'bpmn:InclusiveGateway' || source?.$type === 'bpmn:ComplexGateway';
    return {
      id: idOf(flow) ?? '',
      ...optional('name', nonBlank(stringProperty(flow, 'name'))),
      sourceId: idOf(source) ?? '',
      targetId: idOf(elementProperty(flow, 'targetRef')) ?? '',
      ...optional('condition', branching && condition !== undefined ? compileCondition(condition) : undefined),
    };
  };

  const top = compileScope(process, undefined);
  for (const node of Object.values(elements)) {
    if (node.type !== 'bpmn:BoundaryEvent') continue;
    const host = elements[node.attachedToId];
    if (host !== undefined) host.boundaryEventIds = [...(host.boundaryEventIds ?? []), node.id];
  }
  compileCompensation(process, context, elements);
  const versionTag = stringProperty(extension(process, 'zeebe:VersionTag'), 'value');
  return {
    modelVersion: EXECUTABLE_MODEL_VERSION,
    id: idOf(process) ?? '',
    ...optional('name', nonBlank(stringProperty(process, 'name'))),
    ...optional('versionTag', nonBlank(versionTag)),
    ...optional('startEventId', nonBlank(top.startEventId)),
    ...optional('messageStartEvents', messageStartEvents.length > 0 ? messageStartEvents : undefined),
    ...optional('timerStartEvents', timerStartEvents.length > 0 ? timerStartEvents : undefined),
    ...optional('signalStartEvents', signalStartEvents.length > 0 ? signalStartEvents : undefined),
    ...optional('eventSubProcessIds', top.eventSubProcessIds.length > 0 ? top.eventSubProcessIds : undefined),
    children: top.children,
    elements,
    flows,
    formIds,
    ...optional('executionListeners', compileExecutionListeners(process)),
    ...optional('taskVariables', compileTaskVariables(process)),
  };
}

/** `{ [key]: value }` when value is defined, `{}` otherwise: keeps absent values out of the stored JSON. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

function nonBlank(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}
