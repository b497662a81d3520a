import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, screenshot as saveScreenshot, type LaunchedBrowser, type LaunchBrowserOptions } from './browser.js';
import { deploy } from './deploy.js';
import { assertPortalBuilt, signInThroughPortal } from './portal.js';
import { send } from './process-api.js';
import { startTestEngine, type TestEngine } from './test-engine.js';

/**
 * What the operate browser tests share: an engine with `processes/` and the card payment fixture
 * (start → service task `operate-charge-card`, retries 1 → end, with a diagram) deployed, signed-in
 * browsers, REST calls as other systems and workers make them, and locators for the instance page.
 */

// The browser globals used inside page.evaluate callbacks (the root tsconfig has no DOM lib).
declare const document: { documentElement: { scrollWidth: number; clientWidth: number } };
declare const window: { scrollTo(x: number, y: number): void };

export const PAYMENT_BPMN = fileURLToPath(new URL('../fixtures/operate/operate-payment.bpmn', import.meta.url));
export const PAYMENT_JOB_TYPE = 'operate-charge-card';

export interface OperateTestContext {
  engine(): TestEngine;
  /** A fresh browser signed in as `username` on `path`; closed after the test. */
  openAs(username: string, path: string, options?: LaunchBrowserOptions): Promise<LaunchedBrowser>;
  /** A REST call that must succeed; returns the body. */
  rest(method: string, path: string, json?: unknown, user?: string): Promise<any>;
  /** Starts a card payment; returns its key. */
  startPayment(businessId: string): Promise<string>;
  /** Activates the payment job of the instance as a REST worker; returns the job key. */
  activatePaymentJob(processInstanceKey: string): Promise<string>;
  /** Starts a payment and fails its job with no retries left: an incident JOB_NO_RETRIES. */
  paymentWithIncident(businessId: string, errorMessage: string): Promise<{ key: string; jobKey: string }>;
  instanceState(processInstanceKey: string): Promise<string>;
}

/** Registers the hooks (engine per file, browsers per test) and returns the helpers. */
export function useOperateEngine(): OperateTestContext {
  let engine: TestEngine;
  const browsers: LaunchedBrowser[] = [];

  beforeAll(async () => {
    assertPortalBuilt();
    engine = await startTestEngine({ processesDir: 'processes' });
    expect((await deploy(engine, [PAYMENT_BPMN])).status).toBe(200);
  });
  afterEach(async () => {
    await Promise.all(browsers.splice(0).map((browser) => browser.close()));
  });
  afterAll(async () => {
    await engine?.stop();
  });

  const rest = async (method: string, path: string, json?: unknown, user = 'demo') => {
    const { status, body } = await send(engine, method, path, json, user);
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
    engine: () => engine,
    openAs: async (username, path, options) => {
      const browser = await launchBrowser(options);
      browsers.push(browser);
      await signInThroughPortal(browser.page, engine.url, username, path);
      return browser;
    },
    rest,
    startPayment,
    activatePaymentJob,
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

export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** A full-page screenshot from the top (the sticky header would otherwise sit mid-page). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, name);
}
