import { FeelService } from '#feel';
import {
  EXECUTABLE_MODEL_VERSION,
  type BoundaryEventNode,
  type ExecutableProcess,
  type FlowNode,
  type GatewayNode,
  type JobTaskNode,
  type MessageStartEvent,
  type PassThroughTaskNode,
  type SequenceFlow,
} from '../model/executable-process.js';
import { messageOf } from '../parse/event-references.js';
import { elementProperty, idOf, isA, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { conditionOf, extension } from '../parse/zeebe-extensions.js';
import { eventKind } from '../rules/event-kind.js';
import type { ValidationContext } from '../validate/validation-context.js';
import { compileCondition, compileForm, compileIoMapping, compileJob, compileUserTask } from './compile-extensions.js';
import { compileCalledElement, compileErrorCatch, compileErrorThrow, compileMultiInstance, compileTimer } from './compile-events.js';

/**
 * Compiles one validated executable process into the plain-JSON model the engine runs. It relies
 * on the rules having passed (every node is executable, every flow has both ends, every subprocess
 * has one none start event, every boundary event is attached to an activity of its scope) and does
 * not re-check them.
 */
export function compileProcess(process: ModdleElement, context: ValidationContext): ExecutableProcess {
  const elements: Record<string, FlowNode> = {};
  const flows: Record<string, SequenceFlow> = {};
  const formIds: string[] = [];
  const messageStartEvents: MessageStartEvent[] = [];
  const embeddedForms = context.userTaskForms(process);
  const ids = (list: readonly ModdleElement[]): string[] => list.map((element) => idOf(element) ?? '');

  const compileScope = (scope: ModdleElement, parentId: string | undefined): { children: string[]; startEventId: string } => {
    const children: string[] = [];
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
      };
      const node = compileNode(child, base);
      elements[id] = node;
      children.push(id);
      if (node.type === 'bpmn:SubProcess') {
        const inner = compileScope(child, id);
        node.children = inner.children;
        node.startEventId = inner.startEventId;
      }
      if (node.type === 'bpmn:StartEvent' && eventKind(child) === 'none' && startEventId === '') startEventId = id;
      if (node.type === 'bpmn:StartEvent' && node.messageName !== undefined && parentId === undefined) messageStartEvents.push({ elementId: id, messageName: node.messageName });
      const form = node.type === 'bpmn:StartEvent' ? node.form : node.type === 'bpmn:UserTask' ? node.userTask.form : undefined;
      if (form?.kind === 'linked' && !formIds.includes(form.formId)) formIds.push(form.formId);
    }
    return { children, startEventId };
  };

  type Base = Omit<PassThroughTaskNode, 'type'>;
  const compileNode = (element: ModdleElement, base: Base): FlowNode => {
    const type = element.$type;
    switch (type) {
      case 'bpmn:StartEvent': {
        const messageName = eventKind(element) === 'message' ? stringProperty(messageOf(element), 'name')?.trim() : undefined;
        return { ...base, type, ...optional('form', compileForm(element, embeddedForms)), ...optional('messageName', messageName) };
      }
      case 'bpmn:EndEvent':
        return {
          ...base,
          type,
          terminate: eventKind(element) === 'terminate',
          ...optional('job', eventKind(element) === 'message' ? compileJob(element) : undefined),
          ...optional('error', eventKind(element) === 'error' ? compileErrorThrow(element) : undefined),
        };
      case 'bpmn:IntermediateCatchEvent':
        return { ...base, type, trigger: { kind: 'timer', timer: compileTimer(element) } };
      case 'bpmn:BoundaryEvent':
        return {
          ...base,
          type,
          attachedToId: idOf(elementProperty(element, 'attachedToRef')) ?? '',
          interrupting: element['cancelActivity'] !== false,
          trigger: eventKind(element) === 'timer' ? { kind: 'timer', timer: compileTimer(element) } : { kind: 'error', ...compileErrorCatch(element) },
        } satisfies BoundaryEventNode;
      case 'bpmn:CallActivity':
        return { ...base, type, calledElement: compileCalledElement(element) };
      case 'bpmn:IntermediateThrowEvent':
        return { ...base, type, ...optional('job', eventKind(element) === 'message' ? compileJob(element) : undefined) };
      case 'bpmn:ExclusiveGateway':
      case 'bpmn:InclusiveGateway':
        return { ...base, type, ...optional('defaultFlow', idOf(elementProperty(element, 'default'))) } satisfies GatewayNode;
      case 'bpmn:ParallelGateway':
        return { ...base, type };
      case 'bpmn:SubProcess':
        return { ...base, type, startEventId: '', children: [] };
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
    const branching = source?.$type === 'bpmn:ExclusiveGateway' || source?.$type === 'bpmn:InclusiveGateway';
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
  const versionTag = stringProperty(extension(process, 'zeebe:VersionTag'), 'value');
  return {
    modelVersion: EXECUTABLE_MODEL_VERSION,
    id: idOf(process) ?? '',
    ...optional('name', nonBlank(stringProperty(process, 'name'))),
    ...optional('versionTag', nonBlank(versionTag)),
    ...optional('startEventId', nonBlank(top.startEventId)),
    ...optional('messageStartEvents', messageStartEvents.length > 0 ? messageStartEvents : undefined),
    children: top.children,
    elements,
    flows,
    formIds,
  };
}

/** `{ [key]: value }` when value is defined, `{}` otherwise: keeps absent values out of the stored JSON. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

function nonBlank(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}
