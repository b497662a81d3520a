import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasHorizontalScroll, launchBrowser, PHONE, screenshot } from '../support/browser.js';
import { send } from '../support/process-api.js';
import { usePortalEngine } from '../support/portal.js';

/**
 * Issue 12: an admin manages people in the portal's Identity page (a new user, groups and roles,
 * disabling, resetting a password, a custom role), the new user signs in and changes their own
 * password from the account menu; the engine's refusals (the last admin) are shown as it words them.
 */
const portal = usePortalEngine({ seedDemoData: true });

async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('portal: Identity', () => {
  it('lets an admin create a user, give groups and roles, reset the password, disable and enable them', async () => {
    const engine = portal.engine();
    const { page, unexpectedProblems } = await portal.openAs('demo', '/identity');
    await page.getByRole('heading', { name: 'Identity', level: 1 }).waitFor();
    await page.getByRole('row', { name: /emma/ }).waitFor();
    await screenshot(page, 'identity-users');

    // A password that is too short: the engine's detail is shown, nothing is created.
    const newUser = page.getByRole('region', { name: 'New user' });
    await newUser.getByLabel('Username').fill('nina');
    await newUser.getByLabel(/^Name/).fill('Nina Newcomer');
    await newUser.getByLabel(/^Email/).fill('nina@example.com');
    await newUser.getByLabel('Password').fill('short');
    await newUser.getByRole('button', { name: 'Create user' }).click();
    await newUser.getByRole('alert').getByText('Expected the password to have at least 12 characters (BATON_PASSWORD_MIN_LENGTH) but it has 5').waitFor();

    await newUser.getByLabel('Password').fill('nina starts here');
    await newUser.getByRole('button', { name: 'Create user' }).click();
    await newUser.getByText('User nina created.', { exact: false }).waitFor();

    // Her panel opens: give her the group sales and the role employee.
    const detail = page.getByRole('region', { name: /Nina Newcomer/ });
    await detail.getByText('In no group.').waitFor();
    await detail.getByLabel('Add to group').selectOption('sales');
    await detail.getByRole('button', { name: 'Add' }).first().click();
    await detail.getByText('nina joined Sales.').waitFor();
    await detail.getByLabel('Give role').selectOption('employee');
    await detail.getByRole('button', { name: 'Add' }).last().click();
    await detail.getByText('nina has the role employee now.').waitFor();
    expect(await detail.getByRole('list', { name: 'Groups of nina' }).innerText()).toContain('sales');
    expect(await detail.getByRole('list', { name: 'Roles of nina' }).innerText()).toContain('employee');
    await screenshot(page, 'identity-user-detail');
    const me = await fetch(`${engine.url}/v2/authentication/me`, { headers: { Authorization: `Basic ${Buffer.from('nina:nina starts here').toString('base64')}` } });
    expect(await me.json()).toMatchObject({ roles: ['employee'], groups: ['sales'] });

    // Reset her password in a dialog.
    await detail.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset the password of nina' });
    await dialog.getByLabel('New password').fill('nina was reset');
    await dialog.getByRole('button', { name: 'Reset password' }).click();
    await detail.getByText("nina's password was reset", { exact: false }).waitFor();

    // Disable her, then enable her again.
    await detail.getByRole('button', { name: 'Disable' }).click();
    await detail.getByText('nina is disabled', { exact: false }).waitFor();
    await page.getByRole('row', { name: /nina.*Disabled/ }).waitFor();
    expect((await send(engine, 'POST', '/v2/authentication/sign-in', { username: 'nina', password: 'nina was reset' }, null as unknown as string)).status).toBe(401);
    await screenshot(page, 'identity-user-disabled');
    await detail.getByRole('button', { name: 'Enable' }).click();
    await page.getByRole('row', { name: /nina.*Enabled/ }).waitFor();

    // The last admin: disabling demo is refused with the engine's words.
    await page.getByRole('button', { name: 'Manage demo' }).click();
    const demo = page.getByRole('region', { name: /Demo Admin/ });
    await demo.getByRole('button', { name: 'Disable' }).click();
    await demo.getByRole('alert').getByText("disabling user 'demo' would leave none", { exact: false }).waitFor();

    expect(unexpectedProblems([/status of 400/, /status of 409/])).toEqual([]);
  });

  it('lets an admin make a custom role with permissions and give it to a group, and manage members', async () => {
    const engine = portal.engine();
    const { page, unexpectedProblems } = await portal.openAs('demo', '/identity');
    await page.getByRole('tab', { name: /Roles/ }).click();
    await page.getByRole('row', { name: /analyst/ }).waitFor();

    const newRole = page.getByRole('region', { name: 'New role' });
    await newRole.getByLabel('Role id').fill('auditor');
    await newRole.getByLabel(/^Name/).fill('Auditor');
    await newRole.getByLabel(/instance:read/).check();
    await newRole.getByRole('button', { name: 'Create role' }).click();
    await newRole.getByText('Role auditor created.').waitFor();
    const role = page.getByRole('region', { name: /Auditor/ });
    await role.getByLabel('Give to group').selectOption('finance');
    await role.getByRole('button', { name: 'Add' }).last().click();
    await role.getByText('Every member of finance has the role auditor now.').waitFor();
    await screenshot(page, 'identity-roles');
    expect((await send(engine, 'POST', '/v2/process-instances/search', {}, 'frank')).status).toBe(200);

    // A role without permissions says it grants nothing.
    await newRole.getByLabel('Role id').fill('empty');
    await newRole.getByLabel(/^Name/).fill('Empty');
    await newRole.getByRole('button', { name: 'Create role' }).click();
    await newRole.getByText('It grants nothing until you give it permissions.', { exact: false }).waitFor();
    await page.getByRole('row', { name: /empty.*Grants nothing/ }).waitFor();

    // Groups: a new group with a member.
    await page.getByRole('tab', { name: /Groups/ }).click();
    const newGroup = page.getByRole('region', { name: 'New group' });
    await newGroup.getByLabel('Group id').fill('night-shift');
    await newGroup.getByLabel(/^Name/).fill('Night shift');
    await newGroup.getByRole('button', { name: 'Create group' }).click();
    const group = page.getByRole('region', { name: /Night shift/ });
    await group.getByText('No members.').waitFor();
    await group.getByLabel('Add member').selectOption('emma');
    await group.getByRole('button', { name: 'Add' }).first().click();
    await group.getByRole('list', { name: 'Members of night-shift' }).getByText('emma').waitFor();
    await screenshot(page, 'identity-groups');
    expect((await send(engine, 'GET', '/v2/authentication/me', undefined, 'emma')).body.groups).toEqual(['night-shift', 'sales']);
    await group.getByRole('button', { name: 'Remove emma' }).click();
    await group.getByText('No members.').waitFor();

    expect(unexpectedProblems()).toEqual([]);
  });

  it('fits a phone screen', async () => {
    const { page, unexpectedProblems } = await portal.openAs('demo', '/identity', PHONE);
    await page.getByRole('button', { name: 'Manage emma' }).click();
    await page.getByRole('region', { name: /Emma Employee/ }).getByRole('list', { name: 'Groups of emma' }).waitFor();
    await screenshot(page, 'identity-phone');
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(unexpectedProblems()).toEqual([]);
  });

  it('lets every signed-in user change their own password from the account menu; employees see no Identity page', async () => {
    const engine = portal.engine();
    await send(engine, 'POST', '/v2/users', { username: 'olaf', password: 'olaf first password', name: 'Olaf Owner' });
    const browser = await launchBrowser();
    try {
      const { page } = browser;
      await signIn(page, engine.url, 'olaf', 'olaf first password');
      await page.getByRole('button', { name: 'Olaf Owner, account' }).click();
      expect(await page.getByRole('navigation').first().getByRole('link', { name: 'Identity' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Change password' }).click();
      const dialog = page.getByRole('dialog', { name: 'Change your password' });
      await dialog.getByLabel('Current password').fill('not my password');
      await dialog.getByLabel('New password', { exact: true }).fill('olaf second password');
      await dialog.getByLabel('New password, again').fill('olaf second password');
      await dialog.getByRole('button', { name: 'Change password' }).click();
      await dialog.getByRole('alert').getByText('The current password is wrong').waitFor();
      await screenshot(page, 'identity-change-password-wrong');

      await dialog.getByLabel('Current password').fill('olaf first password');
      await dialog.getByRole('button', { name: 'Change password' }).click();
      await dialog.getByText('Your password is changed.', { exact: false }).waitFor();
      await dialog.getByRole('button', { name: 'Done' }).click();
      // Still signed in here; the old password no longer works, the new one does.
      await page.getByRole('button', { name: 'Olaf Owner, account' }).waitFor();
      expect((await send(engine, 'POST', '/v2/authentication/sign-in', { username: 'olaf', password: 'olaf first password' }, null as unknown as string)).status).toBe(401);
      expect((await send(engine, 'POST', '/v2/authentication/sign-in', { username: 'olaf', password: 'olaf second password' }, null as unknown as string)).status).toBe(200);
      expect(browser.unexpectedProblems([/status of 400/])).toEqual([]);

      // An employee who types the Identity path gets the not-found page.
      await page.goto(`${engine.url}/identity`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    } finally {
      await browser.close();
    }
  });
});
