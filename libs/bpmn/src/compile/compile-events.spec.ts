import { describe, expect, it } from 'vitest';
import { compileFixture } from '../../test/support/fixtures.js';
import type { ExecutableProcess } from '../model/executable-process.js';

/** Given a fixture model with the events of issue 10, when compiled, then exactly this executable process comes out (and no warning). */
async function compiled(fixture: string): Promise<ExecutableProcess[]> {
  const result = await compileFixture(`compile/${fixture}`);
  if (!result.ok) throw new Error(`expected ${fixture} to compile, got ${JSON.stringify(result.problems, null, 2)}`);
  expect(result.warnings).toEqual([]);
  return result.processes;
}

describe('compileProcess: events', () => {
  it('compiles message and timer events: process message and timer starts (cron, date, FEEL date), a message catch event, a receive task with a FEEL message name, interrupting and non-interrupting message boundaries, a timer cycle on a non-interrupting boundary, message and timer event subprocesses', async () => {
    expect(await compiled('message-and-timer-events.bpmn')).toEqual([
      {
        modelVersion: 3,
        id: 'order-messages',
        messageStartEvents: [{ elementId: 'Placed', messageName: 'order-placed' }],
        timerStartEvents: [
          { elementId: 'Nightly', timer: { kind: 'cycle', value: { kind: 'static', value: '0 0 2 * * *' } } },
          { elementId: 'Launch', timer: { kind: 'date', value: { kind: 'static', value: '2030-01-01T09:00:00Z' } } },
          { elementId: 'Tomorrow', timer: { kind: 'date', value: { kind: 'feel', expression: 'now() + duration("P1D")' } } },
        ],
        eventSubProcessIds: ['On_cancel', 'Hourly_report'],
        children: [
          'Placed',
          'Nightly',
          'Launch',
          'Tomorrow',
          'Paid',
          'Cool_down',
          'Reply',
          'Cancelled',
          'Address_changed',
          'Remind',
          'Noted',
          'End',
          'On_cancel',
          'Hourly_report',
        ],
        elements: {
          Placed: {
            id: 'Placed',
            type: 'bpmn:StartEvent',
            incoming: [],
            outgoing: ['Flow_placed'],
            messageName: 'order-placed',
            trigger: { kind: 'message', messageName: { kind: 'static', value: 'order-placed' } },
          },
          Nightly: {
            id: 'Nightly',
            type: 'bpmn:StartEvent',
            incoming: [],
            outgoing: ['Flow_nightly'],
            trigger: { kind: 'timer', timer: { kind: 'cycle', value: { kind: 'static', value: '0 0 2 * * *' } } },
          },
          Launch: {
            id: 'Launch',
            type: 'bpmn:StartEvent',
            incoming: [],
            outgoing: ['Flow_launch'],
            trigger: { kind: 'timer', timer: { kind: 'date', value: { kind: 'static', value: '2030-01-01T09:00:00Z' } } },
          },
          Tomorrow: {
            id: 'Tomorrow',
            type: 'bpmn:StartEvent',
            incoming: [],
            outgoing: ['Flow_tomorrow'],
            trigger: { kind: 'timer', timer: { kind: 'date', value: { kind: 'feel', expression: 'now() + duration("P1D")' } } },
          },
          Paid: {
            id: 'Paid',
            type: 'bpmn:IntermediateCatchEvent',
            name: 'Payment received',
            incoming: ['Flow_placed', 'Flow_nightly', 'Flow_launch', 'Flow_tomorrow'],
            outgoing: ['Flow_1'],
            ioMapping: { inputs: [], outputs: [{ source: { kind: 'feel', expression: 'amount' }, target: 'paidAmount' }] },
            trigger: { kind: 'message', messageName: { kind: 'static', value: 'payment-received' }, correlationKey: { kind: 'feel', expression: 'orderId' } },
          },
          Cool_down: {
            id: 'Cool_down',
            type: 'bpmn:IntermediateCatchEvent',
            incoming: ['Flow_1'],
            outgoing: ['Flow_2'],
            trigger: { kind: 'timer', timer: { kind: 'duration', value: { kind: 'static', value: 'PT30S' } } },
          },
          Reply: {
            id: 'Reply',
            type: 'bpmn:ReceiveTask',
            incoming: ['Flow_2'],
            outgoing: ['Flow_3'],
            trigger: { kind: 'message', messageName: { kind: 'feel', expression: '"reply-" + channel' }, correlationKey: { kind: 'feel', expression: 'customer.id' } },
            boundaryEventIds: ['Cancelled', 'Address_changed', 'Remind'],
          },
          Cancelled: {
            id: 'Cancelled',
            type: 'bpmn:BoundaryEvent',
            incoming: [],
            outgoing: ['Flow_cancelled'],
            attachedToId: 'Reply',
            interrupting: true,
            trigger: { kind: 'message', messageName: { kind: 'static', value: 'cancel-order' }, correlationKey: { kind: 'feel', expression: 'orderId' } },
          },
          Address_changed: {
            id: 'Address_changed',
            type: 'bpmn:BoundaryEvent',
            incoming: [],
            outgoing: ['Flow_address'],
            attachedToId: 'Reply',
            interrupting: false,
            trigger: { kind: 'message', messageName: { kind: 'static', value: 'address-changed' }, correlationKey: { kind: 'feel', expression: 'orderId' } },
          },
          Remind: {
            id: 'Remind',
            type: 'bpmn:BoundaryEvent',
            incoming: [],
            outgoing: ['Flow_remind'],
            attachedToId: 'Reply',
            interrupting: false,
            trigger: { kind: 'timer', timer: { kind: 'cycle', value: { kind: 'static', value: 'R3/PT10S' } } },
          },
          Noted: { id: 'Noted', type: 'bpmn:EndEvent', incoming: ['Flow_address', 'Flow_remind'], outgoing: [], terminate: false },
          End: { id: 'End', type: 'bpmn:EndEvent', incoming: ['Flow_cancelled', 'Flow_3'], outgoing: [], terminate: false },
          On_cancel: {
            id: 'On_cancel',
            type: 'bpmn:SubProcess',
            incoming: [],
            outgoing: [],
            startEventId: 'Cancel_requested',
            children: ['Cancel_requested', 'Cancel_end'],
            triggeredByEvent: true,
          },
          Cancel_requested: {
            id: 'Cancel_requested',
            type: 'bpmn:StartEvent',
            parentId: 'On_cancel',
            incoming: [],
            outgoing: ['Flow_4'],
            trigger: { kind: 'message', messageName: { kind: 'static', value: 'cancel-order' }, correlationKey: { kind: 'feel', expression: 'orderId' } },
            interrupting: true,
          },
          Cancel_end: { id: 'Cancel_end', type: 'bpmn:EndEvent', parentId: 'On_cancel', incoming: ['Flow_4'], outgoing: [], terminate: false },
          Hourly_report: {
            id: 'Hourly_report',
            type: 'bpmn:SubProcess',
            incoming: [],
            outgoing: [],
            startEventId: 'Every_hour',
            children: ['Every_hour', 'Report_end'],
            triggeredByEvent: true,
          },
          Every_hour: {
            id: 'Every_hour',
            type: 'bpmn:StartEvent',
            parentId: 'Hourly_report',
            incoming: [],
            outgoing: ['Flow_5'],
            trigger: { kind: 'timer', timer: { kind: 'cycle', value: { kind: 'static', value: 'R/PT1H' } } },
            interrupting: false,
          },
          Report_end: { id: 'Report_end', type: 'bpmn:EndEvent', parentId: 'Hourly_report', incoming: ['Flow_5'], outgoing: [], terminate: false },
        },
        flows: {
          Flow_placed: { id: 'Flow_placed', sourceId: 'Placed', targetId: 'Paid' },
          Flow_nightly: { id: 'Flow_nightly', sourceId: 'Nightly', targetId: 'Paid' },
          Flow_launch: { id: 'Flow_launch', sourceId: 'Launch', targetId: 'Paid' },
          Flow_tomorrow: { id: 'Flow_tomorrow', sourceId: 'Tomorrow', targetId: 'Paid' },
          Flow_1: { id: 'Flow_1', sourceId: 'Paid', targetId: 'Cool_down' },
          Flow_2: { id: 'Flow_2', sourceId: 'Cool_down', targetId: 'Reply' },
          Flow_cancelled: { id: 'Flow_cancelled', sourceId: 'Cancelled', targetId: 'End' },
          Flow_address: { id: 'Flow_address', sourceId: 'Address_changed', targetId: 'Noted' },
          Flow_remind: { id: 'Flow_remind', sourceId: 'Remind', targetId: 'Noted' },
          Flow_3: { id: 'Flow_3', sourceId: 'Reply', targetId: 'End' },
          Flow_4: { id: 'Flow_4', sourceId: 'Cancel_requested', targetId: 'Cancel_end' },
          Flow_5: { id: 'Flow_5', sourceId: 'Every_hour', targetId: 'Report_end' },
        },
        formIds: [],
      },
    ]);
  });

  it('compiles signal, escalation and link events: a signal start event, FEEL and static signal names, signal and escalation throw and end events, escalation boundaries by code and catch-all, link throws pointing at their catch event', async () => {
    expect(await compiled('signal-escalation-link-events.bpmn')).toEqual([
      {
        modelVersion: 3,
        id: 'escalations-and-signals',
        startEventId: 'Start',
        signalStartEvents: [{ elementId: 'Go', signalName: 'go' }],
        children: ['Start', 'Go', 'Stopped', 'Work', 'Late', 'Alarmed', 'Noted', 'Call', 'Any_escalation', 'Done'],
        elements: {
          Start: { id: 'Start', type: 'bpmn:StartEvent', incoming: [], outgoing: ['Flow_1'] },
          Go: { id: 'Go', type: 'bpmn:StartEvent', incoming: [], outgoing: ['Flow_2'], trigger: { kind: 'signal', signalName: { kind: 'static', value: 'go' } } },
          Stopped: {
            id: 'Stopped',
            type: 'bpmn:IntermediateCatchEvent',
            incoming: ['Flow_1', 'Flow_2'],
            outgoing: ['Flow_3'],
            trigger: { kind: 'signal', signalName: { kind: 'feel', expression: '"stop-" + region' } },
          },
          Work: {
            id: 'Work',
            type: 'bpmn:SubProcess',
            incoming: ['Flow_3'],
            outgoing: ['Flow_4'],
            startEventId: 'Work_start',
            children: ['Work_start', 'Raise', 'Jump', 'Land', 'Notify', 'Work_end'],
            boundaryEventIds: ['Late', 'Alarmed'],
          },
          Work_start: { id: 'Work_start', type: 'bpmn:StartEvent', parentId: 'Work', incoming: [], outgoing: ['Flow_w1'] },
          Raise: {
            id: 'Raise',
            type: 'bpmn:IntermediateThrowEvent',
            parentId: 'Work',
            incoming: ['Flow_w1'],
            outgoing: ['Flow_w2'],
            throws: { kind: 'escalation', escalationCode: { kind: 'feel', expression: '"LATE-" + level' } },
          },
          Jump: { id: 'Jump', type: 'bpmn:IntermediateThrowEvent', parentId: 'Work', incoming: ['Flow_w2'], outgoing: [], linkTargetId: 'Land' },
          Land: { id: 'Land', type: 'bpmn:IntermediateCatchEvent', parentId: 'Work', incoming: [], outgoing: ['Flow_w3'], trigger: { kind: 'link', linkName: 'on' } },
          Notify: {
            id: 'Notify',
            type: 'bpmn:IntermediateThrowEvent',
            parentId: 'Work',
            incoming: ['Flow_w3'],
            outgoing: ['Flow_w4'],
            throws: { kind: 'signal', signalName: { kind: 'static', value: 'alarm' } },
          },
          Work_end: {
            id: 'Work_end',
            type: 'bpmn:EndEvent',
            parentId: 'Work',
            incoming: ['Flow_w4'],
            outgoing: [],
            terminate: false,
            throws: { kind: 'escalation', escalationCode: { kind: 'static', value: 'LATE' } },
          },
          Late: {
            id: 'Late',
            type: 'bpmn:BoundaryEvent',
            incoming: [],
            outgoing: ['Flow_late'],
            attachedToId: 'Work',
            interrupting: false,
            trigger: { kind: 'escalation', escalationCode: 'LATE' },
          },
          Alarmed: {
            id: 'Alarmed',
            type: 'bpmn:BoundaryEvent',
            incoming: [],
            outgoing: ['Flow_alarmed'],
            attachedToId: 'Work',
            interrupting: false,
            trigger: { kind: 'signal', signalName: { kind: 'static', value: 'alarm' } },
          },
          Noted: { id: 'Noted', type: 'bpmn:EndEvent', incoming: ['Flow_late', 'Flow_alarmed'], outgoing: [], terminate: false },
          Call: {
            id: 'Call',
            type: 'bpmn:CallActivity',
            incoming: ['Flow_4'],
            outgoing: ['Flow_5'],
            calledElement: { processId: { kind: 'static', value: 'child' }, bindingType: 'latest', propagateAllParentVariables: true, propagateAllChildVariables: true },
            boundaryEventIds: ['Any_escalation'],
          },
          Any_escalation: {
            id: 'Any_escalation',
            type: 'bpmn:BoundaryEvent',
            incoming: [],
            outgoing: ['Flow_any'],
            attachedToId: 'Call',
            interrupting: true,
            trigger: { kind: 'escalation' },
          },
          Done: {
            id: 'Done',
            type: 'bpmn:EndEvent',
            incoming: ['Flow_any', 'Flow_5'],
            outgoing: [],
            terminate: false,
            throws: { kind: 'signal', signalName: { kind: 'static', value: 'done' } },
          },
        },
        flows: {
          Flow_1: { id: 'Flow_1', sourceId: 'Start', targetId: 'Stopped' },
          Flow_2: { id: 'Flow_2', sourceId: 'Go', targetId: 'Stopped' },
          Flow_3: { id: 'Flow_3', sourceId: 'Stopped', targetId: 'Work' },
          Flow_w1: { id: 'Flow_w1', sourceId: 'Work_start', targetId: 'Raise' },
          Flow_w2: { id: 'Flow_w2', sourceId: 'Raise', targetId: 'Jump' },
          Flow_w3: { id: 'Flow_w3', sourceId: 'Land', targetId: 'Notify' },
          Flow_w4: { id: 'Flow_w4', sourceId: 'Notify', targetId: 'Work_end' },
          Flow_late: { id: 'Flow_late', sourceId: 'Late', targetId: 'Noted' },
          Flow_alarmed: { id: 'Flow_alarmed', sourceId: 'Alarmed', targetId: 'Noted' },
          Flow_4: { id: 'Flow_4', sourceId: 'Work', targetId: 'Call' },
          Flow_any: { id: 'Flow_any', sourceId: 'Any_escalation', targetId: 'Done' },
          Flow_5: { id: 'Flow_5', sourceId: 'Call', targetId: 'Done' },
        },
        formIds: [],
      },
    ]);
  });

  it('compiles an event-based gateway with message, timer, signal and conditional catch events, a conditional boundary with its variable filter, and event subprocesses (error, escalation, signal, condition) in the process and in an embedded subprocess', async () => {
    expect(await compiled('gateway-conditions-event-subprocesses.bpmn')).toEqual([
      {
        modelVersion: 3,
        id: 'waiting',
        startEventId: 'Start',
        eventSubProcessIds: ['On_error', 'On_late', 'On_stop', 'On_budget'],
        children: ['Start', 'Wait', 'Paid', 'Timeout', 'Stopped', 'Ready', 'Pack', 'Address_changed', 'End', 'On_error', 'On_late', 'On_stop', 'On_budget'],
        elements: {
          Start: { id: 'Start', type: 'bpmn:StartEvent', incoming: [], outgoing: ['Flow_1'] },
          Wait: {
            id: 'Wait',
            type: 'bpmn:EventBasedGateway',
            name: 'First event wins',
            incoming: ['Flow_1'],
            outgoing: ['Flow_paid', 'Flow_timeout', 'Flow_stopped', 'Flow_ready'],
          },
          Paid: {
            id: 'Paid',
            type: 'bpmn:IntermediateCatchEvent',
            incoming: ['Flow_paid'],
            outgoing: ['Flow_2'],
            trigger: { kind: 'message', messageName: { kind: 'static', value: 'payment-received' }, correlationKey: { kind: 'feel', expression: 'orderId' } },
          },
          Timeout: {
            id: 'Timeout',
            type: 'bpmn:IntermediateCatchEvent',
            incoming: ['Flow_timeout'],
            outgoing: ['Flow_3'],
            trigger: { kind: 'timer', timer: { kind: 'duration', value: { kind: 'feel', expression: 'paymentDeadline' } } },
          },
          Stopped: {
            id: 'Stopped',
            type: 'bpmn:IntermediateCatchEvent',
            incoming: ['Flow_stopped'],
            outgoing: ['Flow_4'],
            trigger: { kind: 'signal', signalName: { kind: 'static', value: 'stop-all' } },
          },
          Ready: {
            id: 'Ready',
            type: 'bpmn:IntermediateCatchEvent',
            incoming: ['Flow_ready'],
            outgoing: ['Flow_5'],
            trigger: { kind: 'conditional', condition: 'stock > 0' },
          },
          Pack: {
            id: 'Pack',
            type: 'bpmn:SubProcess',
            incoming: ['Flow_2', 'Flow_5'],
            outgoing: ['Flow_6'],
            startEventId: 'Pack_start',
            children: ['Pack_start', 'Pack_end', 'Pack_failure'],
            eventSubProcessIds: ['Pack_failure'],
            boundaryEventIds: ['Address_changed'],
          },
          Pack_start: { id: 'Pack_start', type: 'bpmn:StartEvent', parentId: 'Pack', incoming: [], outgoing: ['Flow_p1'] },
          Pack_end: { id: 'Pack_end', type: 'bpmn:EndEvent', parentId: 'Pack', incoming: ['Flow_p1'], outgoing: [], terminate: false },
          Pack_failure: {
            id: 'Pack_failure',
            type: 'bpmn:SubProcess',
            parentId: 'Pack',
            incoming: [],
            outgoing: [],
            startEventId: 'Pack_failed',
            children: ['Pack_failed', 'Pack_failure_end'],
            triggeredByEvent: true,
          },
          Pack_failed: {
            id: 'Pack_failed',
            type: 'bpmn:StartEvent',
            parentId: 'Pack_failure',
            incoming: [],
            outgoing: ['Flow_p2'],
            trigger: { kind: 'error', errorCode: 'FAILED' },
            interrupting: true,
          },
          Pack_failure_end: { id: 'Pack_failure_end', type: 'bpmn:EndEvent', parentId: 'Pack_failure', incoming: ['Flow_p2'], outgoing: [], terminate: false },
          Address_changed: {
            id: 'Address_changed',
            type: 'bpmn:BoundaryEvent',
            incoming: [],
            outgoing: ['Flow_address'],
            attachedToId: 'Pack',
            interrupting: false,
            trigger: { kind: 'conditional', condition: 'addressChanged', variableNames: ['address', 'zip'], variableEvents: ['update'] },
          },
          End: { id: 'End', type: 'bpmn:EndEvent', incoming: ['Flow_3', 'Flow_4', 'Flow_address', 'Flow_6'], outgoing: [], terminate: false },
          On_error: {
            id: 'On_error',
            type: 'bpmn:SubProcess',
            incoming: [],
            outgoing: [],
            startEventId: 'Any_error',
            children: ['Any_error', 'On_error_end'],
            triggeredByEvent: true,
          },
          Any_error: {
            id: 'Any_error',
            type: 'bpmn:StartEvent',
            parentId: 'On_error',
            incoming: [],
            outgoing: ['Flow_e1'],
            trigger: { kind: 'error' },
            interrupting: true,
          },
          On_error_end: { id: 'On_error_end', type: 'bpmn:EndEvent', parentId: 'On_error', incoming: ['Flow_e1'], outgoing: [], terminate: false },
          On_late: {
            id: 'On_late',
            type: 'bpmn:SubProcess',
            incoming: [],
            outgoing: [],
            startEventId: 'Late',
            children: ['Late', 'On_late_end'],
            triggeredByEvent: true,
          },
          Late: {
            id: 'Late',
            type: 'bpmn:StartEvent',
            parentId: 'On_late',
            incoming: [],
            outgoing: ['Flow_e2'],
            trigger: { kind: 'escalation', escalationCode: 'LATE' },
            interrupting: false,
          },
          On_late_end: { id: 'On_late_end', type: 'bpmn:EndEvent', parentId: 'On_late', incoming: ['Flow_e2'], outgoing: [], terminate: false },
          On_stop: {
            id: 'On_stop',
            type: 'bpmn:SubProcess',
            incoming: [],
            outgoing: [],
            startEventId: 'Stop_requested',
            children: ['Stop_requested', 'On_stop_end'],
            triggeredByEvent: true,
          },
          Stop_requested: {
            id: 'Stop_requested',
            type: 'bpmn:StartEvent',
            parentId: 'On_stop',
            incoming: [],
            outgoing: ['Flow_e3'],
            trigger: { kind: 'signal', signalName: { kind: 'static', value: 'stop-all' } },
            interrupting: true,
          },
          On_stop_end: { id: 'On_stop_end', type: 'bpmn:EndEvent', parentId: 'On_stop', incoming: ['Flow_e3'], outgoing: [], terminate: false },
          On_budget: {
            id: 'On_budget',
            type: 'bpmn:SubProcess',
            incoming: [],
            outgoing: [],
            startEventId: 'Over_budget',
            children: ['Over_budget', 'On_budget_end'],
            triggeredByEvent: true,
          },
          Over_budget: {
            id: 'Over_budget',
            type: 'bpmn:StartEvent',
            parentId: 'On_budget',
            incoming: [],
            outgoing: ['Flow_e4'],
            trigger: { kind: 'conditional', condition: 'total > budget', variableEvents: ['create', 'update'] },
            interrupting: false,
          },
          On_budget_end: { id: 'On_budget_end', type: 'bpmn:EndEvent', parentId: 'On_budget', incoming: ['Flow_e4'], outgoing: [], terminate: false },
        },
        flows: {
          Flow_1: { id: 'Flow_1', sourceId: 'Start', targetId: 'Wait' },
          Flow_paid: { id: 'Flow_paid', sourceId: 'Wait', targetId: 'Paid' },
          Flow_timeout: { id: 'Flow_timeout', sourceId: 'Wait', targetId: 'Timeout' },
          Flow_stopped: { id: 'Flow_stopped', sourceId: 'Wait', targetId: 'Stopped' },
          Flow_ready: { id: 'Flow_ready', sourceId: 'Wait', targetId: 'Ready' },
          Flow_2: { id: 'Flow_2', sourceId: 'Paid', targetId: 'Pack' },
          Flow_3: { id: 'Flow_3', sourceId: 'Timeout', targetId: 'End' },
          Flow_4: { id: 'Flow_4', sourceId: 'Stopped', targetId: 'End' },
          Flow_5: { id: 'Flow_5', sourceId: 'Ready', targetId: 'Pack' },
          Flow_p1: { id: 'Flow_p1', sourceId: 'Pack_start', targetId: 'Pack_end' },
          Flow_p2: { id: 'Flow_p2', sourceId: 'Pack_failed', targetId: 'Pack_failure_end' },
          Flow_address: { id: 'Flow_address', sourceId: 'Address_changed', targetId: 'End' },
          Flow_6: { id: 'Flow_6', sourceId: 'Pack', targetId: 'End' },
          Flow_e1: { id: 'Flow_e1', sourceId: 'Any_error', targetId: 'On_error_end' },
          Flow_e2: { id: 'Flow_e2', sourceId: 'Late', targetId: 'On_late_end' },
          Flow_e3: { id: 'Flow_e3', sourceId: 'Stop_requested', targetId: 'On_stop_end' },
          Flow_e4: { id: 'Flow_e4', sourceId: 'Over_budget', targetId: 'On_budget_end' },
        },
        formIds: [],
      },
    ]);
  });

  it('points a link throw event at the catch event with its name in its own scope, when process and subprocess use the same link name', async () => {
    const result = await compileFixture('link-event/valid/links.bpmn');
    const elements = result.ok ? result.processes[0]!.elements : {};
    expect(elements['Go_back']).toMatchObject({ type: 'bpmn:IntermediateThrowEvent', linkTargetId: 'Back' });
    expect(elements['Skip']).toMatchObject({ type: 'bpmn:IntermediateThrowEvent', parentId: 'Work', linkTargetId: 'Work_retry' });
  });

  it('compiles a process that only its timer and signal start events start without startEventId', async () => {
    const result = await compileFixture('start-end-event/valid/timer-and-signal-starts-only.bpmn');
    const [process] = result.ok ? result.processes : [];
    expect(process).not.toHaveProperty('startEventId');
    expect(process).toMatchObject({
      timerStartEvents: [{ elementId: 'Nightly', timer: { kind: 'cycle', value: { kind: 'static', value: '0 0 2 * * *' } } }],
      signalStartEvents: [{ elementId: 'Go', signalName: 'go' }],
    });
  });

  it('produces plain JSON: a stored model reads back equal', async () => {
    for (const fixture of ['message-and-timer-events.bpmn', 'signal-escalation-link-events.bpmn', 'gateway-conditions-event-subprocesses.bpmn']) {
      const processes = await compiled(fixture);
      expect(JSON.parse(JSON.stringify(processes))).toStrictEqual(processes);
    }
  });
});
