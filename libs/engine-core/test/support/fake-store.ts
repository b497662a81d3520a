import { externalState, isJobActive, type InstanceSnapshot, type StateChanges } from '../../src/index.js';

/**
 * A stand-in for libs/persistence, just enough to check the contract it relies on: writing only
 * `state.changes()` after each command, then loading the active part of what was written, gives
 * back `state.snapshot()`. Rows are never deleted, like the audit-friendly tables.
 */
export class FakeStore {
  private instance: InstanceSnapshot['instance'] = null;
  private readonly elements = new Map<string, InstanceSnapshot['elements'][number]>();
  private readonly variables = new Map<string, InstanceSnapshot['variables'][number]>();
  private readonly tokens = new Map<string, Array<{ flowId: string; count: number }>>();
  private readonly userTasks = new Map<string, InstanceSnapshot['userTasks'][number]>();
  private readonly jobs = new Map<string, InstanceSnapshot['jobs'][number]>();
  private readonly incidents = new Map<string, InstanceSnapshot['incidents'][number]>();
  private readonly timers = new Map<string, InstanceSnapshot['timers'][number]>();
  private readonly subscriptions = new Map<string, NonNullable<InstanceSnapshot['subscriptions']>[number]>();

  write(changes: StateChanges): void {
    const copy = <T>(value: T): T => structuredClone(value);
    if (changes.instance) this.instance = copy(changes.instance);
    for (const element of changes.elements) this.elements.set(element.elementInstanceKey, copy(element));
    for (const variable of changes.variables) this.variables.set(variable.variableKey, copy(variable));
    for (const scope of changes.joinTokens) this.tokens.set(scope.flowScopeKey, copy(scope.tokens));
    for (const task of changes.userTasks) this.userTasks.set(task.userTaskKey, copy(task));
    for (const job of changes.jobs) this.jobs.set(job.jobKey, copy(job));
    for (const incident of changes.incidents) this.incidents.set(incident.incidentKey, copy(incident));
    for (const timer of changes.timers) this.timers.set(timer.timerKey, copy(timer));
    for (const subscription of changes.subscriptions) this.subscriptions.set(subscription.subscriptionKey, copy(subscription));
  }

  /** What the engine would load for the next command, sorted by key (the store has no order). */
  load(): InstanceSnapshot {
    const elements = [...this.elements.values()].filter((e) => externalState(e.lifecycle) === 'ACTIVE');
    const scopes = new Set(elements.map((e) => e.elementInstanceKey));
    return normalize({
      instance: this.instance,
      elements,
      variables: [...this.variables.values()].filter((v) => scopes.has(v.scopeKey)),
      joinTokens: [...this.tokens.entries()].flatMap(([flowScopeKey, tokens]) => tokens.map((t) => ({ flowScopeKey, ...t }))),
      userTasks: [...this.userTasks.values()].filter((t) => t.state !== 'COMPLETED' && t.state !== 'CANCELED'),
      jobs: [...this.jobs.values()].filter(isJobActive),
      incidents: [...this.incidents.values()].filter((i) => i.state === 'ACTIVE'),
      timers: [...this.timers.values()].filter((t) => t.state === 'ACTIVE'),
      subscriptions: [...this.subscriptions.values()].filter((s) => s.state === 'OPEN'),
    });
  }
}

/** A snapshot with every list sorted by its key, for comparing snapshots that differ only in order. */
export function normalize(snapshot: InstanceSnapshot): InstanceSnapshot {
  const by = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    instance: snapshot.instance,
    elements: [...snapshot.elements].sort(by((e) => e.elementInstanceKey.padStart(20, '0'))),
    variables: [...snapshot.variables].sort(by((v) => v.variableKey.padStart(20, '0'))),
    joinTokens: [...snapshot.joinTokens].sort(by((t) => `${t.flowScopeKey.padStart(20, '0')}/${t.flowId}`)),
    userTasks: [...snapshot.userTasks].sort(by((t) => t.userTaskKey.padStart(20, '0'))),
    jobs: [...snapshot.jobs].sort(by((j) => j.jobKey.padStart(20, '0'))),
    incidents: [...snapshot.incidents].sort(by((i) => i.incidentKey.padStart(20, '0'))),
    timers: [...snapshot.timers].sort(by((t) => t.timerKey.padStart(20, '0'))),
    subscriptions: [...(snapshot.subscriptions ?? [])].sort(by((s) => s.subscriptionKey.padStart(20, '0'))),
  };
}
