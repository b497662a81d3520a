import { fileURLToPath } from 'node:url';
import createCamundaClient from '@camunda8/orchestration-cluster-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { historyOf } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * The trip-booking sample (processes/trip-booking.bpmn) worked by job workers of Camunda's own npm
 * client, the way Camunda users write them: the car rental throws CAR_UNAVAILABLE for a luxury car
 * (`job.error`), after which the workers see the flight cancelled, then the hotel, then the email;
 * a compact car books everything and cancels nothing.
 */
const TRIP_BOOKING = fileURLToPath(new URL('../../processes/trip-booking.bpmn', import.meta.url));

let engine: TestEngine;
let client: ReturnType<typeof createCamundaClient>;

beforeAll(async () => {
  engine = await startTestEngine();
  client = createCamundaClient({
    config: {
      CAMUNDA_REST_ADDRESS: engine.url,
      CAMUNDA_AUTH_STRATEGY: 'BASIC',
      CAMUNDA_BASIC_AUTH_USERNAME: 'demo',
      CAMUNDA_BASIC_AUTH_PASSWORD: 'demo',
      CAMUNDA_SDK_VALIDATION: 'strict',
      CAMUNDA_SDK_LOG_LEVEL: 'error',
    } as never,
  });
  await client.deployResourcesFromFiles([TRIP_BOOKING]);
});

afterAll(async () => {
  await engine?.stop();
});

describe('the trip-booking saga with Camunda client workers', () => {
  it('a luxury car cannot be booked: the flight is cancelled, then the hotel, then the traveller is told; a compact car cancels nothing', async () => {
    const calls = new Map<string, string[]>();
    const record = (job: any) => calls.set(job.variables.tripId, [...(calls.get(job.variables.tripId) ?? []), job.type]);
    const worker = (jobType: string, handle: (job: any) => Promise<unknown>) =>
      client.createJobWorker({ jobType, maxParallelJobs: 2, jobTimeoutMs: 30_000, pollIntervalMs: 50, jobHandler: handle } as never);
    const workers = [
      worker('book-hotel', async (job) => (record(job), job.complete({ hotelBookingId: `H-${job.variables.tripId}` }))),
      worker('book-flight', async (job) => (record(job), job.complete({ flightBookingId: `F-${job.variables.tripId}` }))),
      worker('book-car', async (job) => {
        record(job);
        if (job.variables.carCategory === 'luxury') return job.error({ errorCode: 'CAR_UNAVAILABLE', errorMessage: 'No luxury car left' });
        return job.complete({ carBookingId: `C-${job.variables.tripId}` });
      }),
      worker('cancel-flight', async (job) => (record(job), job.complete({ flightCancelled: job.variables.flightBookingId }))),
      worker('cancel-hotel', async (job) => (record(job), job.complete({ hotelCancelled: job.variables.hotelBookingId }))),
      worker('send-email', async (job) => (record(job), job.complete({ lastEmailSubject: job.customHeaders.template }))),
    ];
    try {
      const luxury = (await client.createProcessInstance({ processDefinitionId: 'trip-booking', variables: { tripId: 'T-LUX', carCategory: 'luxury' } } as never)) as any;
      const compact = (await client.createProcessInstance({ processDefinitionId: 'trip-booking', variables: { tripId: 'T-CMP', carCategory: 'compact' } } as never)) as any;
      for (const started of [luxury, compact]) {
        await eventually(
          async () => ((await client.getProcessInstance({ processInstanceKey: started.processInstanceKey } as never, { consistency: { waitUpToMs: 0 } } as never)) as any).state,
          (state) => state === 'COMPLETED',
          `trip ${started.processInstanceKey} to complete`,
        );
      }
      expect(calls.get('T-LUX')).toEqual(['book-hotel', 'book-flight', 'book-car', 'cancel-flight', 'cancel-hotel', 'send-email']);
      expect(calls.get('T-CMP')).toEqual(['book-hotel', 'book-flight', 'book-car', 'send-email']);

      const handlers = (await historyOf(engine, luxury.processInstanceKey)).filter((e) => e.eventType === 'COMPENSATION_HANDLER_COMPLETED').map((e) => `${e.elementId} ${e.details.handlerElementId}`);
      expect(handlers).toEqual(['book-flight cancel-flight', 'book-hotel cancel-hotel']);
      const variables = (await client.searchVariables({ filter: { processInstanceKey: luxury.processInstanceKey } } as never, { consistency: { waitUpToMs: 0 } } as never)) as any;
      const byName = Object.fromEntries(variables.items.map((v: any) => [v.name, JSON.parse(v.value)]));
      expect(byName).toMatchObject({ flightCancelled: 'F-T-LUX', hotelCancelled: 'H-T-LUX', lastEmailSubject: 'trip-cancelled' });
    } finally {
      for (const running of workers) running.stop();
    }
  });
});
