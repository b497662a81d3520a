import { describe, expect, it } from 'vitest';
import { sendDialog, waitBadge, waitingFor } from '../support/events-portal.js';
import { eventually } from '../support/eventually.js';
import { deployFromEditor, openGroup, propertiesPanel, showProperties } from '../support/modeler-steps.js';
import { screenshot, useOperateEngine } from '../support/operate-portal.js';

/**
 * Event elements from the modeler to a waiting instance, end to end: anna opens a model with a
 * message catch event (zeebe:subscription correlation key), a non-interrupting timer cycle on a
 * user task, a signal catch event and an event subprocess with a signal start, changes the
 * correlation key in the properties panel and deploys it from the modeler; an instance started
 * over REST waits for all of them, the admin sees what it waits for and broadcasts the signals
 * from the portal.
 */
const ORDER_EVENTS = 'test/fixtures/modeler/order-events.bpmn';
const { openAs, rest } = useOperateEngine();

describe('portal: event elements from the modeler', () => {
  it('deploys a model with message, timer, signal and event subprocess from the modeler; its instance waits for them and the admin broadcasts its signals', async () => {
    // anna opens the model, changes the message's correlation key in the properties panel and deploys
    const anna = await openAs('anna', '/modeler');
    await anna.page.getByLabel('BPMN file to open').setInputFiles(ORDER_EVENTS);
    await anna.page.getByRole('heading', { name: 'Order events', level: 1 }).waitFor();
    await showProperties(anna.page, 'parcel-paid', 'Parcel paid');
    await openGroup(propertiesPanel(anna.page), 'Message');
    const correlationKey = propertiesPanel(anna.page).locator('[data-entry-id="messageSubscriptionCorrelationKey"] [contenteditable="true"]');
    expect(await correlationKey.innerText()).toBe('orderId');
    await correlationKey.fill('parcelId');
    await showProperties(anna.page, 'pack-reminder', 'Every hour');
    await openGroup(propertiesPanel(anna.page), 'Timer');
    await screenshot(anna.page, 'modeler-events-desktop');
    const definitionKey = await deployFromEditor(anna.page, 'Deployed Order events: version 1.');
    expect(await (await rest('GET', `/v2/process-definitions/${definitionKey}`)).processDefinitionId).toBe('order-events');
    expect(anna.unexpectedProblems()).toEqual([]);

    // An instance started over REST waits for all four
    const key = (await rest('POST', '/v2/process-instances', { processDefinitionKey: definitionKey, variables: { orderId: 'ORD-M-1', parcelId: 'PCL-7' } })).processInstanceKey;
    const { page, unexpectedProblems } = await openAs('demo', `/operate/instances/${key}`);
    const waits = waitingFor(page);
    await waits.getByRole('listitem').filter({ hasText: 'Parcel paid' }).getByText('message parcel-paid · key PCL-7').waitFor();
    await waits.getByRole('listitem').filter({ hasText: 'Stock arrived' }).getByText('signal stock-arrived').waitFor();
    const reminder = waits.getByRole('listitem').filter({ hasText: 'Every hour' });
    expect(await reminder.innerText()).toMatch(/Every hour · at Pack the order\s+timer due .+ · cycle R\/PT1H · non-interrupting/);
    const call = waits.getByRole('listitem').filter({ hasText: 'Customer called' });
    expect(await call.innerText()).toMatch(/signal customer-called · non-interrupting/);
    expect(await waitBadge(page, 'customer-called').innerText()).toBe('signal customer-called');
    await screenshot(page, 'operate-events-modeled-waiting-desktop');

    // The admin broadcasts the event subprocess's signal from the Messages & signals page...
    await page.getByRole('link', { name: 'Instances' }).first().click();
    await page.getByRole('navigation', { name: 'Operations' }).getByRole('link', { name: 'Messages & signals' }).click();
    await page.getByLabel('Broadcast a signal').check();
    await page.getByLabel('Signal name').fill('customer-called');
    await page.getByLabel('Variables').fill('{"caller": "Ada"}');
    await page.getByRole('button', { name: 'Broadcast signal' }).click();
    await page.getByRole('status').filter({ hasText: /^Signal customer-called broadcast: signal key \d+\.$/ }).waitFor();
    await screenshot(page, 'operate-events-broadcast-desktop');
    await eventually(() => rest('POST', '/v2/element-instances/search', { filter: { processInstanceKey: key, elementId: 'call-noted' } }), (found) => found.items.length === 1, 'the event subprocess to run');

    // ...and the signal catch event's from the instance page, pre-filled
    await page.goto(`${new URL(page.url()).origin}/operate/instances/${key}`);
    await waitingFor(page).getByRole('button', { name: 'Broadcast signal… stock-arrived' }).click();
    const dialog = sendDialog(page, 'Broadcast signal');
    expect(await dialog.getByLabel('Signal name').inputValue()).toBe('stock-arrived');
    await dialog.getByRole('button', { name: 'Broadcast signal' }).click();
    await dialog.getByRole('status').filter({ hasText: /^Signal stock-arrived broadcast: signal key \d+\.$/ }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The history says what happened; the non-interrupting event subprocess still listens
    const history = page.getByRole('list', { name: 'Events' });
    await history.getByRole('listitem').filter({ hasText: 'Event subprocess started' }).waitFor();
    expect(await history.getByRole('listitem').filter({ hasText: 'Signal broadcast received' }).filter({ hasText: 'customer-called · with caller' }).innerText()).toContain('by demo');
    await history.getByRole('listitem').filter({ hasText: 'Signal broadcast received' }).filter({ hasText: 'stock-arrived' }).waitFor();
    await waits.getByRole('listitem').filter({ hasText: 'Stock arrived' }).waitFor({ state: 'detached' });
    await waits.getByRole('listitem').filter({ hasText: 'Customer called' }).waitFor();
    await page.getByLabel('Every event (lifecycle steps, flows, variables, subscriptions)').check();
    await history.getByRole('listitem').filter({ hasText: 'Subscription opened' }).filter({ hasText: 'message parcel-paid · key PCL-7' }).waitFor();
    await screenshot(page, 'operate-events-modeled-history-desktop');
    expect(unexpectedProblems()).toEqual([]);
  });
});
