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
export const EXECUTABLE_MODEL_VERSION = 3;

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
  'bpmn:IntermediateCatchEvent',
  'bpmn:BoundaryEvent',
  'bpmn:CallActivity',
  'bpmn:ReceiveTask',
  'bpmn:EventBasedGateway',
  'bpmn:ComplexGateway',
  'bpmn:AdHocSubProcess',
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
  /** `zeebe:taskListeners`, in model order (absent when none): see docs/listeners.md. */
  taskListeners?: TaskListenerDefinition[];
  /**
   * The variables the portal shows on this task as its business context: the task's own
   * `zeebe:property name="taskVariables"` (comma separated names), overriding the process's
   * (absent when neither sets one: every variable the task sees). See docs/portal.md.
   */
  taskVariables?: string[];
}

/** The events an execution listener may run at (`zeebe:executionListener eventType`). */
export type ExecutionListenerEventType = 'start' | 'end';

/** The user task transitions a task listener may run at (`zeebe:taskListener eventType`, Camunda 8.8 names). */
export const TASK_LISTENER_EVENT_TYPES = ['creating', 'assigning', 'updating', 'completing', 'canceling'] as const;
export type TaskListenerEventType = (typeof TASK_LISTENER_EVENT_TYPES)[number];

/**
 * A listener: a job (type and retries static or FEEL, evaluated when the job is created) that
 * the element, or the user task transition, waits for. `headers` are the listener's own
 * `zeebe:taskHeaders`.
 */
export interface ListenerDefinition<E extends string> {
  eventType: E;
  type: ValueSource;
  /** @default "3" */
  retries: ValueSource;
  headers: Record<string, string>;
}

export type ExecutionListenerDefinition = ListenerDefinition<ExecutionListenerEventType>;
export type TaskListenerDefinition = ListenerDefinition<TaskListenerEventType>;

export interface ScriptDefinition {
  expression: string;
  resultVariable: string;
}

/**
 * When a timer is due: `duration` counts from the moment the timer is created, `date` is an
 * instant, `cycle` repeats (an ISO 8601 repeating interval `R[n]/[start/]duration`, or a
 * six-field cron expression). Camunda 8: intermediate timer catch events and interrupting timer
 * boundary events have a duration or a date; a cycle is for timer start events (of the process
 * or of an event subprocess) and non-interrupting timer boundary events.
 */
export interface TimerDefinition {
  kind: 'duration' | 'date' | 'cycle';
  /** The ISO 8601 / cron text, or a FEEL expression yielding it. */
  value: ValueSource;
}

/** What a message catch event waits for (`bpmn:message` + `zeebe:subscription`). */
export interface MessageTrigger {
  kind: 'message';
  /** The message name, static or FEEL (evaluated when the subscription opens). */
  messageName: ValueSource;
  /**
   * The correlation key (`zeebe:subscription correlationKey`), evaluated when the subscription
   * opens. Always FEEL in a compiled model: like Camunda, the rules refuse a static key. Absent
   * only on message start events of a process.
   */
  correlationKey?: ValueSource;
}

/** A catch event's trigger: what it waits for, or what it catches. */
export type EventTrigger =
  | { kind: 'timer'; timer: TimerDefinition }
  | MessageTrigger
  /** A signal with this name (static or FEEL, evaluated when the subscription opens). */
  | { kind: 'signal'; signalName: ValueSource }
  /** An error thrown inside its scope: one code, or every error (`errorCode` undefined: catch-all). */
  | { kind: 'error'; errorCode?: string }
  /** An escalation thrown inside its scope: one code, or every escalation (catch-all). */
  | { kind: 'escalation'; escalationCode?: string }
  /**
   * A condition (FEEL, without `=`) that fires when it turns true, evaluated when variables of
   * its scope change (Camunda 8.9: `zeebe:conditionalFilter` may name the variables and the
   * kinds of change that re-evaluate it).
   */
  | { kind: 'conditional'; condition: string; variableNames?: string[]; variableEvents?: Array<'create' | 'update'> }
  /** A link catch event: its link throw events with the same name (in the same scope) continue here. */
  | { kind: 'link'; linkName: string }
  /**
   * A compensation boundary event (its activity's handler is `FlowNodeBase.compensationHandlerId`)
   * or the compensation start event of a compensation event subprocess: never waited for, the
   * compensation throw events reach them (see docs/engine.md, "Compensation").
   */
  | { kind: 'compensation' }
  /** The cancel boundary event of a transaction subprocess: taken after a cancel end event inside it compensated the transaction. */
  | { kind: 'cancel' };

/** What a throw event throws (intermediate throw and end events). */
export type ThrowDefinition =
  /** An escalation: its code, static or FEEL. */
  | { kind: 'escalation'; escalationCode: ValueSource }
  /** A signal broadcast: its name, static or FEEL. */
  | { kind: 'signal'; signalName: ValueSource };

/**
 * `bpmn:multiInstanceLoopCharacteristics` with `zeebe:loopCharacteristics`: the activity runs once
 * per element of the input collection, inside a multi-instance body (Zeebe's model).
 */
export interface MultiInstanceDefinition {
  /** One inner instance at a time (`isSequential="true"`), or all at once. */
  sequential: boolean;
  /** FEEL (without `=`) yielding the list to iterate over; evaluated in the body's flow scope. */
  inputCollection: string;
  /** Local variable of each inner instance holding its element of the collection. */
  inputElement?: string;
  /** Variable collecting `outputElement` of every inner instance, in collection order. */
  outputCollection?: string;
  /** FEEL (without `=`) evaluated in an inner instance's scope when it completes. */
  outputElement?: string;
  /** FEEL (without `=`): when true after an inner instance completed, the others are terminated and the body completes. */
  completionCondition?: string;
}

/**
 * `bpmn:standardLoopCharacteristics` (BPMN 2.0.2 §10.3.8; Camunda 8 has no standard loop): the
 * activity runs again and again inside a loop body, one iteration at a time, as long as
 * `loopCondition` holds and at most `loopMaximum` times.
 */
export interface StandardLoopDefinition {
  /**
   * FEEL (without `=`), evaluated in the body's scope: the loop goes on while it is true. It sees
   * the body's variables and `loopCounter`, the number of iterations completed so far. Absent:
   * only `loopMaximum` ends the loop.
   */
  loopCondition?: string;
  /** Evaluate the condition before each iteration (a while loop: may run zero times), else after it (do-while). @default false */
  testBefore: boolean;
  /** At most this many iterations (0: none). Absent: no maximum. */
  loopMaximum?: number;
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
  /** Ids of the boundary events attached to this activity, in document order (absent when none). */
  boundaryEventIds?: string[];
  /** Present on a multi-instance activity. */
  multiInstance?: MultiInstanceDefinition;
  /**
   * An activity with a compensation boundary event: the id of the handler activity associated
   * with it (`isForCompensation`), which undoes a completed instance of this activity.
   */
  compensationHandlerId?: string;
  /** A compensation handler (`isForCompensation="true"`): started only by compensation, never by a flow. */
  isForCompensation?: true;
  /** Present on an activity with a standard loop. */
  standardLoop?: StandardLoopDefinition;
  /** `zeebe:executionListeners`, in model order (absent when none): see docs/listeners.md. */
  executionListeners?: ExecutionListenerDefinition[];
}

/**
 * A compensation intermediate throw or end event: compensates the completed activity `activityRef`
 * of its scope, or (without it) every completed activity of its scope, and waits for the handlers
 * (Camunda 8 always waits: `waitForCompletion` must not be false).
 */
export interface CompensationThrowDefinition {
  activityRef?: string;
}

export interface StartEventNode extends FlowNodeBase {
  type: 'bpmn:StartEvent';
  /** A start form for the process (only on the process's none start event). */
  form?: FormReference;
  /** A message start event (directly in the process): the name of the message that starts an instance here. */
  messageName?: string;
  /**
   * What starts it; absent for a none start event. Directly in the process: timer, message or
   * signal. In an event subprocess: timer, message, signal, error, escalation or conditional.
   */
  trigger?: EventTrigger;
  /** For the start event of an event subprocess: does it interrupt its scope? (`isInterrupting`) @default true */
  interrupting?: boolean;
}

/** What an error end event throws. */
export interface ErrorThrowDefinition {
  /** The error code, static or FEEL (Camunda 8 allows an expression on throw events). */
  errorCode: ValueSource;
}

/** What an error boundary event catches: one error code, or every error (catch-all). */
export interface ErrorCatchDefinition {
  /** Undefined for a catch-all event (no error reference, or an error without code). */
  errorCode?: string;
}

export interface EndEventNode extends FlowNodeBase {
  type: 'bpmn:EndEvent';
  /** A terminate end event ends its whole scope. */
  terminate: boolean;
  /** A message end event with a job definition behaves like a service task. */
  job?: JobDefinition;
  /** An error end event throws this error in its scope. */
  error?: ErrorThrowDefinition;
  /** An escalation or signal end event throws this. */
  throws?: ThrowDefinition;
  /** A compensation end event: compensates, waits for the handlers, then ends. */
  compensate?: CompensationThrowDefinition;
  /** A cancel end event (inside a transaction): compensates the transaction, then takes its cancel boundary event. */
  cancel?: true;
}

/**
 * An intermediate catch event: waits for its trigger (timer, message, signal, condition), or is
 * the target of link throw events (link). Its variables come from the trigger (a message's).
 */
export interface IntermediateCatchEventNode extends FlowNodeBase {
  type: 'bpmn:IntermediateCatchEvent';
  trigger: Extract<EventTrigger, { kind: 'timer' | 'message' | 'signal' | 'conditional' | 'link' }>;
}

/** A receive task: waits for its message, like an intermediate message catch event (but may have boundary events and multi-instance). */
export interface ReceiveTaskNode extends FlowNodeBase {
  type: 'bpmn:ReceiveTask';
  trigger: MessageTrigger;
}

/**
 * An event-based gateway: waits for the first of the intermediate catch events (message, timer,
 * signal, conditional) its flows lead to; that one continues, the others' subscriptions and timers
 * are closed. (Receive tasks after it are refused at deployment, as Camunda 8 does.)
 */
export interface EventBasedGatewayNode extends FlowNodeBase {
  type: 'bpmn:EventBasedGateway';
}

/**
 * A boundary event. Timer, message, signal and conditional boundary events subscribe when their
 * activity activates and close with it; error and escalation boundary events catch what is thrown
 * inside it. Interrupting ones terminate the activity and continue the flow; non-interrupting ones
 * continue the flow beside the activity (a timer cycle fires again until its repetitions end).
 */
export interface BoundaryEventNode extends FlowNodeBase {
  type: 'bpmn:BoundaryEvent';
  /** Id of the activity the event is attached to (in the same scope). */
  attachedToId: string;
  /** `cancelActivity`. @default true */
  interrupting: boolean;
  trigger: Extract<EventTrigger, { kind: 'timer' | 'message' | 'signal' | 'error' | 'escalation' | 'conditional' | 'compensation' | 'cancel' }>;
}

/** `zeebe:calledElement`: which process a call activity starts and how variables cross. */
export interface CalledElementDefinition {
  /** The BPMN process id of the called process, static or FEEL. */
  processId: ValueSource;
  /** Which version: the latest, the one deployed with the caller, or the latest with a version tag. @default 'latest' */
  bindingType: 'latest' | 'deployment' | 'versionTag';
  versionTag?: string;
  /** Copy every variable visible at the call activity into the child (else only its input mappings). @default true */
  propagateAllParentVariables: boolean;
  /** Copy every root variable of the completed child back (else only what output mappings take). @default true */
  propagateAllChildVariables: boolean;
}

export interface CallActivityNode extends FlowNodeBase {
  type: 'bpmn:CallActivity';
  calledElement: CalledElementDefinition;
}

export interface IntermediateThrowEventNode extends FlowNodeBase {
  type: 'bpmn:IntermediateThrowEvent';
  /** A message throw event with a job definition behaves like a service task. */
  job?: JobDefinition;
  /** An escalation or signal throw event throws this, then continues. */
  throws?: ThrowDefinition;
  /** A link throw event: the id of the link catch event (same name, same scope) the flow continues at. */
  linkTargetId?: string;
  /** A compensation throw event: compensates, waits for the handlers, then continues. */
  compensate?: CompensationThrowDefinition;
}

export interface GatewayNode extends FlowNodeBase {
  type: 'bpmn:ExclusiveGateway' | 'bpmn:InclusiveGateway' | 'bpmn:ParallelGateway';
  /** Id of the default flow (exclusive and inclusive gateways). */
  defaultFlow?: string;
}

/**
 * A complex gateway (BPMN 2.0.2 §13.3.6; Camunda 8 does not execute it). As a join, each arriving
 * token is checked against `activationCondition`: when it holds the gateway fires once, and the
 * tokens of the flows that had not delivered yet are absorbed when they arrive, until every
 * incoming flow has delivered (reset). Without a condition it waits for every incoming flow. As a
 * fork it takes every outgoing flow whose condition is true, like an inclusive gateway.
 */
export interface ComplexGatewayNode extends FlowNodeBase {
  type: 'bpmn:ComplexGateway';
  /** Id of the default flow. */
  defaultFlow?: string;
  /** FEEL (without `=`), evaluated each time a token arrives while the gateway waits for its start. */
  activationCondition?: string;
}

/**
 * An ad-hoc subprocess (Camunda 8.8): its inner elements without incoming
 * flows are activated by `activeElementsCollection` when it starts, or later on request
 * (`POST /v2/element-instances/ad-hoc-activities/{key}/activation`), each in an inner instance of
 * its own; it completes per `completionCondition`, or once nothing is active inside.
 */
export interface AdHocSubProcessNode extends FlowNodeBase {
  type: 'bpmn:AdHocSubProcess';
  /** Ids of the flow nodes directly inside. */
  children: string[];
  /** Ids of the inner elements that may be activated: activities and events without incoming flows (boundary events excluded). */
  activatableElementIds: string[];
  /** FEEL (without `=`) yielding the list of element ids to activate when the subprocess starts. */
  activeElementsCollection?: string;
  /** FEEL (without `=`) evaluated each time an inner instance completes. */
  completionCondition?: string;
  /** Terminate the other inner instances once the completion condition holds. @default true */
  cancelRemainingInstances: boolean;
  /** Local variable of the subprocess collecting `outputElement` of each completed inner instance (propagated when it completes). */
  outputCollection?: string;
  /** FEEL (without `=`) evaluated in a completed inner instance's scope. */
  outputElement?: string;
  /**
   * The job worker implementation (`zeebe:taskDefinition` on the subprocess, Camunda 8.8's agentic
   * orchestration): a job decides which elements to activate and when the subprocess completes.
   */
  job?: JobDefinition;
}

export interface SubProcessNode extends FlowNodeBase {
  type: 'bpmn:SubProcess';
  /** The none start event the subprocess begins at; for an event subprocess, its (only) start event. */
  startEventId: string;
  /** Ids of the flow nodes directly inside (its event subprocesses included). */
  children: string[];
  /** An event subprocess (`triggeredByEvent`): started by its start event's trigger, never by a flow. */
  triggeredByEvent?: boolean;
  /** Ids of the event subprocesses directly inside this subprocess (absent when none). */
  eventSubProcessIds?: string[];
  /**
   * The compensation event subprocess directly inside this subprocess (BPMN 2.0.2): it replaces
   * the default compensation of the subprocess's completed inner activities. Not listed in
   * `eventSubProcessIds`, since nothing inside the running subprocess starts it.
   */
  compensationEventSubProcessId?: string;
  /** An event subprocess started by compensation (its start event is a compensation start event). */
  compensationEventSubProcess?: true;
  /**
   * A transaction subprocess (`bpmn:transaction`): runs like an embedded subprocess; a cancel end
   * event inside compensates it, terminates it and takes the cancel boundary event `cancelBoundaryId`.
   */
  transaction?: true;
  cancelBoundaryId?: string;
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
  | JobTaskNode
  | IntermediateCatchEventNode
  | BoundaryEventNode
  | CallActivityNode
  | ReceiveTaskNode
  | EventBasedGatewayNode
  | ComplexGatewayNode
  | AdHocSubProcessNode;

export interface SequenceFlow {
  id: string;
  name?: string;
  sourceId: string;
  targetId: string;
  /** FEEL condition (without the leading `=`), on flows leaving exclusive or inclusive gateways. */
  condition?: string;
}

/** A message start event of a process: a message with this name starts an instance at the event. */
export interface MessageStartEvent {
  elementId: string;
  /** Static (Camunda requires a static message name on start events) and unique within the process. */
  messageName: string;
}

/** A timer start event of a process: its schedule belongs to the latest version of the process. */
export interface TimerStartEvent {
  elementId: string;
  /**
   * A date or a cycle (never a duration). Static, or FEEL that Camunda evaluates when the process is
   * deployed, without variables (e.g. `now() + duration("PT1H")`); the rules refuse FEEL that needs
   * variables or does not yield a date or cycle.
   */
  timer: TimerDefinition;
}

/** A signal start event of a process: a broadcast of this signal starts an instance here. */
export interface SignalStartEvent {
  elementId: string;
  /** Static, as on message start events. */
  signalName: string;
}

/** One executable process, compiled. */
export interface ExecutableProcess {
  modelVersion: typeof EXECUTABLE_MODEL_VERSION;
  /** The BPMN process id (`processDefinitionId` in the API). */
  id: string;
  name?: string;
  versionTag?: string;
  /**
   * The none start event instances start at; absent for a process that only message start events
   * start (it can not be started by a create command).
   */
  startEventId?: string;
  /** The message start events directly in the process (absent when none): the message publication starts instances there. */
  messageStartEvents?: MessageStartEvent[];
  /** The timer start events directly in the process (absent when none). */
  timerStartEvents?: TimerStartEvent[];
  /** The signal start events directly in the process (absent when none). */
  signalStartEvents?: SignalStartEvent[];
  /** Ids of the event subprocesses directly in the process (absent when none). */
  eventSubProcessIds?: string[];
  /** Ids of the flow nodes directly in the process. */
  children: string[];
  /** Every flow node, nested ones included, by id. */
  elements: Record<string, FlowNode>;
  flows: Record<string, SequenceFlow>;
  /** Form ids of linked forms the process refers to (start and user tasks). */
  formIds: string[];
  /** The process's own `zeebe:executionListeners` (absent when none). */
  executionListeners?: ExecutionListenerDefinition[];
  /** The process's `zeebe:property name="taskVariables"`: the default of every user task's `taskVariables` (absent when not set). */
  taskVariables?: string[];
}
