import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type LaunchedBrowser } from '../support/browser.js';
import { eventually } from '../support/eventually.js';
import { assertPortalBuilt } from '../support/portal.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * The security headers in a real browser (issue 8, item 6): the API docs work under the
 * engine's Content-Security-Policy, and no page of another origin can frame the portal. That
 * the portal itself (modeler, forms, operate) works under the CSP, every other browser test
 * checks: the browser helper fails a test whose pages met a CSP violation.
 */
let engine: TestEngine;
let foreignSite: Server;
let foreignUrl: string;
const browsers: LaunchedBrowser[] = [];

beforeAll(async () => {
  assertPortalBuilt();
  engine = await startTestEngine();
  // A page of another origin that tries to show the portal in a frame (clickjacking).
  foreignSite = createServer((_request, response) => {
    response.setHeader('Content-Type', 'text/html');
    response.end(`<!doctype html><title>Elsewhere</title><h1>Win a prize</h1><iframe id="portal" src="${engine.url}/sign-in" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => foreignSite.listen(0, '127.0.0.1', resolve));
  foreignUrl = `http://127.0.0.1:${(foreignSite.address() as AddressInfo).port}/`;
});
afterEach(async () => {
  await Promise.all(browsers.splice(0).map((browser) => browser.close()));
});
afterAll(async () => {
  await new Promise((resolve) => foreignSite?.close(resolve));
  await engine?.stop();
});

async function open(url: string): Promise<LaunchedBrowser> {
  const browser = await launchBrowser();
  browsers.push(browser);
  await browser.page.goto(url);
  return browser;
}

describe('security headers in the browser', () => {
  it('lets Swagger UI at /v2/api-docs render and call the API under its CSP', async () => {
    const { page, unexpectedProblems } = await open(`${engine.url}/v2/api-docs`);
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(20);

    await page.getByRole('button', { name: 'Authorize' }).first().click();
    await page.locator('#auth-basic-username').fill('demo');
    await page.locator('#auth-basic-password').fill('demo');
    await page.locator('.auth-container').filter({ has: page.locator('#auth-basic-username') }).getByRole('button', { name: 'Apply credentials' }).click();
    await page.locator('.modal-ux .btn-done').first().click();

    const topology = page.locator('.opblock').filter({ hasText: '/v2/topology' }).first();
    await topology.locator('.opblock-summary').click();
    await topology.getByRole('button', { name: 'Try it out' }).click();
    await topology.getByRole('button', { name: 'Execute' }).click();
    const status = topology.locator('.live-responses-table tr.response .response-col_status');
    await status.waitFor();
    expect((await status.innerText()).trim()).toBe('200');
    await screenshot(page, 'api-docs');
    expect(unexpectedProblems()).toEqual([]);
  });

  it('keeps the portal out of frames on other sites (frame-ancestors, X-Frame-Options)', async () => {
    const browser = await open(foreignUrl);
    await browser.page.getByRole('heading', { name: 'Win a prize' }).waitFor();
    const violations = await eventually(
      async () => browser.problems.filter((problem) => problem.kind === 'csp-violation'),
      (found) => found.length > 0,
      'the browser to refuse the frame',
    );
    expect(violations.map((problem) => problem.text).join('\n')).toContain("frame-ancestors 'none'");
    const frame = browser.page.frames().find((candidate) => candidate !== browser.page.mainFrame());
    expect(await frame?.locator('#root').count()).toBe(0);
    await screenshot(browser.page, 'portal-framed-elsewhere');
    browser.takeCspViolations();
    expect(browser.unexpectedProblems()).toEqual([]);
  });
});
