import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type LaunchedBrowser } from '../support/browser.js';
import { freePort, startOidcTestProvider, type OidcTestProvider } from '../support/oidc-test-provider.js';
import { assertPortalBuilt } from '../support/portal.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Sign-in with an external OpenID Connect provider in Chromium: the portal's "Sign in with Acme
 * SSO" button, the provider's own login page (a real oidc-provider on localhost), and back
 * signed in with the roles the provider's groups map to. And the failures a person meets: they
 * cancel at the provider, or a callback arrives that this tab did not start.
 */

// The provider's development pages import a web font from the internet (not reachable here) and have no favicon.
const PROVIDER_FONT = /fonts\.googleapis\.com|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION|status of 404 .*\/favicon\.ico/;
/** What Chromium logs for the refused callback (401) the cancel test provokes. */
const REFUSED_CALLBACK = /status of 401 .*\/v2\/authentication\/oidc\/callback/;

describe('portal: sign-in with an OpenID Connect provider', () => {
  let provider: OidcTestProvider;
  let engine: TestEngine;
  const browsers: LaunchedBrowser[] = [];

  beforeAll(async () => {
    assertPortalBuilt();
    const port = await freePort();
    const redirectUrl = `http://localhost:${port}/sign-in/callback`;
    provider = await startOidcTestProvider(redirectUrl, {
      'sso-olivia': { preferred_username: 'olivia', name: 'Olivia Owner', email: 'olivia@example.com', groups: ['baton-admins', 'finance'] },
      'sso-erik': { preferred_username: 'erik', name: 'Erik Employee', groups: ['sales'], roles: ['employee'] },
    });
    engine = await startTestEngine({ port }, provider.engineEnv(redirectUrl));
  });
  afterEach(async () => {
    await Promise.all(browsers.splice(0).map((browser) => browser.close()));
  });
  afterAll(async () => {
    await engine?.stop();
    await provider?.stop();
  });

  async function open(path: string): Promise<LaunchedBrowser> {
    const browser = await launchBrowser();
    browsers.push(browser);
    await browser.page.goto(engine.url + path);
    return browser;
  }

  it('signs in through the provider and comes back signed in with the claimed roles', async () => {
    const browser = await open('/sign-in?next=%2Fapi-access');
    const { page } = browser;
    const button = page.getByRole('button', { name: 'Sign in with Acme SSO' });
    await button.waitFor();
    await screenshot(page, 'oidc-sign-in-page');
    await button.click();

    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill('sso-olivia');
    await page.locator('input[name="password"]').fill('anything');
    await screenshot(page, 'oidc-provider-login');
    await page.locator('button[type="submit"]').click();

    // Back at the portal, on the page asked for before signing in, as an admin (baton-admins → admin).
    await page.waitForURL(`${engine.url}/api-access`);
    await page.getByRole('heading', { name: 'API access' }).waitFor();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'API access' }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: /Olivia Owner|olivia/ }).first().waitFor();
    await screenshot(page, 'oidc-signed-in-admin');
    expect(browser.unexpectedProblems([PROVIDER_FONT]).map((p) => `${p.text} ${p.url}`)).toEqual([]);
  });

  it("signs an employee in without the admin's pages", async () => {
    const browser = await open('/sign-in');
    const { page } = browser;
    await page.getByRole('button', { name: 'Sign in with Acme SSO' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill('sso-erik');
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(`${engine.url}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Tasks' }).waitFor();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'API access' }).count()).resolves.toBe(0);
    expect(browser.unexpectedProblems([PROVIDER_FONT]).map((p) => `${p.text} ${p.url}`)).toEqual([]);
  });

  it('shows the provider\'s refusal on the sign-in page when the person cancels there', async () => {
    const browser = await open('/sign-in');
    const { page } = browser;
    await page.getByRole('button', { name: 'Sign in with Acme SSO' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByRole('link', { name: '[ Cancel ]' }).click();
    await page.waitForURL(`${engine.url}/sign-in`);
    await page.getByRole('alert').getByText('Acme SSO did not sign you in: access_denied (End-User aborted interaction)').waitFor();
    await expect(page.getByRole('button', { name: 'Sign in with Acme SSO' }).isEnabled()).resolves.toBe(true);
    await screenshot(page, 'oidc-sign-in-cancelled');
    expect(browser.unexpectedProblems([PROVIDER_FONT, REFUSED_CALLBACK]).map((p) => `${p.text} ${p.url}`)).toEqual([]);
  });

  it('refuses a callback this tab did not start (a forged or stale link), without asking the engine', async () => {
    const browser = await open('/sign-in/callback?code=stolen-code&state=someone-elses-state');
    const { page } = browser;
    await page.getByRole('alert').getByText('This sign-in was not started in this browser tab, or was started again since. Sign in again.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).search).toBe('');
    expect(browser.unexpectedProblems()).toEqual([]);
  });
});
