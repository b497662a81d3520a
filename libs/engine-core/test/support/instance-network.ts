import type { ExecutableProcess } from '#bpmn';
import { isChildCancellation, messageCommandName, messagesOf, type JobRecord } from '../../src/index.js';
import { CoreHarness, loadModel } from './core-harness.js';

/** What a simulated worker does with a job: complete it with variables, throw a BPMN error, or keep it (never finish it). */
export type JobOutcome = { variables?: Record<string, unknown> } | { errorCode: string; errorMessage?: string; variables?: Record<string, unknown> } | { hold: true };

/**
 * Several process instances wired the way Baton's executor will wire them (docs/engine.md, "Call
 * activities"): a CHILD_INSTANCE_REQUESTED creates the child (CREATE_PROCESS_INSTANCE with the
 * requested key and parent keys) or answers CALLED_ELEMENT_NOT_FOUND; CHILD_INSTANCE_CANCEL_REQUESTED
 * cancels the child (byParent); CALLED_INSTANCE_COMPLETED completes the parent's call activity;
 * ERROR_ESCALATED_TO_PARENT throws the error at it. Each instance gets its own key range, and all
 * share one clock. A reference for the executor as much as a test tool.
 */
export class InstanceNetwork {
  /** Every instance, by process instance key, in creation order. */
  readonly instances = new Map<string, CoreHarness>();
  /** Every command that crossed instances, rendered (`COMPLETE_CALL_ACTIVITY → call-activity`), for assertions. */
  readonly crossings: string[] = [];
  private blocks = 0;
  private readonly held = new Set<string>();

  private constructor(private readonly models: ReadonlyMap<string, ExecutableProcess>) {}

  /** A network that can start the processes of these model files (fixture names or URLs). */
  static async load(files: Array<string | URL>): Promise<InstanceNetwork> {
    const models = new Map<string, ExecutableProcess>();
    for (const file of files) {
      const model = await loadModel(file);
      models.set(model.id, model);
    }
    return new InstanceNetwork(models);
  }

  /** Starts a root instance (at its none start event, or at `startElementId`). */
  start(processId: string, variables: Record<string, unknown> = {}, startElementId?: string): CoreHarness {
    const h = this.harness(this.model(processId));
    h.create(variables, startElementId ? { startElementId } : {});
    this.instances.set(h.processInstanceKey, h);
    this.dispatch(h);
    return h;
  }

  /** The one instance of a process (fails when there are none or several). */
  instanceOf(processId: string): CoreHarness {
    const found = [...this.instances.values()].filter((h) => h.model.id === processId);
    if (found.length !== 1) throw new Error(`Expected one instance of '${processId}' but found ${found.length}`);
    return found[0]!;
  }

  /** Instances of a process by state: `chaosExperiment:COMPLETED`, in creation order. */
  states(): string[] {
    return [...this.instances.values()].map((h) => `${h.model.id}:${h.state.instance!.state}`);
  }

  /**
   * Runs every instance until nothing is left to do: jobs are completed (or fail with a BPMN error,
   * or are kept) as `worker` decides, then the earliest due timer fires. Fails after `maxSteps`.
   */
  drive(worker: (job: JobRecord, h: CoreHarness) => JobOutcome = () => ({}), maxSteps = 500): void {
    for (let step = 0; step < maxSteps; step++) {
      const job = this.nextJob();
      if (job) {
        const [h, record] = job;
        const outcome = worker(record, h);
        if ('hold' in outcome) {
          this.held.add(record.jobKey);
        } else if ('errorCode' in outcome) {
          h.activateJobByKey(record.jobKey);
          h.accept({ type: 'THROW_ERROR', jobKey: record.jobKey, errorCode: outcome.errorCode, errorMessage: outcome.errorMessage ?? null, variables: outcome.variables ?? {} });
        } else {
          h.accept({ type: 'COMPLETE_JOB', jobKey: record.jobKey, variables: outcome.variables ?? {} });
        }
        this.dispatch(h);
        continue;
      }
      const timer = this.nextTimer();
      if (!timer) return;
      const [h, timerKey, dueDate] = timer;
      for (const other of this.instances.values()) if (Date.parse(other.now) < Date.parse(dueDate)) other.now = dueDate;
      h.accept({ type: 'TRIGGER_TIMER', timerKey });
      this.dispatch(h);
    }
    throw new Error(`The instances did not come to rest within ${maxSteps} steps`);
  }

  /**
   * Delivers what one instance's last command asked of the others (recursively), through the
   * core's own messagesOf — the function the engine's executor uses: a child start creates the
   * child (or answers CALLED_ELEMENT_NOT_FOUND when its process is unknown); a command runs on its
   * receiver (a cancellation only while the child is active, as the executor drops refused ones).
   */
  dispatch(h: CoreHarness): void {
    for (const message of messagesOf(h.lastEvents, h.state.instance!, { deploymentKey: 'test-deployment' })) {
      if (message.kind === 'start-child') {
        const model = this.models.get(message.processDefinitionId);
        if (!model) {
          this.cross(h, 'CALLED_ELEMENT_NOT_FOUND', () =>
            h.accept({ type: 'CALLED_ELEMENT_NOT_FOUND', elementInstanceKey: message.parentElementInstanceKey, message: `Expected process with BPMN process id '${message.processDefinitionId}' to be deployed, but not found.` }),
          );
          continue;
        }
        const child = this.harness(model, h.now);
        this.instances.set(message.processInstanceKey, child);
        this.crossings.push(`CREATE_PROCESS_INSTANCE → ${model.id}`);
        child.create(message.variables, { processInstanceKey: message.processInstanceKey, parent: { processInstanceKey: message.parentProcessInstanceKey, elementInstanceKey: message.parentElementInstanceKey } });
        this.dispatch(child);
        continue;
      }
      if (message.kind === 'broadcast-signal') {
        this.broadcast(message.signalName, message.variables);
        continue;
      }
      const target = this.instances.get(message.processInstanceKey)!;
      if (isChildCancellation(message) && target.state.instance?.state !== 'ACTIVE') continue;
      this.cross(target, messageCommandName(message), () => target.accept(message.command));
    }
  }

  /**
   * A signal broadcast, as the engine does it: every active instance with an open subscription for
   * it gets TRIGGER_SIGNAL, and every process with a signal start event for it starts there.
   */
  broadcast(signalName: string, variables: Record<string, unknown> = {}, signalKey = 'signal-1'): void {
    this.crossings.push(`BROADCAST_SIGNAL ${signalName}`);
    for (const h of [...this.instances.values()]) {
      const waiting = h.state.instance?.state === 'ACTIVE' && h.snapshot.subscriptions?.some((s) => s.kind === 'signal' && s.name === signalName);
      if (waiting) this.cross(h, 'TRIGGER_SIGNAL', () => h.accept({ type: 'TRIGGER_SIGNAL', signalKey, signalName, variables }));
    }
    for (const model of this.models.values()) {
      for (const start of model.signalStartEvents ?? []) if (start.signalName === signalName) this.start(model.id, variables, start.elementId);
    }
  }

  private cross(target: CoreHarness, command: string, run: () => unknown): void {
    this.crossings.push(`${command} → ${target.model.id}`);
    run();
    this.dispatch(target);
  }

  private nextJob(): [CoreHarness, JobRecord] | undefined {
    for (const h of this.instances.values()) {
      const job = h.snapshot.jobs.find((candidate) => candidate.activatable && candidate.state !== 'ACTIVATED' && !this.held.has(candidate.jobKey));
      if (job) return [h, job];
    }
    return undefined;
  }

  private nextTimer(): [CoreHarness, string, string] | undefined {
    let next: [CoreHarness, string, string] | undefined;
    for (const h of this.instances.values()) {
      for (const timer of h.snapshot.timers) {
        if (!next || Date.parse(timer.dueDate) < Date.parse(next[2])) next = [h, timer.timerKey, timer.dueDate];
      }
    }
    return next;
  }

  private harness(model: ExecutableProcess, now?: string): CoreHarness {
    this.blocks += 1;
    return new CoreHarness(model, { firstKey: this.blocks * 1_000_000, ...(now ? { now } : {}) });
  }

  private model(processId: string): ExecutableProcess {
    const model = this.models.get(processId);
    if (!model) throw new Error(`No model for process '${processId}'`);
    return model;
  }
}
