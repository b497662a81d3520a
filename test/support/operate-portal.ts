import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { deploy } from './deploy.js';
import { usePortalEngine, type PortalTestContext } from './portal.js';
import { send } from './process-api.js';

/**
 * What the operate browser tests share: an engine with `processes/` and the card payment fixture
 * (start → service task `operate-charge-card`, retries 1 → end, with a diagram) deployed, signed-in
 * browsers, REST calls as other systems and workers make them, and the instance page's steps.
 */

export { hasHorizontalScroll, screenshot } from './browser.js';

export const PAYMENT_BPMN = fileURLToPath(new URL('../fixtures/operate/operate-payment.bpmn', import.meta.url));
export const PAYMENT_JOB_TYPE = 'operate-charge-card';

export interface OperateTestContext extends PortalTestContext {
  /** A REST call that must succeed; returns the body. */
  rest(method: string, path: string, json?: unknown, user?: string): Promise<any>;
  /** Starts a card payment; returns its key. */
  startPayment(businessId: string): Promise<string>;
  /** Activates the payment job of the instance as a REST worker; returns the job key. */
  activatePaymentJob(processInstanceKey: string): Promise<string>;
  /** A REST worker activates the payment job of the instance and completes it with `variables`; returns the job key. */
  completePaymentJob(processInstanceKey: string, variables?: Record<string, unknown>): Promise<string>;
  /** Starts a payment and fails its job with no retries left: an incident JOB_NO_RETRIES. */
  paymentWithIncident(businessId: string, errorMessage: string): Promise<{ key: string; jobKey: string }>;
  instanceState(processInstanceKey: string): Promise<string>;
}

/** Registers the hooks (engine per file, browsers per test) and returns the helpers. */
export function useOperateEngine(): OperateTestContext {
  const portal = usePortalEngine({ processesDir: 'processes' }, async (engine) => {
    expect((await deploy(engine, [PAYMENT_BPMN])).status).toBe(200);
  });

  const rest = async (method: string, path: string, json?: unknown, user = 'demo') => {
    const { status, body } = await send(portal.engine(), method, path, json, user);
    expect(status, `${method} ${path}: ${JSON.stringify(body)}`).toBeLessThan(300);
    return body;
  };
  const activatePaymentJob = async (processInstanceKey: string) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const { jobs } = await rest('POST', '/v2/jobs/activation', { type: PAYMENT_JOB_TYPE, timeout: 600_000, maxJobsToActivate: 10, requestTimeout: 5_000 }, 'worker');
      const job = jobs.find((j: any) => j.processInstanceKey === processInstanceKey);
      if (job) return job.jobKey as string;
    }
    throw new Error(`No job of ${processInstanceKey} was offered`);
  };
  const startPayment = async (businessId: string) =>
    (await rest('POST', '/v2/process-instances', { processDefinitionId: 'operate-payment', businessId, variables: { amount: 42.5, currency: 'EUR' } })).processInstanceKey as string;

  return {
    ...portal,
    rest,
    startPayment,
    activatePaymentJob,
    completePaymentJob: async (processInstanceKey, variables = {}) => {
      const jobKey = await activatePaymentJob(processInstanceKey);
      await rest('POST', `/v2/jobs/${jobKey}/completion`, { variables }, 'worker');
      return jobKey;
    },
    paymentWithIncident: async (businessId, errorMessage) => {
      const key = await startPayment(businessId);
      const jobKey = await activatePaymentJob(key);
      await rest('POST', `/v2/jobs/${jobKey}/failure`, { retries: 0, errorMessage }, 'worker');
      return { key, jobKey };
    },
    instanceState: async (processInstanceKey) => (await rest('GET', `/v2/process-instances/${processInstanceKey}`)).state,
  };
}

/** The diagram element (shape or connection) bpmn-js drew for a BPMN id. */
export const diagramElement = (page: Page, id: string) => page.locator(`.instance-diagram .djs-element[data-element-id="${id}"]`);

/** The instance page's state badge. */
export const stateBadge = (page: Page) => page.locator('.instance-header .state-badge');

/** The instance page's list of its one open incident. */
export const incidentList = (page: Page) => page.getByRole('region', { name: '1 incident' });

/**
 * Waits for the instance page to show one incident with `message`: listed, the state "Incident",
 * the element `elementId` red on the diagram with the count 1. Returns the incident list.
 */
export async function expectIncidentShown(page: Page, elementId: string, message: string): Promise<Locator> {
  await incidentList(page).getByText(message).waitFor();
  await expect.poll(() => stateBadge(page).textContent()).toBe('Incident');
  await diagramElement(page, elementId).and(page.locator('.op-incident')).waitFor();
  expect(await page.locator('.op-badge-incident').textContent()).toBe('1');
  return incidentList(page);
}

/**
 * An admin gives the failed job of the incident at `elementName` `retries` retries and presses
 * Retry; waits until the page announces it and the incident is gone.
 */
export async function retryIncident(page: Page, elementName: string, retries: number): Promise<void> {
  await incidentList(page).getByLabel('Retries').fill(String(retries));
  await incidentList(page).getByRole('button', { name: `Retry ${elementName}` }).click();
  await page.getByRole('status').filter({ hasText: `Retrying ${elementName}: its job is offered to workers again with ${retries} ${retries === 1 ? 'retry' : 'retries'}.` }).waitFor();
  await incidentList(page).waitFor({ state: 'detached' });
}

/**
 * Waits for the instance page to show the instance completed (it refreshes by itself) with
 * `elementIds` completed and `flowIds` taken on the diagram: the path marked.
 */
export async function expectCompletedPath(page: Page, elementIds: readonly string[], flowIds: readonly string[] = []): Promise<void> {
  await expect.poll(() => stateBadge(page).textContent(), { timeout: 15_000 }).toBe('Completed');
  for (const id of elementIds) await diagramElement(page, id).and(page.locator('.op-completed')).waitFor();
  // attached, not visible: Playwright counts a straight connection (a box without height) as hidden
  for (const id of flowIds) await diagramElement(page, id).and(page.locator('.op-flow-taken')).waitFor({ state: 'attached' });
}
