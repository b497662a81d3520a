import { readFileSync } from 'node:fs';
import { compileBpmn, type ExecutableProcess } from '#bpmn';
import { FeelService } from '#feel';
import {
  applyEvent,
  InstanceState,
  processCommand,
  type DefinitionInfo,
  type ElementInstanceRecord,
  type EngineCommand,
  type EngineEvent,
  type IncidentRecord,
  type InstanceSnapshot,
  type JobRecord,
  type ProcessingEnvironment,
  type Rejection,
  type TimerRecord,
  type UserTaskRecord,
} from '../../src/index.js';

/** `libs/engine-core/test/fixtures/`. */
export const FIXTURES_DIR = new URL('../fixtures/', import.meta.url);

/** The instant every command of a harness runs at, unless a test moves the clock. */
export const DEFAULT_NOW = '2026-03-02T09:00:00.000Z';

const EMPTY_SNAPSHOT: InstanceSnapshot = { instance: null, elements: [], variables: [], joinTokens: [], userTasks: [], jobs: [], incidents: [], timers: [] };

/** `processes/` at the repository root: the sample processes deployed at start. */
export const SAMPLE_PROCESSES_DIR = new URL('../../../../processes/', import.meta.url);

/**
 * Compiles a model: a fixture file name (relative to `fixtures/`) or a URL. Fails loudly (with
 * every problem) when it does not compile.
 */
export async function loadModel(fixture: string | URL, processId?: string): Promise<ExecutableProcess> {
  const url = typeof fixture === 'string' ? new URL(fixture, FIXTURES_DIR) : fixture;
  const xml = readFileSync(url, 'utf8');
  const result = await compileBpmn(xml, { resourceName: url.pathname.split('/').pop() ?? '' });
  if (!result.ok) throw new Error(`Fixture ${fixture} does not compile:\n${result.problems.map((p) => `- ${p.elementId ?? ''}: ${p.message}`).join('\n')}`);
  const process = processId ? result.processes.find((p) => p.id === processId) : result.processes[0];
  if (!process) throw new Error(`Fixture ${fixture} has no process ${processId ?? ''}`);
  return process;
}

/** Options of a harness. */
export interface CoreHarnessOptions {
  /** Linked form ids that resolve (formId → form key). @default {} */
  formKeys?: Record<string, string>;
  /** The clock. @default DEFAULT_NOW */
  now?: string;
  /** The first key handed out; keys then count up by one. @default 1 */
  firstKey?: number;
  /** How deeply computed variables may be nested. @default DEFAULT_MAX_VARIABLE_DEPTH */
  maxVariableDepth?: number;
}

/** A command outcome as a test sees it: the events of an accepted command, or the rejection. */
export type HarnessResult = { ok: true; events: EngineEvent[] } | { ok: false; rejection: Rejection };

/**
 * Runs one process instance through the pure core the way the engine will: every command gets
 * the snapshot persistence would reload after the previous one (`state.snapshot()`), a fixed
 * clock, keys from a counter and one FeelService. It records every event (with its time) so a
 * test can assert exact sequences, render them compactly, and replay them through the appliers.
 */
export class CoreHarness {
  /** The snapshot the next command starts from. */
  snapshot: InstanceSnapshot = EMPTY_SNAPSHOT;
  /** The state after the last accepted command (finished records still readable). */
  state: InstanceState = InstanceState.empty();
  /** Every event of every accepted command, with the time it was applied at. */
  readonly log: Array<{ event: EngineEvent; time: string }> = [];
  /** Events of the last accepted command. */
  lastEvents: EngineEvent[] = [];
  now: string;
  formKeys: Record<string, string>;
  private nextKey: number;
  private readonly maxVariableDepth: number | undefined;
  /** Element id of every element instance seen (for rendering scopes, jobs and tasks). */
  private readonly elementIds = new Map<string, string>();
  private readonly taskElements = new Map<string, string>();
  private readonly jobElements = new Map<string, string>();
  /** Keys of multi-instance bodies (rendered `task#body`). */
  private readonly bodies = new Set<string>();
  /** How TIMER_CREATED renders its due date: `in 30s` after the command's clock (durations), or the instant (dates). */
  private readonly timerDue = new Map<string, string>();

  private static readonly feel = new FeelService();

  constructor(
    readonly model: ExecutableProcess,
    options: CoreHarnessOptions = {},
  ) {
    this.now = options.now ?? DEFAULT_NOW;
    this.formKeys = { ...(options.formKeys ?? {}) };
    this.nextKey = options.firstKey ?? 1;
    this.maxVariableDepth = options.maxVariableDepth;
  }

  /** A harness on a fixture (`exclusive-gateway.bpmn`) or on a model file given by URL. */
  static async load(fixture: string | URL, options: CoreHarnessOptions & { processId?: string } = {}): Promise<CoreHarness> {
    return new CoreHarness(await loadModel(fixture, options.processId), options);
  }

  get definition(): DefinitionInfo {
    return { processDefinitionKey: '9000', processDefinitionId: this.model.id, version: 1, name: this.model.name ?? null, versionTag: this.model.versionTag ?? null, tenantId: '<default>' };
  }

  get processInstanceKey(): string {
    const key = this.snapshot.instance?.processInstanceKey;
    if (!key) throw new Error('No process instance yet');
    return key;
  }

  // ---- commands ----

  /** Runs a command on the current snapshot; an accepted command moves the instance on. */
  run(command: EngineCommand): HarnessResult {
    let counter = this.nextKey;
    const env: ProcessingEnvironment = {
      model: this.model,
      definition: this.definition,
      now: this.now,
      keys: { next: () => String(counter++) },
      feel: CoreHarness.feel,
      formKeys: { ...this.formKeys },
      ...(this.maxVariableDepth !== undefined ? { maxVariableDepth: this.maxVariableDepth } : {}),
    };
    const result = processCommand(structuredClone(this.snapshot), command, env);
    if (!result.ok) return result;
    this.nextKey = counter;
    this.state = result.state;
    this.snapshot = structuredClone(result.state.snapshot());
    this.lastEvents = result.events;
    for (const event of result.events) {
      this.log.push({ event, time: this.now });
      this.index(event);
    }
    return { ok: true, events: result.events };
  }

  /** Runs a command that must be accepted; returns its events rendered. */
  accept(command: EngineCommand): string[] {
    const result = this.run(command);
    if (!result.ok) throw new Error(`Expected ${command.type} to be accepted but it was rejected: ${result.rejection.code} ${result.rejection.message}`);
    return this.render(result.events);
  }

  /** A message reaches the instance (CORRELATE_MESSAGE, as the engine sends it for a publication). */
  correlate(messageName: string, correlationKey: string, variables: Record<string, unknown> = {}, messageKey = 'msg-1'): string[] {
    return this.accept({ type: 'CORRELATE_MESSAGE', messageKey, messageName, correlationKey, variables });
  }

  /** A broadcast signal reaches the instance (TRIGGER_SIGNAL). */
  signal(signalName: string, variables: Record<string, unknown> = {}, signalKey = 'signal-1'): string[] {
    return this.accept({ type: 'TRIGGER_SIGNAL', signalKey, signalName, variables });
  }

  /** The open subscriptions, as `elementId kind name key`. */
  subscriptions(): string[] {
    return (this.snapshot.subscriptions ?? []).map((s) => `${s.elementId} ${s.kind}${s.name ? ` ${s.name}` : ''}${s.correlationKey !== null ? ` key=${s.correlationKey}` : ''}`);
  }

  /** Runs a command that must be rejected; returns the rejection. */
  reject(command: EngineCommand): Rejection {
    const result = this.run(command);
    if (result.ok) throw new Error(`Expected ${command.type} to be rejected but it was accepted:\n${this.render(result.events).join('\n')}`);
    return result.rejection;
  }

  /** Creates the instance (at its none start event, or at `startElementId`; as a child of `parent`). */
  create(
    variables: Record<string, unknown> = {},
    options: { startElementId?: string; processInstanceKey?: string; parent?: { processInstanceKey: string; elementInstanceKey: string } } = {},
  ): string[] {
    return this.accept({
      type: 'CREATE_PROCESS_INSTANCE',
      variables,
      businessId: null,
      startedBy: 'tester',
      ...(options.startElementId ? { startElementId: options.startElementId } : {}),
      ...(options.processInstanceKey ? { processInstanceKey: options.processInstanceKey } : {}),
      ...(options.parent ? { parentProcessInstanceKey: options.parent.processInstanceKey, parentElementInstanceKey: options.parent.elementInstanceKey } : {}),
    });
  }

  /**
   * The scheduler fires the active timer of a timer event (catch or boundary event id): the clock
   * moves to its due date (never back), then TRIGGER_TIMER.
   */
  triggerTimer(elementId: string): string[] {
    const timer = this.timer(elementId);
    if (Date.parse(timer.dueDate) > Date.parse(this.now)) this.now = timer.dueDate;
    return this.accept({ type: 'TRIGGER_TIMER', timerKey: timer.timerKey });
  }

  /** Moves the clock on by seconds. */
  advance(seconds: number): void {
    this.now = new Date(Date.parse(this.now) + seconds * 1000).toISOString();
  }

  /** The executor reports that the child of the (one active) call activity `elementId` completed with these root variables. */
  completeCallActivity(elementId: string, variables: Record<string, unknown> = {}): string[] {
    const callActivity = this.callActivity(elementId);
    return this.accept({ type: 'COMPLETE_CALL_ACTIVITY', elementInstanceKey: callActivity.elementInstanceKey, childProcessInstanceKey: callActivity.calledProcessInstanceKey!, variables });
  }

  /** The executor reports that the process the call activity asked for is not deployed. */
  calledElementNotFound(elementId: string, message = 'Expected process to be deployed, but not found.'): string[] {
    return this.accept({ type: 'CALLED_ELEMENT_NOT_FOUND', elementInstanceKey: this.callActivity(elementId).elementInstanceKey, message });
  }

  /** The executor throws an error nothing in the child caught at the call activity. */
  throwErrorAt(elementId: string, errorCode: string, variables: Record<string, unknown> = {}, errorMessage: string | null = null): string[] {
    return this.accept({ type: 'THROW_ERROR_AT', elementInstanceKey: this.callActivity(elementId).elementInstanceKey, errorCode, errorMessage, variables });
  }

  /** A worker throws a BPMN error from the element's (activated) job. */
  throwJobError(elementId: string, errorCode: string, variables: Record<string, unknown> = {}, errorMessage: string | null = null): string[] {
    this.activateJob(elementId);
    return this.accept({ type: 'THROW_ERROR', jobKey: this.job(elementId).jobKey, errorCode, errorMessage, variables });
  }

  /** Completes one job by key (for multi-instance activities, whose jobs share an element id). */
  completeJobByKey(jobKey: string, variables: Record<string, unknown> = {}): string[] {
    return this.accept({ type: 'COMPLETE_JOB', jobKey, variables });
  }

  completeJob(elementId: string, variables: Record<string, unknown> = {}): string[] {
    return this.accept({ type: 'COMPLETE_JOB', jobKey: this.job(elementId).jobKey, variables });
  }

  /** Completes the open user task of an element, as its assignee (or `completedBy`, who becomes the assignee of an unassigned task). */
  completeUserTask(elementId: string, variables: Record<string, unknown> = {}, completedBy?: string): string[] {
    const task = this.userTask(elementId);
    return this.accept({ type: 'COMPLETE_USER_TASK', userTaskKey: task.userTaskKey, variables, completedBy: completedBy ?? task.assignee ?? 'tester' });
  }

  resolveIncident(elementId: string): string[] {
    return this.accept({ type: 'RESOLVE_INCIDENT', incidentKey: this.incident(elementId).incidentKey });
  }

  /** SET_VARIABLES on an element instance (by element id), or on the process instance. */
  setVariables(variables: Record<string, unknown>, options: { elementId?: string; local?: boolean } = {}): string[] {
    const elementInstanceKey = options.elementId ? this.element(options.elementId).elementInstanceKey : this.processInstanceKey;
    return this.accept({ type: 'SET_VARIABLES', elementInstanceKey, variables, local: options.local ?? false });
  }

  /**
   * A worker activates the element's job. Activation happens outside the core (a conditional
   * update on the job row, without the instance lock), so it changes the snapshot the next
   * command loads, as the row update does.
   */
  activateJob(elementId: string): void {
    this.activateJobByKey(this.job(elementId).jobKey);
  }

  /** A worker activates a job by key (see activateJob). */
  activateJobByKey(jobKey: string): void {
    const activate = (state: InstanceState) => state.putJob({ ...state.jobs.get(jobKey)!, state: 'ACTIVATED', activatable: false });
    const job = this.snapshot.jobs.find((candidate) => candidate.jobKey === jobKey)!;
    job.state = 'ACTIVATED';
    job.activatable = false;
    activate(this.state);
    this.externals.push({ at: this.log.length, apply: activate });
  }

  /** Changes made outside the core (job activation), with the log position they happened at, for replay. */
  private readonly externals: Array<{ at: number; apply: (state: InstanceState) => void }> = [];

  cancel(): string[] {
    return this.accept({ type: 'CANCEL_PROCESS_INSTANCE' });
  }

  // ---- reading the snapshot (what the next command will see) ----

  /** The one active element instance of an element. */
  element(elementId: string): ElementInstanceRecord {
    return only(this.snapshot.elements.filter((e) => e.elementId === elementId && e.elementType !== 'bpmn:AdHocSubProcessInnerInstance'), `active element instance of '${elementId}'`);
  }

  /** Active element instances of an element (none, one or more). */
  elements(elementId: string): ElementInstanceRecord[] {
    return this.snapshot.elements.filter((e) => e.elementId === elementId);
  }

  /** Element ids of the active element instances, with their lifecycle (`task:ACTIVATED`, `task#body:ACTIVATED`), sorted. */
  activeElements(): string[] {
    return this.snapshot.elements.map((e) => `${e.elementId}${e.elementType === 'bpmn:MultiInstanceBody' ? '#body' : ''}:${e.lifecycle}`).sort();
  }

  job(elementId: string): JobRecord {
    return only(this.snapshot.jobs.filter((j) => j.elementId === elementId), `active job of '${elementId}'`);
  }

  /** Active jobs of an element, by key (a multi-instance activity has one per inner instance). */
  jobs(elementId: string): JobRecord[] {
    return this.snapshot.jobs.filter((j) => j.elementId === elementId).sort((a, b) => Number(a.jobKey) - Number(b.jobKey));
  }

  /** The active timer of a timer event (catch event or boundary event id). */
  timer(elementId: string): TimerRecord {
    return only(this.snapshot.timers.filter((t) => t.elementId === elementId), `active timer of '${elementId}'`);
  }

  /** The active call activity instance of an element (an inner one when it is multi-instance: there must be one). */
  callActivity(elementId: string): ElementInstanceRecord {
    return only(this.snapshot.elements.filter((e) => e.elementId === elementId && e.elementType === 'bpmn:CallActivity'), `active call activity '${elementId}'`);
  }

  /** The child instance requests of the last command, rendered as `{ elementId, processDefinitionId, variables }`. */
  childRequests(): Array<{ elementId: string; processDefinitionId: string; childProcessInstanceKey: string; variables: Record<string, unknown> }> {
    return this.lastEvents.flatMap((event) =>
      event.type === 'CHILD_INSTANCE_REQUESTED'
        ? [{ elementId: event.elementId, processDefinitionId: event.processDefinitionId, childProcessInstanceKey: event.childProcessInstanceKey, variables: event.variables }]
        : [],
    );
  }

  userTask(elementId: string): UserTaskRecord {
    return only(this.snapshot.userTasks.filter((t) => t.elementId === elementId), `open user task of '${elementId}'`);
  }

  incident(elementId: string): IncidentRecord {
    return only(this.snapshot.incidents.filter((i) => i.elementId === elementId), `active incident of '${elementId}'`);
  }

  /** Variables of one scope: the process instance, or the active instance of an element. */
  variables(elementId?: string): Record<string, unknown> {
    const scopeKey = elementId ? this.element(elementId).elementInstanceKey : this.processInstanceKey;
    return this.variablesOf(scopeKey);
  }

  /** Variables of one scope by its key. */
  variablesOf(scopeKey: string): Record<string, unknown> {
    return Object.fromEntries(this.snapshot.variables.filter((v) => v.scopeKey === scopeKey).map((v) => [v.name, v.value]));
  }

  /**
   * Variables of the process scope in the state after the last command: still readable when that
   * command ended the instance (the snapshot then holds none).
   */
  rootVariables(): Record<string, unknown> {
    return Object.fromEntries([...this.state.variablesOf(this.processInstanceKey).values()].map((v) => [v.name, v.value]));
  }

  /** Every variable of the snapshot as `name=value @scope`, sorted. */
  allVariables(): string[] {
    return this.snapshot.variables.map((v) => `${v.name}=${JSON.stringify(v.value)} @${this.scopeName(v.scopeKey)}`).sort();
  }

  /** Join tokens of the snapshot as `flowId×count @scope`. */
  joinTokens(): string[] {
    return this.snapshot.joinTokens.map((t) => `${t.flowId}×${t.count} @${this.scopeName(t.flowScopeKey)}`).sort();
  }

  /** Every recorded event, rendered. */
  history(): string[] {
    return this.render(this.log.map((entry) => entry.event));
  }

  /** Rebuilds the state from every recorded event with the appliers alone. */
  replay(): InstanceState {
    const state = InstanceState.empty();
    const externalsAt = (position: number) => this.externals.filter((e) => e.at === position).forEach((e) => e.apply(state));
    for (const [position, { event, time }] of this.log.entries()) {
      externalsAt(position);
      applyEvent(state, event, time);
    }
    externalsAt(this.log.length);
    return state;
  }

  // ---- rendering ----

  /**
   * One line per event: `ELEMENT_ACTIVATING task`, `SEQUENCE_FLOW_TAKEN f1`, `VARIABLE_CREATED x=1 @process`,
   * `JOB_CREATED task type=charge retries=3`, `INCIDENT_CREATED gateway CONDITION_ERROR`. Scopes are named
   * by their element id (the process by its id).
   */
  render(events: EngineEvent[]): string[] {
    return events.map((event) => this.renderOne(event));
  }

  private renderOne(event: EngineEvent): string {
    switch (event.type) {
      case 'PROCESS_INSTANCE_CREATED':
        return `${event.type} ${event.instance.processDefinitionId}`;
      case 'ELEMENT_ACTIVATING':
        return `${event.type} ${this.elementName(event.elementInstanceKey, event.elementId)}${event.consumedFlowIds ? ` [${event.consumedFlowIds.join(',')}]` : ''}`;
      case 'ELEMENT_ACTIVATED':
      case 'ELEMENT_COMPLETING':
      case 'ELEMENT_COMPLETED':
      case 'ELEMENT_TERMINATING':
      case 'ELEMENT_TERMINATED':
        return `${event.type} ${this.elementName(event.elementInstanceKey, event.elementId)}`;
      case 'SEQUENCE_FLOW_TAKEN':
        return `${event.type} ${event.flowId}${event.atJoin ? ' (at join)' : ''}`;
      case 'JOIN_TOKENS_DISCARDED':
        return `${event.type} @${this.scopeName(event.flowScopeKey)}`;
      case 'COMPLEX_GATEWAY_FIRED':
        return `${event.type} ${event.elementId} [${event.flowIds.join(',')}] awaiting [${event.awaitedFlowIds.join(',')}]`;
      case 'COMPLEX_GATEWAY_TOKEN_ABSORBED':
        return `${event.type} ${event.elementId} ${event.flowId}`;
      case 'COMPLEX_GATEWAY_RESET':
        return `${event.type} ${event.elementId}`;
      case 'VARIABLE_CREATED':
      case 'VARIABLE_UPDATED':
        return `${event.type} ${event.name}=${JSON.stringify(event.value)} @${this.scopeName(event.scopeKey)}`;
      case 'JOB_CREATED':
        return `${event.type} ${event.job.elementId} type=${event.job.type} retries=${event.job.retries}${event.job.listenerEventType ? ` (${event.job.listenerEventType} listener)` : ''}`;
      case 'JOB_COMPLETED':
      case 'JOB_CANCELED':
      case 'JOB_TIMED_OUT':
      case 'JOB_RECURRED':
        return `${event.type} ${this.jobElements.get(event.jobKey) ?? event.jobKey}`;
      case 'JOB_FAILED':
        return `${event.type} ${this.jobElements.get(event.jobKey) ?? event.jobKey} retries=${event.retries}${event.retryAt ? ' (backoff)' : ''}`;
      case 'JOB_RETRIES_UPDATED':
        return `${event.type} ${this.jobElements.get(event.jobKey) ?? event.jobKey} retries=${event.retries}`;
      case 'JOB_ERROR_THROWN':
        return `${event.type} ${this.jobElements.get(event.jobKey) ?? event.jobKey} code=${event.errorCode}`;
      case 'USER_TASK_CREATED':
        return `${event.type} ${event.userTask.elementId}`;
      case 'USER_TASK_ASSIGNED':
        return `${event.type} ${this.taskElements.get(event.userTaskKey) ?? event.userTaskKey} assignee=${event.assignee ?? 'null'}`;
      case 'USER_TASK_UPDATED':
        return `${event.type} ${this.taskElements.get(event.userTaskKey) ?? event.userTaskKey} ${JSON.stringify(event.changes)}`;
      case 'USER_TASK_COMPLETED':
        return `${event.type} ${this.taskElements.get(event.userTaskKey) ?? event.userTaskKey}${event.variableNames.length > 0 ? ` [${event.variableNames.join(',')}]` : ''}`;
      case 'USER_TASK_CANCELED':
      case 'USER_TASK_TRANSITION_ENDED':
        return `${event.type} ${this.taskElements.get(event.userTaskKey) ?? event.userTaskKey}`;
      case 'USER_TASK_TRANSITION_STARTED':
        return `${event.type} ${this.taskElements.get(event.userTaskKey) ?? event.userTaskKey} ${event.transition.eventType}`;
      case 'USER_TASK_LISTENER_COMPLETED':
        return `${event.type} ${this.taskElements.get(event.userTaskKey) ?? event.userTaskKey} next=${event.index} corrections=${JSON.stringify(event.corrections)}`;
      case 'USER_TASK_TRANSITION_DENIED':
        return `${event.type} ${this.taskElements.get(event.userTaskKey) ?? event.userTaskKey} ${event.eventType}${event.deniedReason ? ` (${event.deniedReason})` : ''}`;
      case 'INCIDENT_CREATED':
        return `${event.type} ${event.elementId} ${event.errorType}`;
      case 'INCIDENT_RESOLVED':
        return `${event.type} ${this.scopeName(event.elementInstanceKey)}`;
      case 'MULTI_INSTANCE_UPDATED':
        return `${event.type} ${this.scopeName(event.elementInstanceKey)} instances=${event.counts.numberOfInstances} completed=${event.counts.numberOfCompletedInstances} terminated=${event.counts.numberOfTerminatedInstances}`;
      case 'TIMER_CREATED':
        return `${event.type} ${event.timer.elementId} due ${this.timerDue.get(event.timer.timerKey) ?? event.timer.dueDate}`;
      case 'TIMER_TRIGGERED':
        return `${event.type} ${event.elementId}`;
      case 'TIMER_CANCELED':
        return `${event.type} ${this.timerElements.get(event.timerKey) ?? event.timerKey}`;
      case 'ERROR_CAUGHT':
        return `${event.type} code=${event.errorCode} by ${event.boundaryElementId}`;
      case 'CHILD_INSTANCE_REQUESTED':
        return `${event.type} ${event.elementId} process=${event.processDefinitionId} ${JSON.stringify(event.variables)}`;
      case 'CHILD_INSTANCE_CANCEL_REQUESTED':
        return `${event.type} ${this.scopeName(event.elementInstanceKey)}`;
      case 'CALLED_INSTANCE_COMPLETED':
        return `${event.type} ${JSON.stringify(event.variables)}`;
      case 'ERROR_ESCALATED_TO_PARENT':
        return `${event.type} ${event.elementId} code=${event.errorCode}`;
      case 'ERROR_NOT_CAUGHT':
        return `${event.type} code=${event.errorCode} origin=${event.origin.elementId}`;
      case 'SUBSCRIPTION_OPENED': {
        const { subscription } = event;
        this.subscriptionElements.set(subscription.subscriptionKey, subscription.elementId);
        const what = subscription.kind === 'message' ? ` '${subscription.name}' key=${JSON.stringify(subscription.correlationKey)}` : subscription.kind === 'signal' ? ` '${subscription.name}'` : '';
        return `${event.type} ${subscription.elementId} ${subscription.kind}${what}${subscription.interrupting ? '' : ' (non-interrupting)'}`;
      }
      case 'SUBSCRIPTION_CLOSED':
        return `${event.type} ${this.subscriptionElements.get(event.subscriptionKey) ?? event.subscriptionKey}`;
      case 'CONDITION_EVALUATED':
        return `${event.type} ${this.subscriptionElements.get(event.subscriptionKey) ?? event.subscriptionKey} ${event.conditionMet}`;
      case 'MESSAGE_CORRELATED':
        return `${event.type} ${event.elementId} '${event.messageName}'${event.variableNames.length > 0 ? ` [${event.variableNames.join(',')}]` : ''}`;
      case 'SIGNAL_CAUGHT':
        return `${event.type} ${event.elementId} '${event.signalName}'`;
      case 'CONDITION_TRIGGERED':
        return `${event.type} ${event.elementId}`;
      case 'SIGNAL_THROWN':
        return `${event.type} ${event.elementId} '${event.signalName}' ${JSON.stringify(event.variables)}`;
      case 'ESCALATION_CAUGHT':
        return `${event.type} code=${event.escalationCode} by ${event.catchElementId}${event.interrupting ? '' : ' (non-interrupting)'}`;
      case 'ESCALATION_NOT_CAUGHT':
        return `${event.type} ${event.elementId} code=${event.escalationCode}`;
      case 'ESCALATION_ESCALATED_TO_PARENT':
        return `${event.type} ${event.elementId} code=${event.escalationCode}`;
      case 'COMPENSATION_SUBSCRIBED': {
        const { compensation } = event;
        const scope = this.scopeName(compensation.flowScopeKey);
        return `${event.type} ${this.elementName(compensation.elementInstanceKey, compensation.elementId)} @${scope} ${compensation.kind === 'handler' ? `handler=${compensation.handlerElementId}` : 'container'}`;
      }
      case 'COMPENSATION_TRIGGERED':
        return `${event.type} ${this.elementName(event.elementInstanceKey, event.elementId)}${event.handlerElementId === null ? ' (container)' : ` #${event.ordinal} handler=${event.handlerElementId}`}`;
      case 'COMPENSATION_HANDLER_ACTIVATED':
      case 'COMPENSATION_HANDLER_COMPLETED':
        return `${event.type} #${event.ordinal} ${event.handlerElementId} for ${event.elementId}`;
      case 'TRANSACTION_CANCELED':
        return `${event.type} ${event.elementId} by ${this.scopeName(event.cancelElementInstanceKey)} -> ${event.boundaryElementId}`;
    }
  }

  private scopeName(scopeKey: string): string {
    const elementId = this.elementIds.get(scopeKey);
    return elementId === undefined ? scopeKey : this.elementName(scopeKey, elementId);
  }

  private elementName(elementInstanceKey: string, elementId: string): string {
    return this.bodies.has(elementInstanceKey) ? `${elementId}#body` : this.adHocInners.has(elementInstanceKey) ? `${elementId}#inner` : elementId;
  }

  /** Inner instances of ad-hoc subprocesses, rendered `<id>#inner`. */
  private readonly adHocInners = new Set<string>();
  private readonly timerElements = new Map<string, string>();
  private readonly subscriptionElements = new Map<string, string>();

  private index(event: EngineEvent): void {
    if (event.type === 'ELEMENT_ACTIVATING') this.elementIds.set(event.elementInstanceKey, event.elementId);
    if (event.type === 'ELEMENT_ACTIVATING' && event.elementType === 'bpmn:MultiInstanceBody') this.bodies.add(event.elementInstanceKey);
    if (event.type === 'ELEMENT_ACTIVATING' && event.elementType === 'bpmn:AdHocSubProcessInnerInstance') this.adHocInners.add(event.elementInstanceKey);
    if (event.type === 'TIMER_CREATED') {
      this.timerElements.set(event.timer.timerKey, event.timer.elementId);
      const node = this.model.elements[event.timer.elementId];
      const trigger = node && 'trigger' in node ? node.trigger : undefined;
      const kind = trigger?.kind === 'timer' ? trigger.timer.kind : undefined;
      const seconds = (Date.parse(event.timer.dueDate) - Date.parse(this.now)) / 1000;
      this.timerDue.set(event.timer.timerKey, kind === 'date' ? event.timer.dueDate : `in ${seconds}s`);
    }
    if (event.type === 'USER_TASK_CREATED') this.taskElements.set(event.userTask.userTaskKey, event.userTask.elementId);
    if (event.type === 'JOB_CREATED') this.jobElements.set(event.job.jobKey, event.job.elementId);
  }
}

/** The four lifecycle events of an element that completes at once (`...passes('task')` in an expected sequence). */
export function passes(elementId: string): string[] {
  return [`ELEMENT_ACTIVATING ${elementId}`, `ELEMENT_ACTIVATED ${elementId}`, `ELEMENT_COMPLETING ${elementId}`, `ELEMENT_COMPLETED ${elementId}`];
}

/** ELEMENT_ACTIVATING + ELEMENT_ACTIVATED: an element that starts to wait (or a scope that starts). */
export function activates(elementId: string): string[] {
  return [`ELEMENT_ACTIVATING ${elementId}`, `ELEMENT_ACTIVATED ${elementId}`];
}

/** ELEMENT_COMPLETING + ELEMENT_COMPLETED. */
export function completes(elementId: string): string[] {
  return [`ELEMENT_COMPLETING ${elementId}`, `ELEMENT_COMPLETED ${elementId}`];
}

/** ELEMENT_TERMINATING + ELEMENT_TERMINATED (an element with nothing to cancel). */
export function terminates(elementId: string): string[] {
  return [`ELEMENT_TERMINATING ${elementId}`, `ELEMENT_TERMINATED ${elementId}`];
}

function only<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`Expected exactly one ${what} but found ${items.length}`);
  return items[0]!;
}

/** A small seeded pseudo-random generator (mulberry32), so "random order" tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of `items` shuffled with `random` (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
