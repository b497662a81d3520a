import { describe, expect, it } from 'vitest';
import { PHONE, hasHorizontalScroll, screenshot } from '../support/browser.js';
import { usePortalEngine } from '../support/portal.js';

/**
 * The portal's "API access" page (admins): create an API client and an API token, see each
 * secret once with a copy button, use them, revoke them; employees do not get the page.
 */

// Browser globals used inside page.evaluate callbacks (the root tsconfig has no DOM lib).
declare const navigator: { clipboard: { readText(): Promise<string> } };

describe('portal: API access', () => {
  const portal = usePortalEngine();

  it('creates an API client whose secret is shown once and works at POST /oauth/token, then revokes it', async () => {
    const browser = await portal.openAs('demo', '/api-access');
    const { page, context } = browser;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: portal.engine().url });
    await page.getByRole('heading', { name: 'API access' }).waitFor();
    await page.getByText('No API clients yet.').waitFor();

    await page.getByRole('button', { name: 'New client' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API client' });
    await dialog.getByLabel('Name').fill('Billing system');
    await dialog.getByLabel('Acts as user').fill('worker');
    await screenshot(page, 'api-access-new-client');
    await dialog.getByRole('button', { name: 'Create API client' }).click();

    const secretPanel = page.getByRole('region', { name: 'New API client' });
    await secretPanel.getByText('API client Billing system created').waitFor();
    const clientId = await secretPanel.getByLabel('Client id', { exact: true }).inputValue();
    const secret = await secretPanel.getByLabel('Client secret', { exact: true }).inputValue();
    expect(clientId).toBe('billing-system');
    expect(secret).toMatch(/^bcs_/);
    await secretPanel.getByRole('button', { name: 'Copy client secret' }).click();
    await secretPanel.getByRole('button', { name: 'Copied client secret' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(secret);

    const token = await fetch(`${portal.engine().url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString(),
    });
    expect(token.status).toBe(200);

    const row = page.getByRole('row', { name: /Billing system/ });
    await row.getByText('worker').waitFor();
    await screenshot(page, 'api-access-client-created');

    // Done hides the secret for good.
    await secretPanel.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByText(secret).count()).resolves.toBe(0);

    await row.getByRole('button', { name: 'Revoke API client Billing system' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke API client Billing system?' });
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('API client Billing system revoked: it no longer works.').waitFor();
    await row.getByText('Revoked').waitFor();
    const refused = await fetch(`${portal.engine().url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString(),
    });
    expect(refused.status).toBe(401);
    expect(browser.unexpectedProblems()).toEqual([]);
  });

  it('creates an API token with an expiry, lists when it was last used, and revokes it', async () => {
    const browser = await portal.openAs('demo', '/api-access');
    const { page } = browser;
    await page.getByRole('button', { name: 'New token' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API token' });
    await dialog.getByLabel('Name').fill('Nightly export');
    await dialog.getByLabel('Expires (optional)').fill('2099-12-31');
    await dialog.getByRole('button', { name: 'Create API token' }).click();
    const secretPanel = page.getByRole('region', { name: 'New API token' });
    const token = await secretPanel.getByLabel('Token', { exact: true }).inputValue();
    expect(token).toMatch(/^bat_/);
    expect((await fetch(`${portal.engine().url}/v2/topology`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);

    // The list shows the use (it refreshes on its own; reload to see it now).
    await page.reload();
    const row = page.getByRole('row', { name: /Nightly export/ });
    await row.getByText(/ago|now/).first().waitFor();
    await row.getByText(/Dec 31, 2099/).waitFor();
    await screenshot(page, 'api-access-token-listed');

    await row.getByRole('button', { name: 'Revoke API token Nightly export' }).click();
    await page.getByRole('dialog', { name: 'Revoke API token Nightly export?' }).getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('Revoked').waitFor();
    expect((await fetch(`${portal.engine().url}/v2/topology`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    expect(browser.unexpectedProblems()).toEqual([]);
  });

  it('shows the engine\'s refusal in the dialog', async () => {
    const browser = await portal.openAs('demo', '/api-access');
    const { page } = browser;
    await page.getByRole('button', { name: 'New client' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API client' });
    await dialog.getByLabel('Name').fill('Ghost');
    await dialog.getByLabel('Acts as user').fill('nobody-here');
    await dialog.getByRole('button', { name: 'Create API client' }).click();
    await dialog.getByRole('alert').getByText("Expected an existing user for the client to act as, but there is no user 'nobody-here'").waitFor();
    expect(browser.unexpectedProblems([/status of 404 .*\/v2\/api-clients/])).toEqual([]);
  });

  it('fits a phone, and is not there for employees', async () => {
    const admin = await portal.openAs('demo', '/api-access', PHONE);
    await admin.page.getByRole('heading', { name: 'API access' }).waitFor();
    await admin.page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await screenshot(admin.page, 'api-access-phone');
    await expect(hasHorizontalScroll(admin.page)).resolves.toBe(false);

    const employee = await portal.openAs('emma', '/api-access');
    await employee.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await expect(employee.page.getByRole('link', { name: 'API access' }).count()).resolves.toBe(0);
  });
});
