import {
  externalState,
  type CompensationRecord,
  type ElementInstanceRecord,
  type IncidentRecord,
  type JobRecord,
  type ProcessInstanceRecord,
  type SubscriptionRecord,
  type TimerRecord,
  type UserTaskRecord,
  type VariableRecord,
} from './records.js';

/** Everything persistence loads for one instance: the active part of its state. */
export interface InstanceSnapshot {
  instance: ProcessInstanceRecord | null;
  /** Element instances that are not completed or terminated. */
  elements: ElementInstanceRecord[];
  /** Variables of the active scopes (the process and active element instances). */
  variables: VariableRecord[];
  /** Tokens waiting at joins: per flow scope and incoming flow. */
  joinTokens: Array<{ flowScopeKey: string; flowId: string; count: number }>;
  userTasks: UserTaskRecord[];
  jobs: JobRecord[];
  incidents: IncidentRecord[];
  /** Timers that are ACTIVE (scheduled, neither triggered nor canceled). */
  timers: TimerRecord[];
  /** Subscriptions that are OPEN (messages, signals, conditions). Absent in snapshots written before events existed. */
  subscriptions?: SubscriptionRecord[];
  /** Compensation records not compensated yet (READY, TRIGGERED, COMPENSATING). Absent in snapshots written before compensation existed. */
  compensations?: CompensationRecord[];
}

/** Records changed since the state was loaded; persistence writes exactly these. */
export interface StateChanges {
  instance: ProcessInstanceRecord | null;
  elements: ElementInstanceRecord[];
  variables: VariableRecord[];
  /** Scopes whose join tokens changed, with their tokens now (an empty list: none left). */
  joinTokens: Array<{ flowScopeKey: string; tokens: Array<{ flowId: string; count: number }> }>;
  userTasks: UserTaskRecord[];
  jobs: JobRecord[];
  incidents: IncidentRecord[];
  timers: TimerRecord[];
  subscriptions: SubscriptionRecord[];
  compensations: CompensationRecord[];
}

/**
 * The runtime state of one process instance, changed only by event appliers. It tracks what
 * changed so persistence can write just that. Finished records stay readable until the end
 * of the command (so appliers and tests can see them) and are written with their final state.
 */
export class InstanceState {
  instance: ProcessInstanceRecord | null;
  readonly elements = new Map<string, ElementInstanceRecord>();
  /** Active children per flow scope key. */
  private readonly activeChildren = new Map<string, Set<string>>();
  private readonly variablesByScope = new Map<string, Map<string, VariableRecord>>();
  private readonly tokens = new Map<string, Map<string, number>>();
  readonly userTasks = new Map<string, UserTaskRecord>();
  readonly jobs = new Map<string, JobRecord>();
  readonly incidents = new Map<string, IncidentRecord>();
  readonly timers = new Map<string, TimerRecord>();
  readonly subscriptions = new Map<string, SubscriptionRecord>();
  readonly compensations = new Map<string, CompensationRecord>();

  private instanceDirty = false;
  private readonly dirtyElements = new Set<string>();
  private readonly dirtyVariables = new Map<string, VariableRecord>();
  private readonly dirtyTokenScopes = new Set<string>();
  private readonly dirtyUserTasks = new Set<string>();
  private readonly dirtyJobs = new Set<string>();
  private readonly dirtyIncidents = new Set<string>();
  private readonly dirtyTimers = new Set<string>();
  private readonly dirtySubscriptions = new Set<string>();
  private readonly dirtyCompensations = new Set<string>();

  constructor(snapshot: InstanceSnapshot) {
    this.instance = snapshot.instance ? { ...snapshot.instance } : null;
    for (const element of snapshot.elements) this.indexElement({ ...element });
    for (const variable of snapshot.variables) this.scopeVariables(variable.scopeKey).set(variable.name, { ...variable });
    for (const token of snapshot.joinTokens) this.scopeTokens(token.flowScopeKey).set(token.flowId, token.count);
    for (const task of snapshot.userTasks) {
      this.userTasks.set(task.userTaskKey, {
        ...task,
        candidateGroups: [...task.candidateGroups],
        candidateUsers: [...task.candidateUsers],
        ...(task.transition ? { transition: structuredClone(task.transition) } : {}),
        ...(task.denial ? { denial: { ...task.denial } } : {}),
      });
    }
    for (const job of snapshot.jobs) this.jobs.set(job.jobKey, { ...job });
    for (const incident of snapshot.incidents) this.incidents.set(incident.incidentKey, { ...incident });
    for (const timer of snapshot.timers) this.timers.set(timer.timerKey, { ...timer, ...(timer.cycle ? { cycle: { ...timer.cycle } } : {}) });
    for (const subscription of snapshot.subscriptions ?? []) this.subscriptions.set(subscription.subscriptionKey, { ...subscription });
    for (const compensation of snapshot.compensations ?? []) this.compensations.set(compensation.compensationKey, cloneCompensation(compensation));
  }

  static empty(): InstanceState {
    return new InstanceState({ instance: null, elements: [], variables: [], joinTokens: [], userTasks: [], jobs: [], incidents: [], timers: [], subscriptions: [], compensations: [] });
  }

  // ---- reading ----

  element(key: string): ElementInstanceRecord | undefined {
    return this.elements.get(key);
  }

  /** Active (not completed, not terminated) element instances directly inside a scope. */
  childrenOf(flowScopeKey: string): ElementInstanceRecord[] {
    return [...(this.activeChildren.get(flowScopeKey) ?? [])].map((key) => this.elements.get(key)!);
  }

  variablesOf(scopeKey: string): ReadonlyMap<string, VariableRecord> {
    return this.variablesByScope.get(scopeKey) ?? new Map();
  }

  /** Tokens waiting at joins in a scope, by incoming flow id (without the complex gateways' reset marks). */
  tokensIn(flowScopeKey: string): ReadonlyMap<string, number> {
    const flows = this.tokens.get(flowScopeKey);
    if (!flows) return new Map();
    if (![...flows.keys()].some(isResetMark)) return flows;
    return new Map([...flows].filter(([flowId]) => !isResetMark(flowId)));
  }

  /** Scopes that have tokens waiting at joins. */
  scopesWithTokens(): string[] {
    return [...this.tokens.entries()].filter(([, flows]) => [...flows.keys()].some((flowId) => !isResetMark(flowId))).map(([scope]) => scope);
  }

  /** The incoming flows of complex gateways in a scope that delivered a token since their gateway fired (its waiting-for-reset state). */
  resetMarksIn(flowScopeKey: string): ReadonlySet<string> {
    const flows = this.tokens.get(flowScopeKey);
    return new Set([...(flows?.keys() ?? [])].filter(isResetMark).map((mark) => mark.slice(COMPLEX_RESET_MARK.length)));
  }

  /** True when a scope has join tokens or reset marks (what JOIN_TOKENS_DISCARDED removes). */
  hasJoinState(flowScopeKey: string): boolean {
    return (this.tokens.get(flowScopeKey)?.size ?? 0) > 0;
  }

  userTaskOf(elementInstanceKey: string): UserTaskRecord | undefined {
    return [...this.userTasks.values()].find((t) => t.elementInstanceKey === elementInstanceKey && isUserTaskOpen(t));
  }

  jobOf(elementInstanceKey: string): JobRecord | undefined {
    return [...this.jobs.values()].find((j) => j.elementInstanceKey === elementInstanceKey && isJobActive(j));
  }

  activeIncidentsOf(elementInstanceKey: string): IncidentRecord[] {
    return [...this.incidents.values()].filter((i) => i.elementInstanceKey === elementInstanceKey && i.state === 'ACTIVE');
  }

  /** Active timers an element instance owns (its timer catch event's, or its boundary events'). */
  activeTimersOf(elementInstanceKey: string): TimerRecord[] {
    return [...this.timers.values()].filter((t) => t.elementInstanceKey === elementInstanceKey && t.state === 'ACTIVE');
  }

  /** Open subscriptions an element instance owns, oldest first. */
  openSubscriptionsOf(elementInstanceKey: string): SubscriptionRecord[] {
    return this.openSubscriptions().filter((s) => s.elementInstanceKey === elementInstanceKey);
  }

  /** Every open subscription of the instance, oldest first (keys grow). */
  openSubscriptions(): SubscriptionRecord[] {
    return [...this.subscriptions.values()].filter((s) => s.state === 'OPEN').sort((a, b) => compareKeys(a.subscriptionKey, b.subscriptionKey));
  }

  /** Compensation records in a given state (all when none is given), oldest completion first. */
  compensationRecords(...states: CompensationRecord['state'][]): CompensationRecord[] {
    return [...this.compensations.values()].filter((c) => states.length === 0 || states.includes(c.state)).sort((a, b) => compareKeys(a.compensationKey, b.compensationKey));
  }

  // ---- writing (appliers only) ----

  setInstance(instance: ProcessInstanceRecord): void {
    this.instance = instance;
    this.instanceDirty = true;
  }

  updateInstance(change: Partial<ProcessInstanceRecord>): void {
    if (!this.instance) throw new Error('No process instance to update');
    Object.assign(this.instance, change);
    this.instanceDirty = true;
  }

  addElement(element: ElementInstanceRecord): void {
    this.indexElement(element);
    this.dirtyElements.add(element.elementInstanceKey);
  }

  updateElement(key: string, change: Partial<ElementInstanceRecord>): ElementInstanceRecord {
    const element = this.elements.get(key);
    if (!element) throw new Error(`No element instance ${key}`);
    Object.assign(element, change);
    if (externalState(element.lifecycle) !== 'ACTIVE' && element.flowScopeKey) {
      this.activeChildren.get(element.flowScopeKey)?.delete(key);
    }
    this.dirtyElements.add(key);
    return element;
  }

  putVariable(variable: VariableRecord): void {
    this.scopeVariables(variable.scopeKey).set(variable.name, variable);
    this.dirtyVariables.set(variable.variableKey, variable);
  }

  addToken(flowScopeKey: string, flowId: string): void {
    const flows = this.scopeTokens(flowScopeKey);
    flows.set(flowId, (flows.get(flowId) ?? 0) + 1);
    this.dirtyTokenScopes.add(flowScopeKey);
  }

  consumeToken(flowScopeKey: string, flowId: string): void {
    const flows = this.scopeTokens(flowScopeKey);
    const count = (flows.get(flowId) ?? 0) - 1;
    if (count < 0) throw new Error(`No token on flow ${flowId} in scope ${flowScopeKey}`);
    if (count === 0) flows.delete(flowId);
    else flows.set(flowId, count);
    // A scope without tokens is dropped, as it is from a reloaded snapshot: the live state and
    // the reloaded one then list the scopes in the same order.
    if (flows.size === 0) this.tokens.delete(flowScopeKey);
    this.dirtyTokenScopes.add(flowScopeKey);
  }

  /** Records that `flowId` delivered its token to a complex gateway that already fired. */
  markDelivered(flowScopeKey: string, flowId: string): void {
    this.scopeTokens(flowScopeKey).set(COMPLEX_RESET_MARK + flowId, 1);
    this.dirtyTokenScopes.add(flowScopeKey);
  }

  /** A complex gateway reset: its flows' marks are removed. */
  clearResetMarks(flowScopeKey: string, flowIds: readonly string[]): void {
    const flows = this.scopeTokens(flowScopeKey);
    for (const flowId of flowIds) flows.delete(COMPLEX_RESET_MARK + flowId);
    if (flows.size === 0) this.tokens.delete(flowScopeKey);
    this.dirtyTokenScopes.add(flowScopeKey);
  }

  discardTokens(flowScopeKey: string): void {
    this.tokens.delete(flowScopeKey);
    this.dirtyTokenScopes.add(flowScopeKey);
  }

  putUserTask(task: UserTaskRecord): void {
    this.userTasks.set(task.userTaskKey, task);
    this.dirtyUserTasks.add(task.userTaskKey);
  }

  putJob(job: JobRecord): void {
    this.jobs.set(job.jobKey, job);
    this.dirtyJobs.add(job.jobKey);
  }

  putIncident(incident: IncidentRecord): void {
    this.incidents.set(incident.incidentKey, incident);
    this.dirtyIncidents.add(incident.incidentKey);
  }

  putTimer(timer: TimerRecord): void {
    this.timers.set(timer.timerKey, timer);
    this.dirtyTimers.add(timer.timerKey);
  }

  putSubscription(subscription: SubscriptionRecord): void {
    this.subscriptions.set(subscription.subscriptionKey, subscription);
    this.dirtySubscriptions.add(subscription.subscriptionKey);
  }

  putCompensation(compensation: CompensationRecord): void {
    this.compensations.set(compensation.compensationKey, compensation);
    this.dirtyCompensations.add(compensation.compensationKey);
  }

  /** The active part of this state, as persistence would load it again (for the next command). */
  snapshot(): InstanceSnapshot {
    const elements = [...this.elements.values()].filter((e) => externalState(e.lifecycle) === 'ACTIVE');
    const activeScopes = new Set(elements.map((e) => e.elementInstanceKey));
    const snapshot: InstanceSnapshot = {
      instance: this.instance ? { ...this.instance } : null,
      elements: elements.map((e) => ({ ...e })),
      variables: [...this.variablesByScope.entries()].filter(([scope]) => activeScopes.has(scope)).flatMap(([, vars]) => [...vars.values()].map((v) => ({ ...v }))),
      joinTokens: [...this.tokens.entries()].flatMap(([flowScopeKey, flows]) => [...flows].map(([flowId, count]) => ({ flowScopeKey, flowId, count }))),
      userTasks: [...this.userTasks.values()].filter(isUserTaskOpen).map((t) => ({ ...t })),
      jobs: [...this.jobs.values()].filter(isJobActive).map((j) => ({ ...j })),
      incidents: [...this.incidents.values()].filter((i) => i.state === 'ACTIVE').map((i) => ({ ...i })),
      timers: [...this.timers.values()].filter((t) => t.state === 'ACTIVE').map((t) => ({ ...t })),
      subscriptions: this.openSubscriptions().map((s) => ({ ...s })),
    };
    // Listed only when there are some, so snapshots of instances without compensation look as before.
    const compensations = this.compensationRecords('READY', 'TRIGGERED', 'COMPENSATING').map(cloneCompensation);
    return compensations.length > 0 ? { ...snapshot, compensations } : snapshot;
  }

  /** What changed since loading. */
  changes(): StateChanges {
    return {
      instance: this.instanceDirty ? this.instance : null,
      elements: [...this.dirtyElements].map((key) => this.elements.get(key)!),
      variables: [...this.dirtyVariables.values()],
      joinTokens: [...this.dirtyTokenScopes].map((flowScopeKey) => ({
        flowScopeKey,
        tokens: [...(this.tokens.get(flowScopeKey) ?? new Map<string, number>())].map(([flowId, count]) => ({ flowId, count })),
      })),
      userTasks: [...this.dirtyUserTasks].map((key) => this.userTasks.get(key)!),
      jobs: [...this.dirtyJobs].map((key) => this.jobs.get(key)!),
      incidents: [...this.dirtyIncidents].map((key) => this.incidents.get(key)!),
      timers: [...this.dirtyTimers].map((key) => this.timers.get(key)!),
      subscriptions: [...this.dirtySubscriptions].map((key) => this.subscriptions.get(key)!),
      compensations: [...this.dirtyCompensations].map((key) => this.compensations.get(key)!),
    };
  }

  private indexElement(element: ElementInstanceRecord): void {
    this.elements.set(element.elementInstanceKey, element);
    if (element.flowScopeKey && externalState(element.lifecycle) === 'ACTIVE') {
      let children = this.activeChildren.get(element.flowScopeKey);
      if (!children) this.activeChildren.set(element.flowScopeKey, (children = new Set()));
      children.add(element.elementInstanceKey);
    }
  }

  private scopeVariables(scopeKey: string): Map<string, VariableRecord> {
    let variables = this.variablesByScope.get(scopeKey);
    if (!variables) this.variablesByScope.set(scopeKey, (variables = new Map()));
    return variables;
  }

  private scopeTokens(flowScopeKey: string): Map<string, number> {
    let flows = this.tokens.get(flowScopeKey);
    if (!flows) this.tokens.set(flowScopeKey, (flows = new Map()));
    return flows;
  }
}

/** A job that still belongs to a waiting element (not completed or canceled; an error thrown waits for its incident). */
export function isJobActive(job: JobRecord): boolean {
  return job.state === 'CREATED' || job.state === 'ACTIVATED' || job.state === 'FAILED' || job.state === 'ERROR_THROWN';
}

function cloneCompensation(compensation: CompensationRecord): CompensationRecord {
  return { ...compensation, variables: structuredClone(compensation.variables) };
}

/** Orders numeric-string keys (64-bit, so not as numbers). */
function compareKeys(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Prefix of the join-token entries that hold a complex gateway's waiting-for-reset state: an entry
 * `complex-reset:<flowId>` says that incoming flow delivered since the gateway fired. They are
 * stored with the tokens (`join_tokens`, so they survive a restart and vanish with their scope);
 * a colon never occurs in a BPMN id (an XML NCName), so they never clash with a flow id.
 */
export const COMPLEX_RESET_MARK = 'complex-reset:';

function isResetMark(flowId: string): boolean {
  return flowId.startsWith(COMPLEX_RESET_MARK);
}

/** A user task that has not ended: CREATED, or in a transition its listeners hold. */
export function isUserTaskOpen(task: UserTaskRecord): boolean {
  return task.state !== 'COMPLETED' && task.state !== 'CANCELED';
}
