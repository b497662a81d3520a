import { CoreHarness, seededRandom, shuffled, type CoreHarnessOptions } from './core-harness.js';

/** One command (or a few) of a scenario, run against the harness. */
export type ScenarioStep = (h: CoreHarness) => unknown;

/**
 * A scenario that exercises several behaviours end to end. The appliers and determinism specs
 * run every scenario step by step; add one here when a behaviour gets a new path.
 */
export interface Scenario {
  name: string;
  fixture: string;
  options?: CoreHarnessOptions;
  steps: ScenarioStep[];
}

const assign = (elementId: string, assignee: string | null): ScenarioStep => (h) => h.accept({ type: 'ASSIGN_USER_TASK', userTaskKey: h.userTask(elementId).userTaskKey, assignee });

const jobKeyOf = (h: CoreHarness, elementId: string) => h.job(elementId).jobKey;

/** Completes the last (by key) active job of a multi-instance activity: one command per step. */
const completeLastJob =
  (elementId: string, variables: Record<string, unknown>): ScenarioStep =>
  (h) =>
    h.completeJobByKey(h.jobs(elementId).at(-1)!.jobKey, variables);

/** Completes the first active (inner) call activity instance of an element. */
const completeFirstCall =
  (elementId: string, variables: Record<string, unknown>): ScenarioStep =>
  (h) =>
    h.accept({ type: 'COMPLETE_CALL_ACTIVITY', elementInstanceKey: h.elements(elementId).find((e) => e.elementType === 'bpmn:CallActivity')!.elementInstanceKey, variables });

const parent = { processInstanceKey: '100', elementInstanceKey: '105' };

export const SCENARIOS: Scenario[] = [
  {
    name: 'job failed with retries, out of retries, retries given back, resolved, timed out, completed',
    fixture: 'job-retries.bpmn',
    steps: [
      (h) => h.create(),
      (h) => h.activateJob('charge'),
      (h) => h.accept({ type: 'FAIL_JOB', jobKey: jobKeyOf(h, 'charge'), retries: 1, errorMessage: 'busy', retryBackOffMs: null, variables: { attempt: 1 } }),
      (h) => h.activateJob('charge'),
      (h) => h.accept({ type: 'FAIL_JOB', jobKey: jobKeyOf(h, 'charge'), retries: 0, errorMessage: 'down', retryBackOffMs: null, variables: {} }),
      (h) => h.accept({ type: 'UPDATE_JOB_RETRIES', jobKey: jobKeyOf(h, 'charge'), retries: 2 }),
      (h) => h.resolveIncident('charge'),
      (h) => h.activateJob('charge'),
      (h) => h.accept({ type: 'TIME_OUT_JOB', jobKey: jobKeyOf(h, 'charge') }),
      (h) => h.activateJob('charge'),
      (h) => h.completeJob('charge', { charged: true }),
    ],
  },
  {
    name: 'BPMN error thrown by a worker, unhandled, resolved, completed',
    fixture: 'job-retries.bpmn',
    steps: [
      (h) => h.create(),
      (h) => h.activateJob('charge'),
      (h) => h.accept({ type: 'THROW_ERROR', jobKey: jobKeyOf(h, 'charge'), errorCode: 'NOPE', errorMessage: null, variables: {} }),
      (h) => h.resolveIncident('charge'),
      (h) => h.activateJob('charge'),
      (h) => h.completeJob('charge'),
    ],
  },
  {
    name: 'user task with every attribute, assigned, updated, completed',
    fixture: 'user-task-static.bpmn',
    options: { formKeys: { 'approve-form': '777' } },
    steps: [
      (h) => h.create({ amount: 10 }),
      assign('approve', 'bob'),
      (h) => h.accept({ type: 'UPDATE_USER_TASK', userTaskKey: h.userTask('approve').userTaskKey, changes: { priority: 90, followUpDate: null } }),
      assign('approve', null),
      (h) => h.completeUserTask('approve', { approved: true }),
    ],
  },
  {
    name: 'missing form, resolved once deployed',
    fixture: 'user-task-static.bpmn',
    steps: [
      (h) => h.create(),
      (h) => {
        h.formKeys['approve-form'] = '5';
        return h.resolveIncident('approve');
      },
      (h) => h.completeUserTask('approve'),
    ],
  },
  {
    name: 'terminate end event on the process, with a token waiting at a join',
    fixture: 'terminate-end.bpmn',
    steps: [(h) => h.create(), (h) => h.completeUserTask('a'), (h) => h.completeUserTask('t')],
  },
  {
    name: 'terminate end event inside a subprocess',
    fixture: 'terminate-in-subprocess.bpmn',
    steps: [(h) => h.create(), (h) => h.completeUserTask('a'), (h) => h.completeUserTask('t'), (h) => h.completeUserTask('after')],
  },
  {
    name: 'terminate end event ending a sibling subprocess',
    fixture: 'subprocess-terminated.bpmn',
    steps: [(h) => h.create(), (h) => h.completeUserTask('stop')],
  },
  {
    name: 'exclusive gateway incident resolved after SET_VARIABLES',
    fixture: 'exclusive-no-default.bpmn',
    steps: [(h) => h.create(), (h) => h.resolveIncident('gw'), (h) => h.setVariables({ approved: false }), (h) => h.resolveIncident('gw')],
  },
  {
    name: 'exclusive gateway loop',
    fixture: 'exclusive-loop.bpmn',
    steps: [(h) => h.create({ count: 0 })],
  },
  {
    name: 'parallel join with two tokens on one flow',
    fixture: 'parallel-same-flow.bpmn',
    steps: [(h) => h.create(), (h) => h.completeJob('a'), (h) => h.completeJob('b'), (h) => h.completeJob('c')],
  },
  {
    name: 'joins in the process and in a subprocess, twice round a loop',
    fixture: 'parallel-loop-subprocess.bpmn',
    steps: [
      (h) => h.create({ round: 1 }),
      (h) => h.completeJob('a'),
      (h) => h.completeJob('c'),
      (h) => h.completeJob('d'),
      // second round: the subprocess join gets its token before the process join does
      (h) => h.completeJob('c', { round: 2 }),
      (h) => h.completeJob('a'),
      (h) => h.completeJob('d'),
    ],
  },
  {
    name: 'ten parallel branches in random order',
    fixture: 'parallel-ten.bpmn',
    steps: [
      (h) => h.create(),
      ...shuffled(
        Array.from({ length: 10 }, (_, i) => `t${i + 1}`),
        seededRandom(7),
      ).map((id): ScenarioStep => (h) => h.completeJob(id, { [id]: true })),
    ],
  },
  {
    name: 'inclusive fork and join with a branch running upstream',
    fixture: 'inclusive.bpmn',
    steps: [(h) => h.create({ a: true, b: true, c: false }), (h) => h.completeJob('ta'), (h) => h.completeJob('tb'), (h) => h.completeJob('tb2')],
  },
  {
    name: 'inclusive join with a loop upstream',
    fixture: 'inclusive-loop.bpmn',
    steps: [(h) => h.create({ again: true }), (h) => h.completeJob('ta'), (h) => h.completeJob('tb'), (h) => h.completeJob('tb', { again: false })],
  },
  {
    name: 'inclusive join waiting on an incident upstream',
    fixture: 'inclusive-escape.bpmn',
    steps: [(h) => h.create({ escape: 'maybe' }), (h) => h.completeJob('ta'), (h) => h.completeJob('tb'), (h) => h.setVariables({ escape: false }), (h) => h.resolveIncident('route')],
  },
  {
    name: 'subprocess with input and output mappings',
    fixture: 'subprocess.bpmn',
    steps: [(h) => h.create({ order: { item: 'book' } }), (h) => h.completeJob('work', { item: 'book (wrapped)', note: 'n' }), (h) => h.completeUserTask('after')],
  },
  {
    name: 'subprocess mapping incidents on activation and completion',
    fixture: 'subprocess-mapping-failure.bpmn',
    steps: [
      (h) => h.create(),
      (h) => h.setVariables({ customer: 'ann' }),
      (h) => h.resolveIncident('sub'),
      (h) => h.completeUserTask('task', { total: -1 }),
      (h) => h.setVariables({ total: 3 }),
      (h) => h.resolveIncident('sub'),
    ],
  },
  {
    name: 'nested subprocesses canceled',
    fixture: 'nested-subprocess.bpmn',
    steps: [(h) => h.create(), (h) => h.cancel()],
  },
  {
    name: 'cancel with jobs, user tasks, incidents and join tokens',
    fixture: 'cancel.bpmn',
    steps: [(h) => h.create({ go: false }), (h) => h.completeJob('job', { done: 1 }), (h) => h.cancel()],
  },
  {
    name: 'job workers in sequence',
    fixture: 'jobs.bpmn',
    steps: [(h) => h.create({ channel: 'mail', tries: 1 }), ...['svc', 'send', 'rule', 'throw', 'end'].map((id): ScenarioStep => (h) => h.completeJob(id, { [`${id}Done`]: true }))],
  },
  {
    name: 'output mapping incident resolved with the kept result',
    fixture: 'io-output-failure.bpmn',
    steps: [(h) => h.create({ limit: 10 }), (h) => h.completeJob('svc', { result: 5 }), (h) => h.resolveIncident('svc'), (h) => h.setVariables({ limit: 0 }), (h) => h.resolveIncident('svc')],
  },
  {
    name: 'input and output mappings',
    fixture: 'io-mapping.bpmn',
    steps: [(h) => h.create({ x: 1, order: { id: 'old' } }), (h) => h.completeJob('svc', { result: 2 })],
  },
  {
    name: 'variables set locally and propagated across scopes',
    fixture: 'variables.bpmn',
    steps: [
      (h) => h.create({ x: 1, shadow: 'root' }),
      (h) => h.setVariables({ x: 2 }, { elementId: 'sub', local: true }),
      (h) => h.setVariables({ fresh: 1, shadow: 's' }, { elementId: 'task' }),
      (h) => h.completeUserTask('task', { x: 3, local: 9, created: true }),
      (h) => h.completeUserTask('after'),
    ],
  },
  {
    name: 'script task failure resolved',
    fixture: 'script-failure.bpmn',
    steps: [(h) => h.create({ x: 0 }), (h) => h.setVariables({ x: 1 }), (h) => h.resolveIncident('check')],
  },
  {
    name: 'timer catch events: FEEL duration, static and FEEL dates, an incident on a bad duration',
    fixture: 'timer-catch-kinds.bpmn',
    steps: [
      (h) => h.create({ action: { pauses: { after: 'soon' } }, due: '2026-03-06T10:00:00+01:00' }),
      (h) => h.setVariables({ action: { pauses: { after: 5 } } }),
      (h) => h.resolveIncident('pause'),
      (h) => h.triggerTimer('pause'),
      (h) => h.triggerTimer('opening'),
      (h) => h.triggerTimer('deadline'),
    ],
  },
  {
    name: 'boundary timers canceled by completion, then one interrupting a job',
    fixture: 'boundary-timer.bpmn',
    steps: [(h) => h.create({ limitMinutes: 10 }), (h) => h.completeUserTask('review'), (h) => h.activateJob('charge'), (h) => h.triggerTimer('charge-timeout')],
  },
  {
    name: 'boundary timer interrupting a subprocess',
    fixture: 'boundary-timer.bpmn',
    steps: [(h) => h.create({ limitMinutes: 1 }), (h) => h.completeUserTask('review'), (h) => h.completeJob('charge'), (h) => h.triggerTimer('sub-timeout')],
  },
  {
    name: 'errors caught on the task, then on the subprocess by code',
    fixture: 'boundary-error.bpmn',
    steps: [(h) => h.create(), (h) => h.throwJobError('charge', 'CARD_DECLINED', { reason: 'expired' }), (h) => h.throwJobError('pack', 'OUT_OF_STOCK', { missing: [1] }), (h) => h.completeJob('restock')],
  },
  {
    name: 'error end event uncaught, fixed and caught on resolution',
    fixture: 'error-end-event.bpmn',
    steps: [(h) => h.create({ reason: 'other', explode: false }), (h) => h.setVariables({ reason: 'stock' }), (h) => h.resolveIncident('fail')],
  },
  {
    name: 'call activity: not found, called again, error from the child uncaught, called again, completed',
    fixture: 'call-activity.bpmn',
    steps: [
      (h) => h.create({ order: { id: 7 } }),
      (h) => h.calledElementNotFound('call'),
      (h) => h.resolveIncident('call'),
      (h) => h.throwErrorAt('call', 'OTHER'),
      (h) => h.resolveIncident('call'),
      (h) => h.completeCallActivity('call', { trackingCode: 'T-1' }),
      (h) => h.completeUserTask('after'),
    ],
  },
  {
    name: 'call activity: error from the child caught, child canceled',
    fixture: 'call-activity.bpmn',
    steps: [(h) => h.create({ order: { id: 7 } }), (h) => h.throwErrorAt('call', 'CHILD_FAILED', { problem: 'lost' })],
  },
  {
    name: 'called instance: error handed to the parent, then canceled by it',
    fixture: 'called-child.bpmn',
    steps: [(h) => h.create({ a: 1 }, { parent }), (h) => h.throwJobError('ship', 'X', { b: 2 }), (h) => h.accept({ type: 'CANCEL_PROCESS_INSTANCE', byParent: true })],
  },
  {
    name: 'called instance completing for its parent',
    fixture: 'called-child.bpmn',
    steps: [(h) => h.create({ a: 1 }, { processInstanceKey: '4242', parent }), (h) => h.completeJob('ship', { b: 2 })],
  },
  {
    name: 'parallel multi-instance with outputs',
    fixture: 'multi-instance-parallel.bpmn',
    steps: [(h) => h.create({ items: [{ sku: 'a' }, { sku: 'b' }, { sku: 'c' }] }), completeLastJob('ship', { result: 30 }), completeLastJob('ship', { result: 20 }), completeLastJob('ship', { result: 10 })],
  },
  {
    name: 'sequential multi-instance with an output mapping incident',
    fixture: 'multi-instance-sequential.bpmn',
    steps: [
      (h) => h.create({ invoices: [{ amount: 1 }, { amount: 2 }] }),
      (h) => h.completeJob('bill'),
      (h) => h.accept({ type: 'SET_VARIABLES', elementInstanceKey: h.elements('bill').find((e) => e.elementType === 'bpmn:ServiceTask')!.elementInstanceKey, variables: { fee: 1 }, local: true }),
      (h) => h.resolveIncident('bill'),
      (h) => h.completeJob('bill', { fee: 2 }),
    ],
  },
  {
    name: 'multi-instance completion condition',
    fixture: 'multi-instance-completion.bpmn',
    steps: [
      (h) => h.create({ voters: ['ann', 'bob', 'cid'] }),
      (h) => h.accept({ type: 'COMPLETE_USER_TASK', userTaskKey: h.snapshot.userTasks[2]!.userTaskKey, variables: { approve: true }, completedBy: 'cid' }),
      (h) => h.accept({ type: 'COMPLETE_USER_TASK', userTaskKey: h.snapshot.userTasks[0]!.userTaskKey, variables: { approve: true }, completedBy: 'ann' }),
    ],
  },
  {
    name: 'multi-instance subprocess interrupted by the timer on its body',
    fixture: 'multi-instance-subprocess.bpmn',
    steps: [(h) => h.create({ orders: [1, 2, 3] }), (h) => h.completeJob('handle'), (h) => h.triggerTimer('each-timeout')],
  },
  {
    name: 'multi-instance call activities',
    fixture: 'multi-instance-call.bpmn',
    steps: [(h) => h.create({ list: ['x', 'y'] }), completeFirstCall('decide', { decisionResult: 'X' }), completeFirstCall('decide', { decisionResult: 'Y' })],
  },
  {
    name: 'instance started at its message start event',
    fixture: 'message-start.bpmn',
    steps: [(h) => h.create({ orderId: 1 }, { startElementId: 'order-placed' }), (h) => h.completeJob('work')],
  },
  {
    name: 'user task FEEL attributes',
    fixture: 'user-task-feel.bpmn',
    steps: [(h) => h.create({ owner: 5, groups: 'a,b', due: '2026-04-01T12:00:00Z', prio: 3, orderId: 9 }), (h) => h.setVariables({ owner: 'o' }), (h) => h.resolveIncident('review')],
  },
  {
    name: 'message catch events: correlated through an output mapping, then a dynamic name',
    fixture: 'message-catch.bpmn',
    steps: [(h) => h.create({ orderId: 'o-1', region: 'eu' }), (h) => h.correlate('payment-received', 'o-1', { amount: 3 }), (h) => h.correlate('confirm-eu', 'o-1', { ok: true })],
  },
  {
    name: 'message boundary events: non-interrupting twice, then interrupting',
    fixture: 'message-boundary.bpmn',
    steps: [
      (h) => h.create({ orderId: 'o-9' }),
      (h) => h.correlate('order-updated', 'o-9', { change: 1 }),
      (h) => h.correlate('order-updated', 'o-9', { change: 2 }, 'msg-2'),
      (h) => h.correlate('cancel-order', 'o-9', {}, 'msg-3'),
    ],
  },
  {
    name: 'event-based gateway won by a signal',
    fixture: 'event-based-gateway.bpmn',
    steps: [(h) => h.create({ orderId: 'o-5' }), (h) => h.signal('stop-all', { why: 'x' })],
  },
  {
    name: 'signals: caught by a boundary and a catch event, thrown with variables',
    fixture: 'signal-events.bpmn',
    steps: [(h) => h.create({ team: 'blue' }), (h) => h.signal('poke'), (h) => h.signal('go'), (h) => h.completeUserTask('work')],
  },
  {
    name: 'escalations: caught non-interrupting, not caught, caught interrupting',
    fixture: 'escalation-events.bpmn',
    steps: [(h) => h.create(), (h) => h.completeUserTask('inner-task'), (h) => h.completeUserTask('notify')],
  },
  {
    name: 'event subprocesses: a timer cycle twice, then an interrupting message',
    fixture: 'event-subprocess.bpmn',
    steps: [(h) => h.create({ orderId: 'o-1' }), (h) => h.triggerTimer('remind-start'), (h) => h.triggerTimer('remind-start'), (h) => h.correlate('cancel', 'o-1'), (h) => h.completeUserTask('cancel-note')],
  },
  {
    name: 'conditions: a catch event and a non-interrupting boundary',
    fixture: 'conditional-events.bpmn',
    steps: [(h) => h.create({ ready: false }), (h) => h.setVariables({ ready: true }), (h) => h.setVariables({ priority: 8 }), (h) => h.setVariables({ priority: 1 }), (h) => h.completeUserTask('task')],
  },
  {
    name: 'in a called instance, an escalation nobody in it catches goes to the parent',
    fixture: 'escalation-events.bpmn',
    steps: [(h) => h.create({}, { parent }), (h) => h.completeUserTask('inner-task')],
  },
  {
    name: 'an error that no caller catches is raised where it was thrown',
    fixture: 'called-child.bpmn',
    steps: [
      (h) => h.create({}, { parent }),
      (h) => h.throwJobError('ship', 'CHILD_FAILED'),
      (h) => h.accept({ type: 'RAISE_UNCAUGHT_ERROR', elementInstanceKey: h.element('ship').elementInstanceKey, errorCode: 'CHILD_FAILED', incidentMessage: 'not caught', retry: 'JOB', jobKey: h.job('ship').jobKey }),
      (h) => h.resolveIncident('ship'),
    ],
  },
  {
    name: 'a root caller that does not catch a child error sends it back',
    fixture: 'call-activity.bpmn',
    steps: [
      (h) => h.create({ order: { id: 1 } }),
      (h) =>
        h.accept({
          type: 'THROW_ERROR_AT',
          elementInstanceKey: h.element('call').elementInstanceKey,
          errorCode: 'OTHER',
          errorMessage: null,
          variables: {},
          origin: { processInstanceKey: '555', elementInstanceKey: '556', elementId: 'ship', retry: 'JOB', jobKey: '557' },
        }),
    ],
  },
  {
    name: 'compensation: a broadcast undoes two completed activities (a user task handler and a job handler), latest first',
    fixture: 'compensation-broadcast.bpmn',
    steps: [
      (h) => h.create(),
      (h) => h.completeJob('book-a'),
      (h) => h.completeJob('book-b'),
      (h) => h.completeJob('undo-a'),
      (h) => h.completeUserTask('undo-b'),
      (h) => h.completeUserTask('review'),
    ],
  },
  {
    name: 'compensation: a transaction cancelled after two bookings, compensated in reverse order, leaves by its cancel boundary event',
    fixture: 'transaction-cancel.bpmn',
    steps: [
      (h) => h.create({ declined: true }),
      (h) => h.completeJob('hotel'),
      (h) => h.completeJob('flight'),
      (h) => h.completeJob('cancel-flight'),
      (h) => h.completeJob('cancel-hotel'),
    ],
  },
  {
    name: 'complex gateway: two of three fire the join, the third is absorbed and resets it',
    fixture: 'complex-gateway.bpmn',
    steps: [(h) => h.create(), (h) => h.completeJob('tb'), (h) => h.completeJob('tc'), (h) => h.completeJob('after'), (h) => h.completeJob('ta')],
  },
  {
    name: 'complex gateway: a failing activation condition held with an incident, resolved',
    fixture: 'complex-gateway-limit.bpmn',
    steps: [(h) => h.create(), (h) => h.completeJob('ta'), (h) => h.setVariables({ limit: 2 }), (h) => h.resolveIncident('join'), (h) => h.completeJob('tb'), (h) => h.completeJob('tc')],
  },
  {
    name: 'standard loop: a job repeated until its condition fails',
    fixture: 'loop-job.bpmn',
    steps: [(h) => h.create({ done: false }), (h) => h.completeJob('work', { done: false }), (h) => h.completeJob('work', { done: true })],
  },
  {
    name: 'standard loop: a subprocess iterated, then interrupted by a boundary timer on its body',
    fixture: 'loop-subprocess.bpmn',
    steps: [(h) => h.create(), (h) => h.completeUserTask('review', { x: 1 }), (h) => h.triggerTimer('late')],
  },
  {
    name: 'ad-hoc subprocess: elements activated on entry and on request, output collected, completion condition cancels the rest',
    fixture: 'ad-hoc-condition.bpmn',
    steps: [
      (h) => h.create({ found: false }),
      (h) => h.completeJob('a'),
      (h) => h.accept({ type: 'ACTIVATE_AD_HOC_ELEMENTS', elementInstanceKey: h.element('hunt').elementInstanceKey, elements: [{ elementId: 'c', variables: { hint: 1 } }], cancelRemainingInstances: false }),
      (h) => h.completeJob('c', { found: true }),
    ],
  },
  {
    name: 'ad-hoc subprocess: output collection over a flow inside it',
    fixture: 'ad-hoc.bpmn',
    steps: [(h) => h.create({ initial: ['search', 'write'] }), (h) => h.completeJob('write', { result: 'draft' }), (h) => h.completeJob('search', { result: 'found' })],
  },
  {
    name: 'ad-hoc subprocess with a job worker: activations from job results, a new job per inner flow, completion',
    fixture: 'ad-hoc-job.bpmn',
    steps: [
      (h) => h.create(),
      (h) => h.accept({ type: 'COMPLETE_JOB', jobKey: h.job('agent').jobKey, variables: { agent: 1 }, adHocResult: { activateElements: [{ elementId: 'search', variables: {} }, { elementId: 'ask', variables: {} }], isCompletionConditionFulfilled: false, isCancelRemainingInstances: false } }),
      (h) => h.completeJob('search', { toolResult: 'one' }),
      (h) => h.completeJob('ask', { toolResult: 'two' }),
      (h) => h.accept({ type: 'COMPLETE_JOB', jobKey: h.job('agent').jobKey, variables: {}, adHocResult: { activateElements: [], isCompletionConditionFulfilled: true, isCancelRemainingInstances: true } }),
    ],
  },
  {
    name: 'execution listeners: process, task, gateway and end event, a listener out of retries resolved on the way',
    fixture: 'execution-listeners.bpmn',
    steps: [
      (h) => h.create({ base: 5, tries: 2 }),
      (h) => h.completeJob('listened', { region: 'eu' }),
      (h) => h.completeJob('work', { fee: 1 }),
      (h) => h.activateJob('work'),
      (h) => h.accept({ type: 'FAIL_JOB', jobKey: jobKeyOf(h, 'work'), retries: 0, errorMessage: 'audit down', retryBackOffMs: null, variables: {} }),
      (h) => h.accept({ type: 'UPDATE_JOB_RETRIES', jobKey: jobKeyOf(h, 'work'), retries: 1 }),
      (h) => h.resolveIncident('work'),
      (h) => h.completeJob('work'),
      (h) => h.completeJob('work', { result: 11 }),
      (h) => h.completeJob('work', { path: 'a' }),
      (h) => h.completeJob('route', { path: 'a' }),
      (h) => h.completeJob('end-a'),
      (h) => h.completeJob('end-a'),
      (h) => h.completeJob('listened'),
    ],
  },
  {
    name: 'user task listeners: creating with corrections, assigning, a denied completion, completing, then canceling by a timer',
    fixture: 'task-listeners.bpmn',
    steps: [
      (h) => h.create({ owner: 'anna' }),
      (h) => h.accept({ type: 'COMPLETE_JOB', jobKey: jobKeyOf(h, 'approve'), variables: {}, result: { denied: false, deniedReason: null, corrections: { priority: 70 } } }),
      (h) => h.completeJob('approve'),
      (h) => h.completeUserTask('approve', { approved: true }),
      (h) => h.accept({ type: 'COMPLETE_JOB', jobKey: jobKeyOf(h, 'approve'), variables: {}, result: { denied: true, deniedReason: 'no', corrections: {} } }),
      (h) => h.accept({ type: 'UPDATE_USER_TASK', userTaskKey: h.userTask('approve').userTaskKey, changes: { priority: 10 } }),
      (h) => h.accept({ type: 'COMPLETE_JOB', jobKey: jobKeyOf(h, 'approve'), variables: {}, result: { denied: false, deniedReason: null, corrections: { candidateUsers: ['x'] } } }),
      (h) => h.completeUserTask('approve', {}),
      (h) => h.completeJob('approve'),
      (h) => h.triggerTimer('expired'),
      (h) => h.completeJob('approve'),
    ],
  },
];

/** Runs a scenario on a fresh harness, calling `afterStep` after each step. */
export async function runScenario(scenario: Scenario, options: CoreHarnessOptions = {}, afterStep?: (h: CoreHarness, step: number) => void): Promise<CoreHarness> {
  const h = await CoreHarness.load(scenario.fixture, { ...scenario.options, ...options });
  for (const [i, step] of scenario.steps.entries()) {
    step(h);
    afterStep?.(h, i);
  }
  return h;
}
