import { describe, expect, it } from 'vitest';
import { PHONE } from '../support/browser.js';
import { orderWaitingForPayment, sendDialog, waitBadge, waitingFor, workJob } from '../support/events-portal.js';
import { eventually } from '../support/eventually.js';
import { diagramElement, hasHorizontalScroll, screenshot, stateBadge, useOperateEngine } from '../support/operate-portal.js';

/**
 * Messages and signals in the portal, end to end: a real engine (processes/ deployed), the built
 * portal, Chromium. Orders of processes/order-payment.bpmn wait at their event-based gateway for
 * the message payment-received (correlation key: the order id) or the end of the payment window;
 * the admin sees what they wait for and sends the message from the portal.
 */
const ctx = useOperateEngine();
const { openAs, rest, send } = { ...ctx, send: (path: string, json: unknown, user: string) => ctx.engine().request(path, { method: 'POST', user, json }) };

/** What Chromium logs for the refusals a test provokes; allowed only where it does. */
const LOGGED_404 = /status of 404 .*\/v2\/messages\/correlation/;
const LOGGED_400 = /status of 400 .*\/v2\/messages\/publication/;
const LOGGED_409 = /status of 409 .*\/v2\/messages\/publication/;

describe('portal: messages and signals', () => {
  it('an admin sees what a waiting order waits for, correlates its payment from the instance page, and the history names the message and the admin', async () => {
    const key = await orderWaitingForPayment(ctx, 'ORD-EV-1');
    const { page, unexpectedProblems } = await openAs('demo', `/operate/instances/${key}`);

    // What the gateway's two catch events wait for: listed, and on the diagram
    const waits = waitingFor(page);
    const payment = waits.getByRole('listitem').filter({ hasText: 'Payment received' });
    await payment.getByText('message payment-received · key ORD-EV-1').waitFor();
    expect(await payment.innerText()).toContain('at Payment or timeout?');
    await waits.getByRole('listitem').filter({ hasText: 'Payment window closed' }).getByText(/^timer due /).waitFor();
    expect(await waitBadge(page, 'payment-received').innerText()).toBe('message payment-received · key ORD-EV-1');
    expect(await waitBadge(page, 'payment-window-closed').innerText()).toMatch(/^timer due (\d|[A-Z][a-z]{2} \d)/); // a time today, a day and time when due tomorrow
    await screenshot(page, 'operate-events-waiting-desktop');

    // Variables that are not a JSON object are refused before anything is sent
    await payment.getByRole('button', { name: 'Correlate message… payment-received' }).click();
    const dialog = sendDialog(page, 'Correlate message');
    await dialog.waitFor();
    expect(await dialog.getByLabel('Message name').inputValue()).toBe('payment-received');
    expect(await dialog.getByLabel('Correlation key').inputValue()).toBe('ORD-EV-1');
    await dialog.getByLabel('Variables').fill('{paymentReference: "PAY-778"}');
    await dialog.getByRole('button', { name: 'Correlate message' }).click();
    await dialog.getByText(/^Variables are not valid JSON: /).waitFor();
    await dialog.getByRole('alert').filter({ hasText: 'Nothing was sent: correct the marked fields.' }).waitFor();
    expect(await dialog.getByLabel('Variables').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Variables').fill('["PAY-778"]');
    await dialog.getByRole('button', { name: 'Correlate message' }).click();
    await dialog.getByText('Variables must be a JSON object, like {"paid": true}, not a list.').waitFor();
    expect((await rest('GET', `/v2/process-instances/${key}/waits`)).items).toHaveLength(2);

    // The correlation: the engine's answer names the instance it reached
    await dialog.getByLabel('Variables').fill('{"paymentReference": "PAY-778", "paidAmount": 99.5}');
    await dialog.getByRole('button', { name: 'Correlate message' }).click();
    await dialog.getByRole('status').filter({ hasText: `Message payment-received correlated to instance ${key} (message key ` }).waitFor();
    await screenshot(page, 'operate-events-correlated-dialog-desktop');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The instance moves on by itself: nothing left to wait for, the payment taken, shipping active
    await waits.waitFor({ state: 'detached' });
    await diagramElement(page, 'payment-received').and(page.locator('.op-completed')).waitFor();
    await diagramElement(page, 'ship').and(page.locator('.op-active')).waitFor();
    expect(await page.locator('.op-wait-badge').count()).toBe(0);
    await page.getByRole('table', { name: 'Variables' }).getByRole('row', { name: /paymentReference\s+"PAY-778"\s+Process/ }).waitFor();
    const correlated = page.getByRole('list', { name: 'Events' }).getByRole('listitem').filter({ hasText: 'Message correlated' });
    await correlated.waitFor();
    expect(await correlated.innerText()).toMatch(/Message correlated\s+Payment received\s+payment-received · key ORD-EV-1 · with paymentReference, paidAmount\s+.+ · by demo · CORRELATE_MESSAGE/);
    await screenshot(page, 'operate-events-moved-on-desktop');
    expect(await stateBadge(page).textContent()).toBe('Active');
    expect(unexpectedProblems()).toEqual([]);
  });

  it('the Messages & signals page publishes with buffering and shows the engine’s refusals precisely', async () => {
    const { page, unexpectedProblems } = await openAs('demo', '/operate');
    await page.getByRole('navigation', { name: 'Operations' }).getByRole('link', { name: 'Messages & signals' }).click();
    await page.getByRole('heading', { name: 'Messages & signals', level: 1 }).waitFor();

    // Correlating what nothing waits for: 404, said as such
    await page.getByLabel('Correlate a message').check();
    await page.getByLabel('Message name').fill('payment-received');
    await page.getByLabel('Correlation key').fill('ORD-NOBODY');
    await page.getByRole('button', { name: 'Correlate message' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: /^Nothing waits for it \(404 [A-Z_.]+\): .+/ });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('ORD-NOBODY');
    await screenshot(page, 'operate-events-page-404-desktop');

    // Publishing: buffered for a minute, with a message id; the same id again is refused (409)
    await page.getByLabel('Publish a message').check();
    await page.getByLabel('Message name').fill('payment-received');
    await page.getByLabel('Correlation key').fill('ORD-EV-2');
    await page.getByLabel('Variables').fill('{"paymentReference": "PAY-900"}');
    await page.getByLabel('Time to live (seconds)').fill('600');
    await page.getByLabel('Message id (optional)').fill('pay-ORD-EV-2');
    await page.getByRole('button', { name: 'Publish message' }).click();
    const published = page.getByRole('status').filter({ hasText: /^Message payment-received published: message key \d+\.$/ });
    await published.waitFor();
    await page.getByRole('button', { name: 'Publish message' }).click();
    await page.getByRole('alert').filter({ hasText: /^Already published \(409 MESSAGE\.ALREADY_EXISTS\): .*pay-ORD-EV-2/ }).waitFor();

    // The buffered message reaches the order that waits for it later
    const key = (await rest('POST', '/v2/process-instances', { processDefinitionId: 'order-payment', variables: { orderId: 'ORD-EV-2', amount: 10, customerName: 'Bo', customerEmail: 'bo@example.com' } })).processInstanceKey;
    await workJob(ctx, key, 'request-payment');
    await eventually(() => rest('POST', '/v2/element-instances/search', { filter: { processInstanceKey: key, elementId: 'ship' } }), (found) => found.items.length === 1, 'the buffered payment to move ORD-EV-2 on');

    // Bad input the engine refuses: 400 with its detail; a time to live that is no number is refused before sending
    await page.getByLabel('Message name').fill('x'.repeat(300));
    await page.getByLabel('Message id (optional)').fill('');
    await page.getByRole('button', { name: 'Publish message' }).click();
    await page.getByRole('alert').filter({ hasText: /^Not accepted \(400 [A-Z_.]+\): .*name/ }).waitFor();
    await page.getByLabel('Time to live (seconds)').fill('ten');
    await page.getByRole('button', { name: 'Publish message' }).click();
    await page.getByText('Time to live is a whole number of seconds, 0 or more.').waitFor();
    await screenshot(page, 'operate-events-page-desktop');
    expect(unexpectedProblems([LOGGED_404, LOGGED_400, LOGGED_409])).toEqual([]);
  });

  it('fits the dialog on a phone', async () => {
    const key = await orderWaitingForPayment(ctx, 'ORD-EV-3');
    const { page, unexpectedProblems } = await openAs('demo', `/operate/instances/${key}`, PHONE);
    await waitingFor(page).getByRole('button', { name: 'Publish message… payment-received' }).click();
    const dialog = sendDialog(page, 'Publish message');
    await dialog.waitFor();
    expect(await dialog.getByLabel('Correlation key').inputValue()).toBe('ORD-EV-3');
    // Name and key are filled in: the variables are where to type first
    expect(await dialog.getByLabel('Variables').evaluate((field) => field === (globalThis as any).document.activeElement)).toBe(true);
    await screenshot(page, 'operate-events-dialog-phone');
    expect(await hasHorizontalScroll(page)).toBe(false);
    // Escape closes it, focus returns to the button that opened it
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe('Publish message… payment-received');
    expect(unexpectedProblems()).toEqual([]);
  });

  it('analysts see what an order waits for but get no send actions; employees no operations; the engine refuses both', async () => {
    const key = await orderWaitingForPayment(ctx, 'ORD-EV-4');
    const anna = await openAs('anna', `/operate/instances/${key}`);
    await waitingFor(anna.page).getByText('message payment-received · key ORD-EV-4').waitFor();
    expect(await anna.page.getByRole('button', { name: /Correlate message|Publish message|Broadcast signal/ }).count()).toBe(0);
    await anna.page.goto(`${ctx.engine().url}/operate`);
    await anna.page.getByRole('navigation', { name: 'Operations' }).getByRole('link', { name: 'Metrics' }).waitFor();
    expect(await anna.page.getByRole('link', { name: 'Messages & signals' }).count()).toBe(0);
    await anna.page.goto(`${ctx.engine().url}/operate/messages`);
    await anna.page.getByText('Only admins may publish messages and broadcast signals from the portal.').waitFor();
    expect(await anna.page.getByRole('button', { name: 'Publish message' }).count()).toBe(0);
    expect(anna.unexpectedProblems()).toEqual([]);

    const emma = await openAs('emma', '/');
    await emma.page.goto(`${ctx.engine().url}/operate/messages`);
    await emma.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(emma.unexpectedProblems()).toEqual([]);

    for (const user of ['anna', 'emma']) {
      expect((await send('/v2/messages/correlation', { name: 'payment-received', correlationKey: 'ORD-EV-4' }, user)).status).toBe(403);
      expect((await send('/v2/signals/broadcast', { signalName: 'anything' }, user)).status).toBe(403);
    }
    expect((await rest('GET', `/v2/process-instances/${key}/waits`)).items).toHaveLength(2);
  });
});
