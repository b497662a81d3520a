import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBpmn, type BpmnCompileResult } from '../src/index.js';
import { REPO_ROOT, project } from './support/fixtures.js';

/**
 * The real models in ../shared/models (published by others, see SOURCES.md): every one either
 * deploys or is refused with problems that name each element — none crashes. The table below is
 * the expected outcome per file; a change in it is a deliberate change in what Baton accepts.
 */
const MODELS_DIR = path.resolve(REPO_ROOT, '../shared/models');
const FOLDERS = ['camunda8', 'miwg'];
const available = FOLDERS.every((folder) => fs.existsSync(path.join(MODELS_DIR, folder)));

type Expected = 'accepted' | { refused: string[] };

/**
 * The rules that refuse each model. Two models use FEEL that only Camunda's dialect accepts
 * (backtick names, line breaks in strings); FeelService handles both, so FEEL does not refuse them.
 */
const EXPECTED: Record<string, Expected> = {
  // camunda8/
  'camunda8/c8ctl__min-usertask.bpmn': 'accepted',
  'camunda8/c8ctl__simple-timer-event.bpmn': 'accepted',
  'camunda8/camunda-7-to-8-migration__converted-c8-payment_process.bpmn': 'accepted',
  'camunda8/camunda-7-to-8-migration__process.bpmn': 'accepted',
  'camunda8/camunda-7-to-8-migration__sub-process.bpmn': 'accepted',
  'camunda8/camunda-7-to-8-migration__test-with-error-event.bpmn': 'accepted',
  'camunda8/camunda-8-benchmark__complex_process.bpmn': 'accepted',
  'camunda8/camunda-8-benchmark__complex_subprocess.bpmn': { refused: ['supported-element'] },
  'camunda8/camunda-8-benchmark__msg_process.bpmn': 'accepted',
  'camunda8/camunda-8-benchmark__seq-2tasks-msg-start-no-job-types.bpmn': { refused: ['job-type'] },
  'camunda8/camunda-8-benchmark__typical_process.bpmn': 'accepted',
  'camunda8/camunda-8-helm-profiles__hello_webhook.bpmn': 'accepted',
  'camunda8/camunda-8-js-sdk__Client-BrokenBpmn.bpmn': { refused: ['job-type', 'message-subscription'] },
  'camunda8/camunda-8-js-sdk__Client-DeployWorkflow.bpmn': 'accepted',
  'camunda8/camunda-8-js-sdk__Client-MessageStart.bpmn': 'accepted',
  'camunda8/camunda-8-js-sdk__Client-ThrowError.bpmn': 'accepted',
  'camunda8/camunda-8-js-sdk__MigrateProcess-Version-1.bpmn': 'accepted',
  'camunda8/camunda-8-js-sdk__MigrateProcess-Version-2.bpmn': 'accepted',
  'camunda8/camunda-8-js-sdk__Red-Tenant-Process.bpmn': 'accepted',
  'camunda8/camunda-8-js-sdk__Signal.bpmn': 'accepted',
  'camunda8/camunda-8-js-sdk__TasklistTestProcess.bpmn': 'accepted',
  'camunda8/camunda-8-js-sdk__await-outcome.bpmn': 'accepted',
  'camunda8/camunda-8-js-sdk__conditional-pathway.bpmn': 'accepted',
  'camunda8/camunda-8-js-sdk__hello-world.bpmn': 'accepted',
  'camunda8/camunda-8-js-sdk__message-correlation-test.bpmn': 'accepted',
  'camunda8/camunda-8-js-sdk__test-tasks-query.bpmn': 'accepted',
  'camunda8/camunda-8-js-sdk__zeebe-user-task.bpmn': 'accepted',
  'camunda8/camunda-8-tutorials__AI Email Support Agent.bpmn': 'accepted',
  'camunda8/camunda-platform-get-started__send-email.bpmn': 'accepted',
  'camunda8/camunda-process-test-coverage__eventBasedGateway.bpmn': 'accepted',
  'camunda8/connectors__single-webhook-boundary.bpmn': 'accepted',
  'camunda8/connectors__single-webhook-subprocess.bpmn': 'accepted',
  'camunda8/customer-onboarding-camunda-8-springboot-extended__customer-onboarding-extended.bpmn': { refused: ['supported-element'] },
  'camunda8/customer-onboarding-camunda-8-springboot-extended__customer-scoring.bpmn': 'accepted',
  'camunda8/customer-onboarding-camunda-8-springboot__customer-onboarding.bpmn': 'accepted',
  'camunda8/flowing-retail__order-kafka.bpmn': 'accepted',
  'camunda8/flowing-retail__order-zeebe.bpmn': 'accepted',
  'camunda8/flowing-retail__payment.bpmn': 'accepted',
  'camunda8/kafka-connect-zeebe__order.bpmn': 'accepted',
  'camunda8/kafka-connect-zeebe__process.bpmn': 'accepted',
  'camunda8/micronaut-zeebe-client__say_hello.bpmn': 'accepted',
  'camunda8/orchestration-cluster-api-js__form-test-process.bpmn': 'accepted',
  'camunda8/orchestration-cluster-api-js__order-process.bpmn': 'accepted',
  'camunda8/orchestration-cluster-api-js__start-form-test-process.bpmn': 'accepted',
  'camunda8/process-engine-adapters-camunda-8__simple-process.bpmn': 'accepted',
  'camunda8/pyzeebe__test.bpmn': 'accepted',
  'camunda8/spring-zeebe__demoProcess.bpmn': 'accepted',
  'camunda8/ticket-booking-camunda-8__ticket-booking.bpmn': 'accepted',
  'camunda8/zeebe-chaos__actionRunner.bpmn': 'accepted',
  'camunda8/zeebe-chaos__call.bpmn': 'accepted',
  'camunda8/zeebe-chaos__chaosExperiment.bpmn': 'accepted',
  'camunda8/zeebe-chaos__chaosTimerStart.bpmn': 'accepted',
  'camunda8/zeebe-chaos__chaosToolkit.bpmn': 'accepted',
  'camunda8/zeebe-chaos__msg-catch.bpmn': 'accepted',
  'camunda8/zeebe-chaos__multiVersionModel.bpmn': { refused: ['supported-element'] },
  'camunda8/zeebe-cherry-runtime__LoadTest.bpmn': 'accepted',
  'camunda8/zeebe-cherry-runtime__SayHello.bpmn': 'accepted',
  'camunda8/zeebe-client-csharp-accelerator__process.bpmn': 'accepted',
  'camunda8/zeebe-client-csharp-accelerator__thread-test.bpmn': 'accepted',
  'camunda8/zeebe-client-csharp__timerProcess.bpmn': 'accepted',
  'camunda8/zeebe-play__solos-transport-process.bpmn': { refused: ['supported-element'] },
  'camunda8/zeebe-process-test__alternate-start-end.bpmn': 'accepted',
  'camunda8/zeebe-process-test__automated-tests.bpmn': 'accepted',
  'camunda8/zeebe-process-test__call-activity.bpmn': 'accepted',
  'camunda8/zeebe-process-test__looping-servicetask.bpmn': 'accepted',
  'camunda8/zeebe-process-test__message-event.bpmn': 'accepted',
  'camunda8/zeebe-process-test__message-start-event.bpmn': 'accepted',
  'camunda8/zeebe-process-test__multiple-call-activity.bpmn': 'accepted',
  'camunda8/zeebe-process-test__multiple-tasks.bpmn': 'accepted',
  'camunda8/zeebe-process-test__named-elements.bpmn': 'accepted',
  'camunda8/zeebe-process-test__pr-created.bpmn': 'accepted',
  'camunda8/zeebe-process-test__start-end.bpmn': 'accepted',
  'camunda8/zeebe-process-test__test_timer_events.bpmn': 'accepted',
  'camunda8/zeebe-process-test__timer-start-event-daily.bpmn': 'accepted',
  'camunda8/zeebe-simple-monitor__orderProcess.bpmn': 'accepted',
  'camunda8/zeebe-simple-monitor__payment.bpmn': 'accepted',
  'camunda8/zeebe-simple-monitor__ship-parcel.bpmn': 'accepted',
  'camunda8/zeebe-simple-tasklist__Process_162pre5.bpmn': 'accepted',
  // miwg/
  'miwg/bpmn-miwg-test-suite__A.1.0.bpmn': { refused: ['executable-process'] },
  'miwg/bpmn-miwg-test-suite__A.2.0.bpmn': { refused: ['executable-process'] },
  'miwg/bpmn-miwg-test-suite__A.2.1.bpmn': { refused: ['executable-process'] },
  'miwg/bpmn-miwg-test-suite__A.3.0.bpmn': { refused: ['executable-process'] },
  'miwg/bpmn-miwg-test-suite__A.4.0.bpmn': { refused: ['executable-process'] },
  'miwg/bpmn-miwg-test-suite__A.4.1.bpmn': { refused: ['executable-process'] },
  'miwg/bpmn-miwg-test-suite__B.1.0.bpmn': { refused: ['executable-process'] },
  'miwg/bpmn-miwg-test-suite__B.2.0.bpmn': { refused: ['executable-process'] },
  'miwg/bpmn-miwg-test-suite__C.1.0.bpmn': { refused: ['feel-expression', 'job-type'] },
  'miwg/bpmn-miwg-test-suite__C.1.1.bpmn': { refused: ['feel-expression', 'job-type'] },
  'miwg/bpmn-miwg-test-suite__C.2.0.bpmn': { refused: ['executable-process'] },
  'miwg/bpmn-miwg-test-suite__C.3.0.bpmn': { refused: ['feel-expression', 'gateway-exit', 'message-subscription', 'start-end-event'] },
  'miwg/bpmn-miwg-test-suite__C.4.0.bpmn': { refused: ['executable-process'] },
  'miwg/bpmn-miwg-test-suite__C.5.0.bpmn': { refused: ['executable-process'] },
  'miwg/bpmn-miwg-test-suite__C.6.0.bpmn': { refused: ['executable-process'] },
  'miwg/bpmn-miwg-test-suite__C.7.0.bpmn': { refused: ['executable-process'] },
  'miwg/bpmn-miwg-test-suite__C.8.0.bpmn': { refused: ['executable-process'] },
  'miwg/bpmn-miwg-test-suite__C.8.1.bpmn': { refused: ['feel-expression'] },
  'miwg/bpmn-miwg-test-suite__C.9.0.bpmn': { refused: ['supported-element'] },
  'miwg/bpmn-miwg-test-suite__C.9.1.bpmn': 'accepted',
  'miwg/bpmn-miwg-test-suite__C.9.2.bpmn': 'accepted',
};

/** index.json element kinds (see SOURCES.md) that Baton does not execute. */
const UNSUPPORTED_KINDS = [
  /^boundary:(?!(timer|message|signal|error|escalation|conditional)(\(non-int\))?$)/,
  /^intermediateCatch:(?!timer$|message$|signal$|conditional$|link$)/,
  /^eventSubProcessStart:(?!(timer|message|signal|error|escalation|conditional)(\(non-int\))?$)/,
  /^startEvent:(?!none$|message$|timer$|signal$)/,
  /^endEvent:(?!none$|terminate$|message$|error$|signal$|escalation$)/,
  /^intermediateThrow:(?!none$|message$|signal$|escalation$|link$)/,
  /^business rule task -> DMN decision$/,
];

interface IndexEntry {
  elementCounts: Record<string, number>;
  executable?: string[] | null;
}

function readIndex(): Record<string, Record<string, IndexEntry>> {
  return JSON.parse(fs.readFileSync(path.join(MODELS_DIR, 'index.json'), 'utf8')) as Record<string, Record<string, IndexEntry>>;
}

const files = available
  ? FOLDERS.flatMap((folder) =>
      fs
        .readdirSync(path.join(MODELS_DIR, folder))
        .filter((file) => file.endsWith('.bpmn'))
        .sort()
        .map((file) => `${folder}/${file}`),
    )
  : [];

const results = new Map<string, BpmnCompileResult>();
async function compileModel(file: string): Promise<BpmnCompileResult> {
  let result = results.get(file);
  if (result === undefined) {
    result = await compileBpmn(fs.readFileSync(path.join(MODELS_DIR, file), 'utf8'), { resourceName: path.basename(file) });
    results.set(file, result);
  }
  return result;
}

describe.skipIf(!available)(`real models in ${MODELS_DIR}`, () => {
  it('lists every model in the expectation table, and nothing else', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...files].sort());
  });

  it.each(files)('%s: deploys, or is refused with problems naming each element, as expected', async (file) => {
    const result = await compileModel(file);
    const expected = EXPECTED[file];
    if (result.ok) {
      expect(result.processes.length).toBeGreaterThan(0);
      expect(expected).toBe('accepted');
      return;
    }
    for (const problem of result.problems) {
      expect(problem).toMatchObject({ rule: expect.any(String), message: expect.any(String) });
      if (problem.rule !== 'xml' && problem.rule !== 'executable-process') expect(problem.elementId, problem.message).toEqual(expect.any(String));
    }
    expect(expected).not.toBe('accepted');
    if (expected === undefined || expected === 'accepted') return;
    const rules = [...new Set(result.problems.map((problem) => problem.rule))].sort();
    expect(rules).toEqual([...expected.refused].sort());
  });

  it.each(files)('%s: agrees with the element kinds recorded in index.json', async (file) => {
    const [folder, name] = file.split('/') as [string, string];
    const entry = readIndex()[folder]?.[name];
    if (entry === undefined) return;
    const unsupported = Object.keys(entry.elementCounts).filter((kind) => UNSUPPORTED_KINDS.some((pattern) => pattern.test(kind)));
    const result = await compileModel(file);
    if (Array.isArray(entry.executable) && entry.executable.length === 0) {
      expect(result.ok ? [] : result.problems.map((problem) => problem.rule)).toEqual(['executable-process']);
    } else if (unsupported.length > 0) {
      expect(result.ok ? [] : result.problems.map((problem) => problem.rule), `uses ${unsupported.join(', ')}`).toContain('supported-element');
    }
    if (result.ok) expect(unsupported).toEqual([]);
  });

  describe('well-known models', () => {
    it('camunda-8-js-sdk hello-world deploys as process hello-world', async () => {
      const result = await compileModel('camunda8/camunda-8-js-sdk__hello-world.bpmn');
      expect(result.ok && result.processes.map((process) => process.id)).toEqual(['hello-world']);
    });

    it('customer-scoring deploys: its receive task waits for the scoring result by the request id, with a timer boundary event', async () => {
      const result = await compileModel('camunda8/customer-onboarding-camunda-8-springboot-extended__customer-scoring.bpmn');
      const task = result.ok ? result.processes[0]!.elements['TaskWaitForScoringResult'] : undefined;
      expect(task).toMatchObject({ type: 'bpmn:ReceiveTask', trigger: { kind: 'message', correlationKey: { kind: 'feel', expression: 'scoringRequestId' } } });
      expect(task?.boundaryEventIds).toHaveLength(1);
    });

    it('every Camunda 8 model refused before issue 10 only for its events (messages, signals, escalations, event-based gateways, event subprocesses, timer starts, receive tasks) deploys', async () => {
      const waiting = [
        'camunda-8-benchmark__msg_process', 'camunda-8-js-sdk__Client-DeployWorkflow', 'camunda-8-js-sdk__Red-Tenant-Process', 'camunda-8-js-sdk__Signal',
        'camunda-8-js-sdk__message-correlation-test', 'camunda-process-test-coverage__eventBasedGateway', 'connectors__single-webhook-boundary',
        'connectors__single-webhook-subprocess', 'customer-onboarding-camunda-8-springboot-extended__customer-scoring', 'flowing-retail__order-kafka',
        'flowing-retail__payment', 'kafka-connect-zeebe__order', 'kafka-connect-zeebe__process', 'process-engine-adapters-camunda-8__simple-process',
        'ticket-booking-camunda-8__ticket-booking', 'zeebe-chaos__chaosTimerStart', 'zeebe-chaos__msg-catch', 'zeebe-process-test__message-event',
        'zeebe-process-test__pr-created', 'zeebe-process-test__timer-start-event-daily', 'zeebe-simple-monitor__payment',
      ];
      const refused: string[] = [];
      for (const name of waiting) if (!(await compileModel(`camunda8/${name}.bpmn`)).ok) refused.push(name);
      expect(refused).toEqual([]);
    });

    it('the models still refused for issue 10 events: none; what refuses the others is DMN or a broken model (the ad-hoc AI agent deploys since issue 11)', async () => {
      const refusedFor = async (name: string) => {
        const result = await compileModel(`camunda8/${name}.bpmn`);
        return result.ok ? [] : result.problems.map((problem) => `${problem.rule} ${problem.elementId ?? ''}`);
      };
      expect(await refusedFor('camunda-8-tutorials__AI Email Support Agent')).toEqual([]);
      expect(await refusedFor('zeebe-play__solos-transport-process')).toEqual(['supported-element Activity_1yxzu88']);
    });

    it('the deliberately broken js-sdk model is refused for its static correlation key, which Camunda refuses too', async () => {
      const result = await compileModel('camunda8/camunda-8-js-sdk__Client-BrokenBpmn.bpmn');
      expect(result.ok ? [] : result.problems.filter((problem) => problem.rule === 'message-subscription').map(project)).toEqual([
        {
          rule: 'message-subscription',
          elementId: 'IntermediateCatchEvent_1smhq9d',
          message:
            `Expected the correlation key (zeebe:subscription correlationKey) of bpmn:Message 'Message_0remzna' ('Waiting For A Train That Never Arrives'), ` +
            `which bpmn:IntermediateCatchEvent 'IntermediateCatchEvent_1smhq9d' waits for, to be a FEEL expression (like =orderId) but found the static value 'none': ` +
            'Camunda evaluates it when the subscription opens, usually to read a variable of the instance',
        },
      ]);
    });

    it('every model of run class auto or jobs that uses timers, errors, call activities, multi-instance, message or timer starts deploys', async () => {
      const runnable = [
        'c8ctl__simple-timer-event', 'camunda-7-to-8-migration__test-with-error-event', 'camunda-8-benchmark__complex_process', 'camunda-8-benchmark__typical_process',
        'camunda-8-js-sdk__Client-ThrowError', 'camunda-8-js-sdk__await-outcome', 'pyzeebe__test', 'spring-zeebe__demoProcess', 'zeebe-chaos__actionRunner',
        'zeebe-chaos__chaosExperiment', 'zeebe-chaos__chaosToolkit', 'zeebe-client-csharp-accelerator__thread-test', 'zeebe-client-csharp__timerProcess',
        'zeebe-process-test__automated-tests', 'zeebe-process-test__call-activity', 'zeebe-process-test__multiple-call-activity', 'zeebe-process-test__test_timer_events',
        // started by messages or timers only
        'camunda-8-js-sdk__Client-MessageStart', 'zeebe-process-test__message-start-event', 'zeebe-chaos__chaosTimerStart', 'zeebe-process-test__timer-start-event-daily',
      ];
      const refused: string[] = [];
      for (const name of runnable) if (!(await compileModel(`camunda8/${name}.bpmn`)).ok) refused.push(name);
      expect(refused).toEqual([]);
    });

    it('MIWG A.1.0 is refused: it has no executable process', async () => {
      const result = await compileModel('miwg/bpmn-miwg-test-suite__A.1.0.bpmn');
      expect(result.ok ? [] : result.problems.map(project)).toEqual([
        { rule: 'executable-process', message: `Must contain at least one executable process: expected a bpmn:process with isExecutable="true" but found only non-executable process 'WFP-6-'` },
      ]);
    });

    it('the benchmark model published without job types is refused for each service task (its message start is executed)', async () => {
      const result = await compileModel('camunda8/camunda-8-benchmark__seq-2tasks-msg-start-no-job-types.bpmn');
      expect(result.ok ? [] : result.problems.map((problem) => `${problem.rule} ${problem.elementId}`)).toEqual(['job-type Task_1', 'job-type Task_2']);
    });

    it('the deliberately broken js-sdk model is refused for its empty job type', async () => {
      const result = await compileModel('camunda8/camunda-8-js-sdk__Client-BrokenBpmn.bpmn');
      expect(result.ok ? [] : result.problems.filter((problem) => problem.rule === 'job-type').map(project)).toEqual([
        { rule: 'job-type', elementId: 'ServiceTask_0g6tf5f', message: `Expected a job type (zeebe:taskDefinition type) on bpmn:ServiceTask 'ServiceTask_0g6tf5f' but found an empty type` },
      ]);
    });

    it('a linked start form and an embedded user task form compile to form references', async () => {
      const start = await compileModel('camunda8/orchestration-cluster-api-js__start-form-test-process.bpmn');
      expect(start.ok && start.processes[0]?.formIds).toEqual(['sdk-test-form']);
      const embedded = await compileModel('camunda8/zeebe-client-csharp-accelerator__process.bpmn');
      const userTask = embedded.ok ? Object.values(embedded.processes[0]!.elements).find((node) => node.type === 'bpmn:UserTask') : undefined;
      expect(userTask?.type === 'bpmn:UserTask' && userTask.userTask.form?.kind).toBe('embedded');
    });
  });
});

if (!available) {
  describe('real models', () => {
    it.skip(`skipped: ${MODELS_DIR} (camunda8/, miwg/) is missing`, () => {});
  });
}
