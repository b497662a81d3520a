import { describe, expect, it } from 'vitest';
import { compileFixture } from '../../test/support/fixtures.js';
import type { ExecutableProcess } from '../model/executable-process.js';

/** Given a fixture model, when compiled, then exactly this executable process comes out. */
async function compiled(fixture: string): Promise<ExecutableProcess[]> {
  const result = await compileFixture(`compile/${fixture}`);
  if (!result.ok) throw new Error(`expected ${fixture} to compile, got ${JSON.stringify(result.problems, null, 2)}`);
  expect(result.warnings).toEqual([]);
  return result.processes;
}

describe('compileProcess', () => {
  it('compiles user tasks: Camunda user task with assignment, schedule, priority, headers, mappings and a linked form; embedded and external forms; a start form', async () => {
    expect(await compiled('user-tasks.bpmn')).toEqual([
      {
        modelVersion: 3,
        id: 'expense-approval',
        name: 'Expense approval',
        versionTag: '2024.1',
        startEventId: 'Submitted',
        children: ['Submitted', 'Review', 'Approve', 'Sign', 'Paid'],
        elements: {
          Submitted: {
            id: 'Submitted',
            type: 'bpmn:StartEvent',
            name: 'Expense submitted',
            incoming: [],
            outgoing: ['Flow_1'],
            form: { kind: 'linked', formId: 'expense-form', bindingType: 'latest' },
          },
          Review: {
            id: 'Review',
            type: 'bpmn:UserTask',
            name: 'Review expense',
            incoming: ['Flow_1'],
            outgoing: ['Flow_2'],
            ioMapping: {
              inputs: [{ source: { kind: 'feel', expression: 'expense.amount' }, target: 'amount' }],
              outputs: [{ source: { kind: 'feel', expression: 'approved' }, target: 'review.approved' }],
            },
            userTask: {
              camundaUserTask: true,
              assignee: { kind: 'feel', expression: 'manager' },
              candidateGroups: { kind: 'static', value: 'finance, managers' },
              candidateUsers: { kind: 'feel', expression: '["ann", "bob"]' },
              dueDate: { kind: 'feel', expression: 'now() + duration("P2D")' },
              followUpDate: { kind: 'static', value: '2025-01-31T09:00:00Z' },
              priority: { kind: 'static', value: '80' },
              form: { kind: 'linked', formId: 'review-form', bindingType: 'deployment' },
              headers: { department: 'finance' },
            },
          },
          Approve: {
            id: 'Approve',
            type: 'bpmn:UserTask',
            incoming: ['Flow_2'],
            outgoing: ['Flow_3'],
            userTask: {
              camundaUserTask: false,
              form: {
                kind: 'embedded',
                formKey: 'camunda-forms:bpmn:UserTaskForm_approve',
                schema: '{"id":"approve","components":[{"key":"ok","type":"checkbox"}]}',
              },
              headers: {},
            },
          },
          Sign: {
            id: 'Sign',
            type: 'bpmn:UserTask',
            incoming: ['Flow_3'],
            outgoing: ['Flow_4'],
            userTask: {
              camundaUserTask: true,
              form: { kind: 'external', reference: { kind: 'feel', expression: '"https://sign.example.com/" + string(expenseId)' } },
              headers: {},
            },
          },
          Paid: { id: 'Paid', type: 'bpmn:EndEvent', incoming: ['Flow_4'], outgoing: [], terminate: false },
        },
        flows: {
          Flow_1: { id: 'Flow_1', sourceId: 'Submitted', targetId: 'Review' },
          Flow_2: { id: 'Flow_2', sourceId: 'Review', targetId: 'Approve' },
          Flow_3: { id: 'Flow_3', sourceId: 'Approve', targetId: 'Sign' },
          Flow_4: { id: 'Flow_4', sourceId: 'Sign', targetId: 'Paid' },
        },
        formIds: ['expense-form', 'review-form'],
      },
    ]);
  });

  it('compiles jobs: static and FEEL job types, retries (default 3), headers, input/output mappings, a message end event as a job', async () => {
    expect(await compiled('service-tasks.bpmn')).toEqual([
      {
        modelVersion: 3,
        id: 'order-fulfilment',
        startEventId: 'Start',
        children: ['Start', 'Charge', 'Notify', 'Shipped'],
        elements: {
          Start: { id: 'Start', type: 'bpmn:StartEvent', incoming: [], outgoing: ['Flow_1'] },
          Charge: {
            id: 'Charge',
            type: 'bpmn:ServiceTask',
            name: 'Charge card',
            incoming: ['Flow_1'],
            outgoing: ['Flow_2'],
            ioMapping: {
              inputs: [
                { source: { kind: 'feel', expression: 'order.total' }, target: 'amount' },
                { source: { kind: 'static', value: 'EUR' }, target: 'currency' },
                { source: { kind: 'feel', expression: 'null' }, target: 'receipt' },
              ],
              outputs: [{ source: { kind: 'feel', expression: 'transactionId' }, target: 'order.payment.id' }],
            },
            job: {
              type: { kind: 'static', value: 'charge-card' },
              retries: { kind: 'static', value: '5' },
              headers: { provider: 'stripe', timeoutSeconds: '30' },
            },
          },
          Notify: {
            id: 'Notify',
            type: 'bpmn:SendTask',
            incoming: ['Flow_2'],
            outgoing: ['Flow_3'],
            job: { type: { kind: 'feel', expression: '"notify-" + channel' }, retries: { kind: 'feel', expression: 'retryBudget' }, headers: {} },
          },
          Shipped: {
            id: 'Shipped',
            type: 'bpmn:EndEvent',
            incoming: ['Flow_3'],
            outgoing: [],
            terminate: false,
            job: { type: { kind: 'static', value: 'publish-shipped' }, retries: { kind: 'static', value: '3' }, headers: {} },
          },
        },
        flows: {
          Flow_1: { id: 'Flow_1', sourceId: 'Start', targetId: 'Charge' },
          Flow_2: { id: 'Flow_2', sourceId: 'Charge', targetId: 'Notify' },
          Flow_3: { id: 'Flow_3', sourceId: 'Notify', targetId: 'Shipped' },
        },
        formIds: [],
      },
    ]);
  });

  it('compiles nested subprocesses: children, start events, parent ids, mappings on the subprocess, a terminate end event', async () => {
    expect(await compiled('subprocess.bpmn')).toEqual([
      {
        modelVersion: 3,
        id: 'packing',
        startEventId: 'Start',
        children: ['Start', 'Pack', 'End'],
        elements: {
          Start: { id: 'Start', type: 'bpmn:StartEvent', incoming: [], outgoing: ['Flow_1'] },
          Pack: {
            id: 'Pack',
            type: 'bpmn:SubProcess',
            name: 'Pack order',
            incoming: ['Flow_1'],
            outgoing: ['Flow_6'],
            ioMapping: {
              inputs: [{ source: { kind: 'feel', expression: 'order.items' }, target: 'items' }],
              outputs: [{ source: { kind: 'feel', expression: 'parcelId' }, target: 'parcelId' }],
            },
            startEventId: 'Pack_start',
            children: ['Pack_start', 'Label', 'Pack_end'],
          },
          Pack_start: { id: 'Pack_start', type: 'bpmn:StartEvent', parentId: 'Pack', incoming: [], outgoing: ['Flow_2'] },
          Label: { id: 'Label', type: 'bpmn:SubProcess', parentId: 'Pack', incoming: ['Flow_2'], outgoing: ['Flow_5'], startEventId: 'Label_start', children: ['Label_start', 'Print', 'Label_end'] },
          Label_start: { id: 'Label_start', type: 'bpmn:StartEvent', parentId: 'Label', incoming: [], outgoing: ['Flow_3'] },
          Print: { id: 'Print', type: 'bpmn:ManualTask', parentId: 'Label', incoming: ['Flow_3'], outgoing: ['Flow_4'] },
          Label_end: { id: 'Label_end', type: 'bpmn:EndEvent', parentId: 'Label', incoming: ['Flow_4'], outgoing: [], terminate: false },
          Pack_end: { id: 'Pack_end', type: 'bpmn:EndEvent', parentId: 'Pack', incoming: ['Flow_5'], outgoing: [], terminate: true },
          End: { id: 'End', type: 'bpmn:EndEvent', incoming: ['Flow_6'], outgoing: [], terminate: false },
        },
        flows: {
          Flow_1: { id: 'Flow_1', sourceId: 'Start', targetId: 'Pack' },
          Flow_2: { id: 'Flow_2', sourceId: 'Pack_start', targetId: 'Label' },
          Flow_3: { id: 'Flow_3', sourceId: 'Label_start', targetId: 'Print' },
          Flow_4: { id: 'Flow_4', sourceId: 'Print', targetId: 'Label_end' },
          Flow_5: { id: 'Flow_5', sourceId: 'Label', targetId: 'Pack_end' },
          Flow_6: { id: 'Flow_6', sourceId: 'Pack', targetId: 'End' },
        },
        formIds: [],
      },
    ]);
  });

  it('compiles gateways: default flows, conditions without their "=", parallel fork and join, a FEEL script task, a none throw event', async () => {
    expect(await compiled('gateways.bpmn')).toEqual([
      {
        modelVersion: 3,
        id: 'routing',
        startEventId: 'Start',
        children: ['Start', 'Score', 'Risk', 'Checks', 'Fork', 'Checked', 'Join', 'Merge', 'End'],
        elements: {
          Start: { id: 'Start', type: 'bpmn:StartEvent', incoming: [], outgoing: ['Flow_1'] },
          Score: { id: 'Score', type: 'bpmn:ScriptTask', incoming: ['Flow_1'], outgoing: ['Flow_2'], script: { expression: 'amount / 100', resultVariable: 'score' } },
          Risk: { id: 'Risk', type: 'bpmn:ExclusiveGateway', name: 'Risk?', incoming: ['Flow_2'], outgoing: ['Flow_high', 'Flow_low'], defaultFlow: 'Flow_low' },
          Checks: { id: 'Checks', type: 'bpmn:InclusiveGateway', incoming: ['Flow_high'], outgoing: ['Flow_fraud', 'Flow_basic'], defaultFlow: 'Flow_basic' },
          Fork: { id: 'Fork', type: 'bpmn:ParallelGateway', incoming: ['Flow_fraud', 'Flow_basic'], outgoing: ['Flow_a', 'Flow_b'] },
          Checked: { id: 'Checked', type: 'bpmn:IntermediateThrowEvent', incoming: ['Flow_b'], outgoing: ['Flow_c'] },
          Join: { id: 'Join', type: 'bpmn:ParallelGateway', incoming: ['Flow_a', 'Flow_c'], outgoing: ['Flow_d'] },
          Merge: { id: 'Merge', type: 'bpmn:ExclusiveGateway', incoming: ['Flow_low', 'Flow_d'], outgoing: ['Flow_e'] },
          End: { id: 'End', type: 'bpmn:EndEvent', incoming: ['Flow_e'], outgoing: [], terminate: false },
        },
        flows: {
          Flow_1: { id: 'Flow_1', sourceId: 'Start', targetId: 'Score' },
          Flow_2: { id: 'Flow_2', sourceId: 'Score', targetId: 'Risk' },
          Flow_high: { id: 'Flow_high', name: 'high', sourceId: 'Risk', targetId: 'Checks', condition: 'score > 5' },
          Flow_low: { id: 'Flow_low', name: 'low', sourceId: 'Risk', targetId: 'Merge' },
          Flow_fraud: { id: 'Flow_fraud', sourceId: 'Checks', targetId: 'Fork', condition: 'international' },
          Flow_basic: { id: 'Flow_basic', sourceId: 'Checks', targetId: 'Fork' },
          Flow_a: { id: 'Flow_a', sourceId: 'Fork', targetId: 'Join' },
          Flow_b: { id: 'Flow_b', sourceId: 'Fork', targetId: 'Checked' },
          Flow_c: { id: 'Flow_c', sourceId: 'Checked', targetId: 'Join' },
          Flow_d: { id: 'Flow_d', sourceId: 'Join', targetId: 'Merge' },
          Flow_e: { id: 'Flow_e', sourceId: 'Merge', targetId: 'End' },
        },
        formIds: [],
      },
    ]);
  });

  it('compiles events, calls and loops: message start events, timers, boundary events (attached to their activity), error end events, call activities, multi-instance', async () => {
    expect(await compiled('events-calls-loops.bpmn')).toEqual([
      {
        modelVersion: 3,
        id: 'fulfilment',
        startEventId: 'Start',
        messageStartEvents: [{ elementId: 'Placed', messageName: 'order-placed' }],
        children: ['Start', 'Placed', 'Wait', 'Ship', 'Ship_late', 'Late', 'Pack', 'No_stock', 'Any_error', 'End'],
        elements: {
          Start: { id: 'Start', type: 'bpmn:StartEvent', incoming: [], outgoing: ['Flow_1'] },
          Placed: {
            id: 'Placed',
            type: 'bpmn:StartEvent',
            incoming: [],
            outgoing: ['Flow_2'],
            messageName: 'order-placed',
            trigger: { kind: 'message', messageName: { kind: 'static', value: 'order-placed' } },
          },
          Wait: {
            id: 'Wait',
            type: 'bpmn:IntermediateCatchEvent',
            incoming: ['Flow_1', 'Flow_2'],
            outgoing: ['Flow_3'],
            trigger: { kind: 'timer', timer: { kind: 'duration', value: { kind: 'static', value: 'PT30S' } } },
          },
          Ship: {
            id: 'Ship',
            type: 'bpmn:CallActivity',
            incoming: ['Flow_3'],
            outgoing: ['Flow_4'],
            ioMapping: {
              inputs: [{ source: { kind: 'feel', expression: 'order' }, target: 'order' }],
              outputs: [{ source: { kind: 'feel', expression: 'trackingCode' }, target: 'tracking' }],
            },
            multiInstance: {
              sequential: false,
              inputCollection: 'parcels',
              inputElement: 'parcel',
              outputCollection: 'trackingCodes',
              outputElement: 'tracking',
              completionCondition: 'numberOfCompletedInstances = 2',
            },
            calledElement: {
              processId: { kind: 'feel', expression: '"ship-" + carrier' },
              bindingType: 'latest',
              propagateAllParentVariables: false,
              propagateAllChildVariables: false,
            },
            boundaryEventIds: ['Ship_late'],
          },
          Ship_late: {
            id: 'Ship_late',
            type: 'bpmn:BoundaryEvent',
            incoming: [],
            outgoing: ['Flow_late'],
            attachedToId: 'Ship',
            interrupting: true,
            trigger: { kind: 'timer', timer: { kind: 'date', value: { kind: 'feel', expression: 'deadline' } } },
          },
          Late: { id: 'Late', type: 'bpmn:EndEvent', incoming: ['Flow_late'], outgoing: [], terminate: false },
          Pack: {
            id: 'Pack',
            type: 'bpmn:SubProcess',
            incoming: ['Flow_4'],
            outgoing: ['Flow_6'],
            multiInstance: { sequential: true, inputCollection: 'boxes' },
            startEventId: 'Pack_start',
            children: ['Pack_start', 'Pack_fail'],
            boundaryEventIds: ['No_stock', 'Any_error'],
          },
          Pack_start: { id: 'Pack_start', type: 'bpmn:StartEvent', parentId: 'Pack', incoming: [], outgoing: ['Flow_5'] },
          Pack_fail: {
            id: 'Pack_fail',
            type: 'bpmn:EndEvent',
            parentId: 'Pack',
            incoming: ['Flow_5'],
            outgoing: [],
            terminate: false,
            error: { errorCode: { kind: 'feel', expression: '"E-" + reason' } },
          },
          No_stock: {
            id: 'No_stock',
            type: 'bpmn:BoundaryEvent',
            incoming: [],
            outgoing: ['Flow_stock'],
            attachedToId: 'Pack',
            interrupting: true,
            trigger: { kind: 'error', errorCode: 'OUT_OF_STOCK' },
          },
          Any_error: { id: 'Any_error', type: 'bpmn:BoundaryEvent', incoming: [], outgoing: ['Flow_any'], attachedToId: 'Pack', interrupting: true, trigger: { kind: 'error' } },
          End: { id: 'End', type: 'bpmn:EndEvent', incoming: ['Flow_stock', 'Flow_any', 'Flow_6'], outgoing: [], terminate: false },
        },
        flows: {
          Flow_1: { id: 'Flow_1', sourceId: 'Start', targetId: 'Wait' },
          Flow_2: { id: 'Flow_2', sourceId: 'Placed', targetId: 'Wait' },
          Flow_3: { id: 'Flow_3', sourceId: 'Wait', targetId: 'Ship' },
          Flow_late: { id: 'Flow_late', sourceId: 'Ship_late', targetId: 'Late' },
          Flow_4: { id: 'Flow_4', sourceId: 'Ship', targetId: 'Pack' },
          Flow_5: { id: 'Flow_5', sourceId: 'Pack_start', targetId: 'Pack_fail' },
          Flow_stock: { id: 'Flow_stock', sourceId: 'No_stock', targetId: 'End' },
          Flow_any: { id: 'Flow_any', sourceId: 'Any_error', targetId: 'End' },
          Flow_6: { id: 'Flow_6', sourceId: 'Pack', targetId: 'End' },
        },
        formIds: [],
      },
    ]);
  });

  it('compiles a process only messages start without startEventId, and call activity defaults (latest, propagate both ways)', async () => {
    const result = await compileFixture('message-start-event/valid/message-starts.bpmn');
    const [process] = result.ok ? result.processes : [];
    expect(process).not.toHaveProperty('startEventId');
    expect(process?.messageStartEvents).toEqual([
      { elementId: 'Placed', messageName: 'order-placed' },
      { elementId: 'Imported', messageName: 'order-imported' },
    ]);

    const calls = await compileFixture('call-activity/valid/calls.bpmn');
    const elements = calls.ok ? calls.processes[0]!.elements : {};
    expect(elements['Static']).toMatchObject({ calledElement: { processId: { kind: 'static', value: 'child' }, bindingType: 'latest', propagateAllParentVariables: true, propagateAllChildVariables: true } });
    expect(elements['Dynamic']).toMatchObject({ calledElement: { bindingType: 'deployment', propagateAllChildVariables: false, propagateAllParentVariables: true } });
    expect(elements['Tagged']).toMatchObject({ calledElement: { bindingType: 'versionTag', versionTag: 'v1' } });
  });

  it('produces plain JSON: a stored model reads back equal', async () => {
    for (const fixture of ['user-tasks.bpmn', 'service-tasks.bpmn', 'subprocess.bpmn', 'gateways.bpmn', 'events-calls-loops.bpmn']) {
      const processes = await compiled(fixture);
      expect(JSON.parse(JSON.stringify(processes))).toStrictEqual(processes);
    }
  });
});
