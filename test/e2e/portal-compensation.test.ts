import { describe, expect, it } from 'vitest';
import { diagramElement, screenshot, useOperateEngine } from '../support/operate-portal.js';

/**
 * Compensation in Operate, end to end: the trip-booking sample (processes/) runs over REST as its
 * workers would run it — hotel and flight booked, no car — and the admin watches the saga undo
 * itself: on the diagram each compensation handler that ran has an ordinal badge in the order the
 * handlers started, the one still running is outlined and its badge says the compensation waits
 * for it; the history names each compensation step.
 */
const { openAs, rest } = useOperateEngine();

async function job(processInstanceKey: string, type: string): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const { jobs } = await rest('POST', '/v2/jobs/activation', { type, timeout: 600_000, maxJobsToActivate: 10, requestTimeout: 5_000 }, 'worker');
    const found = jobs.find((j: any) => j.processInstanceKey === processInstanceKey);
    if (found) return found.jobKey as string;
  }
  throw new Error(`No ${type} job of ${processInstanceKey} was offered`);
}

describe('portal: compensation in operate', () => {
  it('the trip-booking saga shows which handlers ran, in what order, and which one the compensation waits for', async () => {
    // Given a trip whose car could not be booked: the flight is cancelled, the hotel's cancellation runs
    const key = (await rest('POST', '/v2/process-instances', { processDefinitionId: 'trip-booking', businessId: 'TRIP-OP-1', variables: { tripId: 'TRIP-OP-1', carCategory: 'luxury', traveller: { name: 'Ada', email: 'ada@example.com' } } }))
      .processInstanceKey as string;
    await rest('POST', `/v2/jobs/${await job(key, 'book-hotel')}/completion`, { variables: { hotelBookingId: 'H-1' } }, 'worker');
    await rest('POST', `/v2/jobs/${await job(key, 'book-flight')}/completion`, { variables: { flightBookingId: 'F-1' } }, 'worker');
    await rest('POST', `/v2/jobs/${await job(key, 'book-car')}/error`, { errorCode: 'CAR_UNAVAILABLE', errorMessage: 'No luxury car' }, 'worker');
    await rest('POST', `/v2/jobs/${await job(key, 'cancel-flight')}/completion`, { variables: { flightCancelled: true } }, 'worker');
    const cancelHotel = await job(key, 'cancel-hotel');

    // When the admin opens the instance
    const { page, unexpectedProblems } = await openAs('demo', `/operate/instances/${key}`);

    // Then the flight's cancellation ran first (↺ 1), the hotel's runs now (↺ 2, outlined: the throw waits for it)
    await page.locator('.op-badge-compensation', { hasText: '↺ 1' }).waitFor();
    await page.locator('.op-badge-compensation-waiting', { hasText: '↺ 2' }).waitFor();
    expect(await page.locator('.op-badge-compensation', { hasText: '↺ 1' }).getAttribute('title')).toBe('Compensation #1: undoes book-flight');
    expect(await page.locator('.op-badge-compensation-waiting').getAttribute('title')).toBe('Compensation #2: undoes book-hotel (running: the compensation waits for it)');
    expect(await diagramElement(page, 'cancel-flight').getAttribute('class')).toContain('op-compensated');
    expect(await diagramElement(page, 'cancel-hotel').getAttribute('class')).toContain('op-compensating');
    expect(await diagramElement(page, 'undo-hotel').getAttribute('class')).toContain('op-active');
    // ...and the history says what was undone, by whom, in order
    const history = page.getByRole('list', { name: 'Events' });
    await history.getByText('cancel-flight completed: undone (#1)').waitFor();
    await history.getByText('cancel-hotel started (#1)').waitFor();
    await screenshot(page, 'operate-instance-compensation-desktop');

    // When the hotel's cancellation completes, the saga ends at "Trip cancelled" and both badges are done
    await rest('POST', `/v2/jobs/${cancelHotel}/completion`, { variables: { hotelCancelled: true } }, 'worker');
    await rest('POST', `/v2/jobs/${await job(key, 'send-email')}/completion`, { variables: {} }, 'worker');
    await page.getByText('This instance has ended.').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.op-badge-compensation-waiting').count(), { timeout: 30_000 }).toBe(0);
    expect((await page.locator('.op-badge-compensation').allInnerTexts()).sort()).toEqual(['↺ 1', '↺ 2']);
    await screenshot(page, 'operate-instance-compensated-desktop');
    expect(unexpectedProblems()).toEqual([]);
  });
});
