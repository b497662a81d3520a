import { FeelService } from '#feel';
import { camunda7Prefixes } from '../parse/camunda-7-settings.js';
import { elementList, elementProperty, isA, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import type { DuplicateId, ParsedBpmn, UnresolvedReference } from '../parse/parse-bpmn-xml.js';

/**
 * What every rule reads: the parsed definitions, the executable processes indexed once (every
 * flow element with its process and scope, incoming and outgoing flows derived from the flows'
 * sourceRef/targetRef), what the XML reader noticed, and the FeelService. Read-only for rules.
 *
 * Incoming/outgoing are derived from the sequence flows, like Zeebe does, and not taken from the
 * `<bpmn:incoming>`/`<bpmn:outgoing>` children, which modelers write but the XML may omit.
 */
export class ValidationContext {
  /** The `bpmn:Definitions` root. */
  readonly definitions: ModdleElement;
  /** Every `bpmn:Process`, executable or not. */
  readonly allProcesses: readonly ModdleElement[];
  /** The processes with `isExecutable="true"`: the ones Baton deploys and the rules check. */
  readonly processes: readonly ModdleElement[];
  /** Every flow element (nodes, flows, data objects) in the executable processes, nested ones included, in document order. */
  readonly flowElements: readonly ModdleElement[];
  /** The flow nodes among `flowElements` (events, activities, gateways). */
  readonly flowNodes: readonly ModdleElement[];
  /** The sequence flows among `flowElements`. */
  readonly sequenceFlows: readonly ModdleElement[];
  readonly unresolvedReferences: readonly UnresolvedReference[];
  readonly duplicateIds: readonly DuplicateId[];
  readonly feel: FeelService;
  /** The prefixes the document binds to the Camunda 7 namespace (usually `camunda`; none in a pure Camunda 8 model). */
  readonly camunda7Prefixes: readonly string[];

  private readonly scopes = new Map<ModdleElement, ModdleElement>();
  private readonly owningProcess = new Map<ModdleElement, ModdleElement>();
  private readonly incomingFlows = new Map<ModdleElement, ModdleElement[]>();
  private readonly outgoingFlows = new Map<ModdleElement, ModdleElement[]>();

  constructor(parsed: ParsedBpmn, feel: FeelService) {
    this.definitions = parsed.definitions;
    this.unresolvedReferences = parsed.unresolvedReferences;
    this.duplicateIds = parsed.duplicateIds;
    this.feel = feel;
    this.camunda7Prefixes = camunda7Prefixes(parsed.definitions);
    this.allProcesses = elementList(parsed.definitions, 'rootElements').filter((root) => root.$type === 'bpmn:Process');
    this.processes = this.allProcesses.filter((process) => process['isExecutable'] === true);

    const flowElements: ModdleElement[] = [];
    const visit = (scope: ModdleElement, process: ModdleElement): void => {
      for (const element of elementList(scope, 'flowElements')) {
        flowElements.push(element);
        this.scopes.set(element, scope);
        this.owningProcess.set(element, process);
        if (isContainer(element)) visit(element, process);
      }
    };
    for (const process of this.processes) visit(process, process);
    this.flowElements = flowElements;
    this.flowNodes = flowElements.filter((element) => isA(element, 'bpmn:FlowNode'));
    this.sequenceFlows = flowElements.filter((element) => element.$type === 'bpmn:SequenceFlow');

    for (const flow of this.sequenceFlows) {
      const source = elementProperty(flow, 'sourceRef');
      const target = elementProperty(flow, 'targetRef');
      if (source !== undefined) append(this.outgoingFlows, source, flow);
      if (target !== undefined) append(this.incomingFlows, target, flow);
    }
  }

  /** The process or subprocess directly containing a flow element (undefined outside executable processes). */
  scopeOf(element: ModdleElement): ModdleElement | undefined {
    return this.scopes.get(element);
  }

  /** The executable process a flow element belongs to; a process is its own process. */
  processOf(element: ModdleElement): ModdleElement | undefined {
    return this.processes.includes(element) ? element : this.owningProcess.get(element);
  }

  /** Sequence flows whose targetRef is this node, in document order. */
  incoming(node: ModdleElement): readonly ModdleElement[] {
    return this.incomingFlows.get(node) ?? [];
  }

  /** Sequence flows whose sourceRef is this node, in document order. */
  outgoing(node: ModdleElement): readonly ModdleElement[] {
    return this.outgoingFlows.get(node) ?? [];
  }

  /** The flow elements directly inside a process or subprocess. */
  childrenOf(scope: ModdleElement): ModdleElement[] {
    return elementList(scope, 'flowElements');
  }

  /** The id a reference property named when it did not resolve (e.g. a flow's `targetRef`), or undefined. */
  unresolvedReference(element: ModdleElement, property: string): string | undefined {
    return this.unresolvedReferences.find((reference) => reference.element === element && reference.property === property)?.id;
  }

  /** Root elements of a type (`bpmn:Message`, ...) referenced by the executable processes' flow elements. */
  referencedRootElements(type: string): ModdleElement[] {
    const found: ModdleElement[] = [];
    const consider = (candidate: ModdleElement | undefined): void => {
      if (candidate !== undefined && candidate.$type === type && !found.includes(candidate)) found.push(candidate);
    };
    for (const element of this.flowElements) {
      for (const property of ['messageRef', 'errorRef', 'signalRef', 'escalationRef']) {
        consider(elementProperty(element, property));
        for (const definition of elementList(element, 'eventDefinitions')) consider(elementProperty(definition, property));
      }
    }
    return found;
  }

  /** The process's `zeebe:userTaskForm` ids and their JSON bodies (legacy embedded forms). */
  userTaskForms(process: ModdleElement): Map<string, string> {
    const forms = new Map<string, string>();
    const container = process['extensionElements'] as ModdleElement | undefined;
    for (const form of elementList(container, 'values')) {
      const id = stringProperty(form, 'id');
      if (form.$type === 'zeebe:UserTaskForm' && id !== undefined) forms.set(id, stringProperty(form, 'body') ?? '');
    }
    return forms;
  }
}

/** True for elements that contain flow elements: subprocesses, transactions, ad-hoc subprocesses. */
export function isContainer(element: ModdleElement): boolean {
  return isA(element, 'bpmn:SubProcess');
}

function append(map: Map<ModdleElement, ModdleElement[]>, key: ModdleElement, value: ModdleElement): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
