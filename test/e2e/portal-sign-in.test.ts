import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasHorizontalScroll, launchBrowser, PHONE, screenshot, type LaunchedBrowser, type LaunchBrowserOptions } from '../support/browser.js';
import { assertPortalBuilt } from '../support/portal.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * The portal's sign-in and "who you are" page, end to end: the built portal served by a real
 * engine (fresh MariaDB database, demo users seeded, password = username) in real Chromium.
 */

// The few browser globals used inside page.evaluate callbacks (the root tsconfig has no DOM lib).
declare const localStorage: { getItem(key: string): string | null };

const SESSION_KEY = 'baton.session';
/** What Chromium logs when a fetch is answered 401; allowed only where a test provokes it. */
const logged401 = (path: string) => new RegExp(`status of 401 .*${path.replaceAll('/', '\\/')}`);

describe('portal: sign-in and who you are', () => {
  let engine: TestEngine;
  const browsers: LaunchedBrowser[] = [];

  beforeAll(async () => {
    assertPortalBuilt();
    engine = await startTestEngine();
  });

  afterEach(async () => {
    await Promise.all(browsers.splice(0).map((browser) => browser.close()));
  });

  afterAll(async () => {
    await engine?.stop();
  });

  async function openPortal(path = '/', options?: LaunchBrowserOptions): Promise<LaunchedBrowser> {
    const browser = await launchBrowser(options);
    browsers.push(browser);
    await browser.page.goto(engine.url + path);
    return browser;
  }

  async function signIn(page: Page, username: string, password = username): Promise<void> {
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  function storedToken(page: Page): Promise<string | null> {
    return page.evaluate((key) => {
      const raw = localStorage.getItem(key);
      return raw ? (JSON.parse(raw) as { token: string }).token : null;
    }, SESSION_KEY);
  }

  async function meStatus(token: string): Promise<number> {
    const response = await fetch(`${engine.url}/v2/authentication/me`, { headers: { Authorization: `Bearer ${token}` } });
    return response.status;
  }

  it('sends a signed-out visitor to sign-in and shows the engine’s message for a wrong password', async () => {
    // Given the portal opened while signed out
    const { page, unexpectedProblems } = await openPortal('/');
    await page.waitForURL(`${engine.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.title()).toBe('Sign in · Baton');
    await page.getByText('Demo accounts').click();
    await screenshot(page, 'sign-in-desktop');

    // When submitting empty fields, the form says what is missing without asking the engine
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    expect(await page.getByRole('alert').innerText()).toBe('Enter your username and password.');

    // When emma types a wrong password and submits with Enter
    await page.getByLabel('Username').fill('emma');
    await page.getByLabel('Password').fill('not-her-password');
    await page.getByLabel('Password').press('Enter');

    // Then the engine's problem detail is shown, and she stays on the sign-in page
    await page.getByRole('alert').getByText('Unknown user or wrong password').waitFor();
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).isEnabled()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await storedToken(page)).toBeNull();
    await screenshot(page, 'sign-in-error-desktop');

    expect(unexpectedProblems([logged401('/v2/authentication/sign-in')])).toEqual([]);
  });

  it('signs emma in, shows her name, role and group, and keeps her signed in across a reload', async () => {
    // Given the sign-in page
    const { page, unexpectedProblems } = await openPortal('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // When emma signs in
    await signIn(page, 'emma');

    // Then she sees who she is
    const assertHomeShowsEmma = async () => {
      await page.getByRole('heading', { name: 'Signed in as Emma Employee (emma)' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await page.getByRole('list', { name: 'Your roles' }).innerText()).toBe('employee');
      expect(await page.getByRole('list', { name: 'Your groups' }).innerText()).toBe('sales');
      expect(await page.getByRole('link', { name: 'emma@baton.local' }).isVisible()).toBe(true);
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts()).toEqual(['Home', 'Tasks', 'Start', 'My requests']);
    };
    await assertHomeShowsEmma();
    expect(await page.title()).toBe('Home · Baton');
    expect(await page.getByText(/^Ends /).innerText()).toBe('Ends in 12 hours');
    const token = await storedToken(page);
    expect(token).toBeTruthy();
    await screenshot(page, 'home-desktop');

    // When she reloads the page, she is still signed in with the same token
    await page.reload();
    await assertHomeShowsEmma();
    expect(await storedToken(page)).toBe(token);

    // And the user menu shows her roles and groups
    await page.getByRole('button', { name: 'Emma Employee, account' }).click();
    const menu = page.locator('.user-menu-panel');
    await menu.waitFor();
    expect(await menu.getByRole('list', { name: 'Roles' }).innerText()).toBe('employee');
    expect(await menu.getByRole('list', { name: 'Groups' }).innerText()).toBe('sales');
    await screenshot(page, 'user-menu-desktop');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });

    expect(unexpectedProblems()).toEqual([]);
  });

  it('signs out: back at sign-in, and the engine rejects the old token', async () => {
    // Given emma signed in, with a token the engine accepts
    const { page, unexpectedProblems } = await openPortal('/');
    await signIn(page, 'emma');
    await page.getByRole('heading', { name: 'Signed in as Emma Employee (emma)' }).waitFor();
    const token = (await storedToken(page))!;
    expect(await meStatus(token)).toBe(200);

    // When she signs out
    await page.getByRole('button', { name: 'Sign out' }).click();

    // Then she is back at sign-in, the browser forgot the token and the engine revoked it
    await page.waitForURL(`${engine.url}/sign-in`);
    await page.getByRole('status').getByText('You signed out.').waitFor();
    expect(await storedToken(page)).toBeNull();
    expect(await meStatus(token)).toBe(401);

    expect(unexpectedProblems()).toEqual([]);
  });

  it('ends the session when the engine rejects the stored token, and returns to the page after signing in', async () => {
    // Given frank signed in, whose token is then revoked behind the portal's back
    const { page, unexpectedProblems } = await openPortal('/');
    await signIn(page, 'frank');
    await page.getByRole('heading', { name: 'Signed in as Frank Finance (frank)' }).waitFor();
    const token = (await storedToken(page))!;
    const revoked = await fetch(`${engine.url}/v2/authentication/sign-out`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    expect(revoked.status).toBe(204);

    // When he opens a deep link
    await page.goto(`${engine.url}/somewhere/else?tab=1`);

    // Then the portal signs him out with a short message and remembers where he was going
    await page.getByText('Your session ended, sign in again.').waitFor();
    expect(page.url()).toBe(`${engine.url}/sign-in?next=${encodeURIComponent('/somewhere/else?tab=1')}`);
    expect(await storedToken(page)).toBeNull();
    await screenshot(page, 'sign-in-session-ended-desktop');

    // When he signs in again, he lands where he was going (a page that does not exist)
    await signIn(page, 'frank');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(page.url()).toBe(`${engine.url}/somewhere/else?tab=1`);
    await screenshot(page, 'not-found-desktop');
    await page.getByRole('link', { name: 'Go to Home' }).click();
    await page.getByRole('heading', { name: 'Signed in as Frank Finance (frank)' }).waitFor();

    expect(unexpectedProblems([logged401('/v2/authentication/me')])).toEqual([]);
  });

  it('fits a phone-sized screen: sign-in and home without horizontal scrolling', async () => {
    // Given a 390x844 phone
    const { page, unexpectedProblems } = await openPortal('/', PHONE);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByText('Demo accounts').click();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'sign-in-phone');

    // When mia (two groups) signs in by picking her demo account
    await page.getByRole('button', { name: /^Use mia \/ mia/ }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    // Then the home page fits the screen
    await page.getByRole('heading', { name: 'Signed in as Mia Manager (mia)' }).waitFor();
    expect(await page.getByRole('list', { name: 'Your groups' }).locator('li').allInnerTexts()).toEqual(['managers', 'sales']);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'home-phone');

    // And so does the open user menu
    await page.getByRole('button', { name: 'Mia Manager, account' }).click();
    await page.locator('.user-menu-panel').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    const panel = await page.locator('.user-menu-panel').boundingBox();
    expect(panel!.x).toBeGreaterThanOrEqual(0);
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'user-menu-phone');

    expect(unexpectedProblems()).toEqual([]);
  });
});
