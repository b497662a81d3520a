import { describe, expect, it } from 'vitest';
import { hasHorizontalScroll, PHONE, screenshot } from '../support/browser.js';
import { deploy } from '../support/deploy.js';
import { PAYMENT_BPMN } from '../support/operate-portal.js';
import { usePortalEngine } from '../support/portal.js';
import { send } from '../support/process-api.js';

/**
 * The metrics page, end to end: card payments run over REST with the engine clock pinned, so
 * each payment's job takes a known number of minutes (2 to 30) in the last few hours; the page
 * shows their P50/P95/P99 as a chart and a table.
 */

const MINUTE = 60_000;
/** How long each payment's card charge takes, in minutes. */
const CHARGE_MINUTES = [2, 3, 4, 5, 7, 9, 12, 30];

async function rest(method: string, path: string, json?: unknown, user = 'demo'): Promise<any> {
  const { status, body } = await send(engine(), method, path, json, user);
  expect(status, `${method} ${path}: ${JSON.stringify(body)}`).toBeLessThan(300);
  return body;
}

const { engine, openAs } = usePortalEngine({ clockControl: true }, async (started) => {
  expect((await deploy(started, [PAYMENT_BPMN])).status).toBe(200);
  // Payments started 5 hours ago, 20 minutes apart; one more is canceled after 10 minutes
  const base = Date.now() - 5 * 3_600_000;
  try {
    for (const [i, minutes] of CHARGE_MINUTES.entries()) {
      const startedAt = base + i * 20 * MINUTE;
      await rest('PUT', '/v2/clock', { timestamp: startedAt });
      const { processInstanceKey } = await rest('POST', '/v2/process-instances', { processDefinitionId: 'operate-payment', businessId: `PAY-M-${i}` });
      const { jobs } = await rest('POST', '/v2/jobs/activation', { type: 'operate-charge-card', timeout: 3_600_000, maxJobsToActivate: 1, requestTimeout: -1 }, 'worker');
      expect(jobs.map((j: any) => j.processInstanceKey)).toEqual([processInstanceKey]);
      await rest('PUT', '/v2/clock', { timestamp: startedAt + minutes * MINUTE });
      await rest('POST', `/v2/jobs/${jobs[0].jobKey}/completion`, {}, 'worker');
    }
    await rest('PUT', '/v2/clock', { timestamp: base + 200 * MINUTE });
    const { processInstanceKey } = await rest('POST', '/v2/process-instances', { processDefinitionId: 'operate-payment', businessId: 'PAY-M-canceled' });
    await rest('PUT', '/v2/clock', { timestamp: base + 210 * MINUTE });
    await rest('POST', `/v2/process-instances/${processInstanceKey}/cancellation`, {});
  } finally {
    await rest('POST', '/v2/clock/reset');
  }
});

describe('portal: metrics', () => {
  it('charts P50/P95/P99 per element for the instances that ran, with the exact numbers in a table', async () => {
    // From the processes overview to the process's metrics
    const { page, unexpectedProblems } = await openAs('anna', '/operate');
    await page.locator('tbody.process-group', { has: page.getByRole('link', { name: 'Card payment' }) }).getByRole('link', { name: 'Metrics' }).click();
    await page.waitForURL(/\/operate\/metrics\?process=operate-payment&version=1$/);
    await expect.poll(() => page.getByLabel('Period', { exact: true }).inputValue()).toBe('day');

    // The summary: 8 completed, 1 canceled; durations 2..30 min → median at rank 4.5 = 6 min, P95 at rank 7.65 = 23.7 min
    await page.getByRole('status').filter({ hasText: '8 instances completed, 1 canceled; median duration 6 min, P95 23 min 42 s.' }).waitFor();

    // The chart has one track per element that completed: the whole instance, start, charge, end
    const chart = page.getByRole('img', { name: /Duration per element/ });
    await chart.waitFor();
    expect(await chart.locator('g.chart-row').count()).toBe(4);
    expect(await chart.locator('.chart-axis-title').textContent()).toBe('Duration (min)');
    expect(await chart.locator('g.chart-row title').allTextContents()).toContain('Charge card: median 6 min, P95 23 min 42 s, P99 28 min 44 s, min 2 min, max 30 min, 8 completed');

    // The table has the same numbers (the canceled payment's charge was terminated: counted, not measured)
    const charge = page.getByRole('table', { name: 'Durations per element' }).getByRole('row', { name: /^Charge card/ });
    expect((await charge.getByRole('cell').allTextContents()).map((text) => text.trim())).toEqual(['8', '1', '2 min', '6 min', '23 min 42 s', '28 min 44 s', '30 min', '9 min']);
    const whole = page.getByRole('table', { name: 'Durations per element' }).getByRole('row', { name: /^Whole instance/ });
    expect((await whole.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['8', '1']);
    await screenshot(page, 'operate-metrics-desktop');

    // A logarithmic axis spreads the short steps out
    await page.getByLabel('Logarithmic').check();
    expect(await chart.locator('.chart-axis-title').textContent()).toBe('Duration (logarithmic scale)');

    // A custom period that ends before it starts: the engine's own explanation
    await page.getByLabel('Period', { exact: true }).selectOption('custom');
    await page.getByLabel('From', { exact: true }).fill('2030-01-02T10:00');
    await page.getByLabel('Until', { exact: true }).fill('2030-01-01T10:00');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('alert').filter({ hasText: "Expected 'to' to be later than 'from'" }).waitFor();

    // A custom period with nothing in it
    await page.getByLabel('From', { exact: true }).fill('2030-01-01T10:00');
    await page.getByLabel('Until', { exact: true }).fill('2030-01-02T10:00');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('No instance of this version completed or was canceled in this period.').waitFor();
    expect(unexpectedProblems([/status of 400/])).toEqual([]);
  });

  it('reads on a phone without sideways scrolling', async () => {
    const { page, unexpectedProblems } = await openAs('demo', '/operate/metrics?process=operate-payment', PHONE);
    await page.getByRole('img', { name: /Duration per element/ }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'operate-metrics-phone');
    expect(unexpectedProblems()).toEqual([]);
  });
});
