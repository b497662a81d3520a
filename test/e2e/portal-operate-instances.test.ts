import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PHONE } from '../support/browser.js';
import { deploy } from '../support/deploy.js';
import { present } from '../support/eventually.js';
import { expectIncidentShown, hasHorizontalScroll, PAYMENT_BPMN, screenshot, useOperateEngine } from '../support/operate-portal.js';

/**
 * The instances list (filters, sorting, URL state), an unknown instance, a process's versions,
 * an instance and the one its call activity started, and the operate pages on a phone, end to end
 * against a real engine in Chromium.
 */
const ORDER_BPMN = fileURLToPath(new URL('../fixtures/operate/operate-order.bpmn', import.meta.url));
const { engine, openAs, rest, startPayment, paymentWithIncident } = useOperateEngine();

describe('portal: operate instances', () => {
  it('filters, sorts and pages instances, keeping the choice in the URL; shows an unknown instance as the engine says', async () => {
    for (let i = 1; i <= 3; i++) await startPayment(`PAY-LIST-${i}`);
    const { page, unexpectedProblems } = await openAs('demo', '/operate/instances');
    await page.getByRole('heading', { name: 'Instances' }).waitFor();

    await page.getByLabel('Business id').fill('PAY-LIST-*');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/businessId=PAY-LIST-\*/);
    await page.getByRole('status').filter({ hasText: '1–3 of 3 instances' }).waitFor();
    const keys = page.locator('.instances-table tbody th a');
    expect(await page.locator('.instances-table tbody td[data-label="Business id"]').allTextContents()).toEqual(['PAY-LIST-3', 'PAY-LIST-2', 'PAY-LIST-1']);

    // Sorting by the business id column, ascending
    await page.getByRole('button', { name: 'Business id' }).click();
    await page.waitForURL(/sort=businessId%3AASC/);
    await expect.poll(() => page.locator('.instances-table tbody td[data-label="Business id"]').allTextContents()).toEqual(['PAY-LIST-1', 'PAY-LIST-2', 'PAY-LIST-3']);
    expect(await keys.count()).toBe(3);

    // State and incident filters that match nothing
    await page.getByLabel('Only instances with incidents').check();
    await page.getByRole('status').filter({ hasText: 'No instances match' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL(/\/operate\/instances\?sort=businessId%3AASC$/);

    // An unknown instance: the engine's problem detail
    await page.goto(`${engine().url}/operate/instances/999999999`);
    await page.getByRole('alert').filter({ hasText: 'No process instance with key 999999999' }).waitFor();
    expect(unexpectedProblems([/status of 404/])).toEqual([]);
  });

  it('a process with two versions expands to one line per version, each linking to its instances', async () => {
    // Given version 2 of the payment process (the task renamed) with one instance
    const v2 = (await readFile(PAYMENT_BPMN, 'utf8')).replace('name="Charge card"', 'name="Charge the card"');
    expect((await deploy(engine(), [{ name: 'operate-payment.bpmn', content: v2 }])).status).toBe(200);
    await startPayment('PAY-V2-1');

    const { page, unexpectedProblems } = await openAs('demo', '/operate');
    const toggle = page.getByRole('button', { name: /Latest v2 of Card payment/ });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const version2 = page.getByRole('row', { name: /^Version 2 of Card payment/ });
    await version2.getByRole('link', { name: '1 active' }).waitFor();
    await screenshot(page, 'operate-processes-versions-desktop');

    await page.getByRole('link', { name: 'Version 1 of Card payment' }).click();
    await page.waitForURL(/\/operate\/instances\?process=operate-payment&version=1$/);
    await expect.poll(() => page.getByLabel('Version').inputValue()).toBe('1');
    const versions = await page.locator('.instances-table tbody td[data-label="Process"]').allTextContents();
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.every((text) => text.endsWith('v1'))).toBe(true);
    expect(unexpectedProblems()).toEqual([]);
  });

  it('links an instance and the instance its call activity started, both ways', async () => {
    // Given an order whose call activity starts a card payment (which waits for its job)
    expect((await deploy(engine(), [ORDER_BPMN])).status).toBe(200);
    const { processInstanceKey: order } = await rest('POST', '/v2/process-instances', { processDefinitionId: 'operate-order', variables: { amount: 12, currency: 'EUR' } });
    const payment = await present(
      async () => (await rest('POST', '/v2/process-instances/search', { filter: { parentProcessInstanceKey: order } })).items[0]?.processInstanceKey as string | undefined,
      `the payment called by order ${order}`,
      15_000,
    );

    // When the admin opens the order, it lists the payment it called; the payment names its caller
    const { page, unexpectedProblems } = await openAs('demo', `/operate/instances/${order}`);
    const called = page.getByRole('region', { name: 'Called instances' });
    await called.getByRole('link', { name: 'Card payment' }).click();
    await page.waitForURL(`${engine().url}/operate/instances/${payment}`);
    await page.locator('.instance-header dt', { hasText: 'Called by' }).waitFor();
    await page.locator('.instance-header').getByRole('link', { name: order }).click();
    await page.waitForURL(`${engine().url}/operate/instances/${order}`);
    await called.waitFor();
    expect(unexpectedProblems()).toEqual([]);
  });

  it('works on a phone: overview, list and instance page without sideways scrolling', async () => {
    const { key } = await paymentWithIncident('PAY-PHONE-1', 'Card declined by issuer');

    const { page, unexpectedProblems } = await openAs('demo', '/operate', PHONE);
    await page.getByRole('heading', { name: 'Processes' }).waitFor();
    await page.getByRole('link', { name: 'Card payment' }).first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'operate-processes-phone');

    await page.goto(`${engine().url}/operate/instances?process=operate-payment`);
    await page.getByRole('link', { name: key }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'operate-instances-phone');

    await page.getByRole('link', { name: key }).click();
    await expectIncidentShown(page, 'charge-card', 'Card declined by issuer');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'operate-instance-phone');
    expect(unexpectedProblems()).toEqual([]);
  });
});
