/**
 * The executable model: what `libs/bpmn` compiles a BPMN process into and what the engine runs.
 *
 * It is plain JSON (no classes, no cycles) so it can be stored with the process definition,
 * loaded without re-parsing the XML, and diffed in tests. Element types are the verbatim
 * BPMN type names (`'bpmn:ExclusiveGateway'`), so one table keyed by type can hold one
 * behaviour per element type.
 */

/**
 * A value in a model attribute: a FEEL expression when the attribute starts with `=`
 * (Camunda 8 convention), otherwise a static string.
 */
export type ValueSource = { kind: 'static'; value: string } | { kind: 'feel'; expression: string };

/** Version of the compiled JSON layout; bump when a stored model can no longer be read as-is. */
export const EXECUTABLE_MODEL_VERSION = 1;

/** The element types Baton executes, verbatim BPMN names. Anything else is refused at deploy time. */
export const EXECUTABLE_ELEMENT_TYPES = [
  'bpmn:StartEvent',
  'bpmn:EndEvent',
  'bpmn:IntermediateThrowEvent',
  'bpmn:ExclusiveGateway',
  'bpmn:ParallelGateway',
  'bpmn:InclusiveGateway',
  'bpmn:SubProcess',
  'bpmn:Task',
  'bpmn:ManualTask',
  'bpmn:UserTask',
  'bpmn:ScriptTask',
  'bpmn:ServiceTask',
  'bpmn:SendTask',
  'bpmn:BusinessRuleTask',
] as const;

export type ExecutableElementType = (typeof EXECUTABLE_ELEMENT_TYPES)[number];

/** An input or output mapping (`zeebe:input` / `zeebe:output`). */
export interface VariableMapping {
  /** FEEL expression (or static value) evaluated in the element's scope. */
  source: ValueSource;
  /** Variable name, or a dotted path (`a.b.c`) into a context variable. */
  target: string;
}

export interface IoMapping {
  inputs: VariableMapping[];
  outputs: VariableMapping[];
}

/** A job definition (`zeebe:taskDefinition` + `zeebe:taskHeaders`). */
export interface JobDefinition {
  type: ValueSource;
  /** Retries for a new job; a FEEL expression or a static number. @default "3" */
  retries: ValueSource;
  /** Custom headers, passed to the worker as-is. */
  headers: Record<string, string>;
}

/** How a user task's form is found. */
export type FormReference =
  /** `zeebe:formDefinition formId`: the latest deployed form with this id (or the one deployed with the process). */
  | { kind: 'linked'; formId: string; bindingType: 'latest' | 'deployment' | 'versionTag'; versionTag?: string }
  /** `zeebe:formDefinition externalReference`: a URL or key the task's application resolves. */
  | { kind: 'external'; reference: ValueSource }
  /** Legacy `zeebe:userTaskForm` embedded in the process; `schema` is the form JSON text. */
  | { kind: 'embedded'; formKey: string; schema: string };

export interface UserTaskDefinition {
  /** True for a Camunda user task (`zeebe:userTask`), false for a job-based user task (deprecated in Camunda). */
  camundaUserTask: boolean;
  assignee?: ValueSource;
  /** Comma separated list, or a FEEL expression yielding a list. */
  candidateGroups?: ValueSource;
  candidateUsers?: ValueSource;
  dueDate?: ValueSource;
  followUpDate?: ValueSource;
  /** 0..100, default 50 (Camunda). */
  priority?: ValueSource;
  form?: FormReference;
  headers: Record<string, string>;
}

export interface ScriptDefinition {
  expression: string;
  resultVariable: string;
}

interface FlowNodeBase {
  id: string;
  name?: string;
  /** Id of the enclosing subprocess, or undefined for an element directly in the process. */
  parentId?: string;
  /** Ids of incoming sequence flows. */
  incoming: string[];
  /** Ids of outgoing sequence flows. */
  outgoing: string[];
  ioMapping?: IoMapping;
}

export interface StartEventNode extends FlowNodeBase {
  type: 'bpmn:StartEvent';
  /** A start form for the process (only on the process's none start event). */
  form?: FormReference;
}

export interface EndEventNode extends FlowNodeBase {
  type: 'bpmn:EndEvent';
  /** A terminate end event ends its whole scope. */
  terminate: boolean;
  /** A message end event with a job definition behaves like a service task. */
  job?: JobDefinition;
}

export interface IntermediateThrowEventNode extends FlowNodeBase {
  type: 'bpmn:IntermediateThrowEvent';
  /** A message throw event with a job definition behaves like a service task. */
  job?: JobDefinition;
}

export interface GatewayNode extends FlowNodeBase {
  type: 'bpmn:ExclusiveGateway' | 'bpmn:InclusiveGateway' | 'bpmn:ParallelGateway';
  /** Id of the default flow (exclusive and inclusive gateways). */
  defaultFlow?: string;
}

export interface SubProcessNode extends FlowNodeBase {
  type: 'bpmn:SubProcess';
  /** The none start event the subprocess begins at. */
  startEventId: string;
  /** Ids of the flow nodes directly inside. */
  children: string[];
}

export interface PassThroughTaskNode extends FlowNodeBase {
  type: 'bpmn:Task' | 'bpmn:ManualTask';
}

export interface UserTaskNode extends FlowNodeBase {
  type: 'bpmn:UserTask';
  userTask: UserTaskDefinition;
}

export interface ScriptTaskNode extends FlowNodeBase {
  type: 'bpmn:ScriptTask';
  /** A FEEL script evaluated by the engine, or ... */
  script?: ScriptDefinition;
  /** ... a job for an external script worker. Exactly one of the two is set. */
  job?: JobDefinition;
}

export interface JobTaskNode extends FlowNodeBase {
  type: 'bpmn:ServiceTask' | 'bpmn:SendTask' | 'bpmn:BusinessRuleTask';
  job: JobDefinition;
}

export type FlowNode =
  | StartEventNode
  | EndEventNode
  | IntermediateThrowEventNode
  | GatewayNode
  | SubProcessNode
  | PassThroughTaskNode
  | UserTaskNode
  | ScriptTaskNode
  | JobTaskNode;

export interface SequenceFlow {
  id: string;
  name?: string;
  sourceId: string;
  targetId: string;
  /** FEEL condition (without the leading `=`), on flows leaving exclusive or inclusive gateways. */
  condition?: string;
}

/** One executable process, compiled. */
export interface ExecutableProcess {
  modelVersion: typeof EXECUTABLE_MODEL_VERSION;
  /** The BPMN process id (`processDefinitionId` in the API). */
  id: string;
  name?: string;
  versionTag?: string;
  /** The none start event instances start at. */
  startEventId: string;
  /** Ids of the flow nodes directly in the process. */
  children: string[];
  /** Every flow node, nested ones included, by id. */
  elements: Record<string, FlowNode>;
  flows: Record<string, SequenceFlow>;
  /** Form ids of linked forms the process refers to (start and user tasks). */
  formIds: string[];
}
