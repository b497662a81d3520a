import type { Locator, Page } from 'playwright-core';
import { eventually } from './eventually.js';
import type { OperateTestContext } from './operate-portal.js';

/**
 * Steps of the messages-and-signals browser tests: an order of processes/order-payment.bpmn
 * brought to its event-based gateway over REST (a REST worker sends the payment link), and the
 * instance page's "Waiting for" list and send dialogs.
 */

/** Starts an order of order-payment with `orderId` (its correlation key) and works its request-payment job; returns the instance key once it waits for the payment. */
export async function orderWaitingForPayment(ctx: Pick<OperateTestContext, 'rest'>, orderId: string): Promise<string> {
  const key = (await ctx.rest('POST', '/v2/process-instances', { processDefinitionId: 'order-payment', variables: { orderId, amount: 99.5, customerName: 'Ada Lovelace', customerEmail: 'ada@example.com' } }))
    .processInstanceKey as string;
  await workJob(ctx, key, 'request-payment');
  await eventually(() => ctx.rest('GET', `/v2/process-instances/${key}/waits`), (waits) => waits.items.some((w: any) => w.kind === 'message'), `order ${orderId} to wait for its payment`);
  return key;
}

/** A REST worker activates the job of `type` of the instance and completes it with `variables`. */
export async function workJob(ctx: Pick<OperateTestContext, 'rest'>, processInstanceKey: string, type: string, variables: Record<string, unknown> = {}): Promise<void> {
  const job = await eventually(
    async () => (await ctx.rest('POST', '/v2/jobs/activation', { type, timeout: 600_000, maxJobsToActivate: 10, requestTimeout: 2_000 }, 'worker')).jobs.find((j: any) => j.processInstanceKey === processInstanceKey),
    (found) => found !== undefined,
    `a ${type} job of ${processInstanceKey}`,
  );
  await ctx.rest('POST', `/v2/jobs/${job.jobKey}/completion`, { variables }, 'worker');
}

/** The instance page's "Waiting for" list. */
export const waitingFor = (page: Page): Locator => page.getByRole('region', { name: 'Waiting for' });

/** The send dialog that is open. */
export const sendDialog = (page: Page, title: string): Locator => page.getByRole('dialog', { name: title });

/** The diagram badge of what the element `elementId` waits for. */
export const waitBadge = (page: Page, elementId: string): Locator => page.locator(`.instance-diagram .djs-overlay-container [data-container-id="${elementId}"] .op-wait-badge`);
