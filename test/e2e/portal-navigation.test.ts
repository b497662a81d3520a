import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { usePortalEngine } from '../support/portal.js';

/**
 * The header navigation folds behind "Menu" wherever its entries do not fit in one row: an
 * admin's nine entries at a laptop's 1024 px, every user's on a phone (the phone layout is checked
 * by the pages' own tests), and never hides an entry scrolled out of sight.
 */
const portal = usePortalEngine({ seedDemoData: true });
const LAPTOP = { viewport: { width: 1024, height: 768 } };
const ADMIN_ENTRIES = ['Home', 'Tasks', 'Start', 'My requests', 'Modeler', 'Forms', 'Operate', 'Identity', 'API access'];

describe('portal: header navigation', () => {
  it("folds an admin's nine entries behind Menu at 1024 px, and shows them all in one row at 1280 px", async () => {
    const laptop = await portal.openAs('demo', '/', LAPTOP);
    const menu = laptop.page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    const nav = laptop.page.getByRole('navigation', { name: 'Main' });
    expect(await nav.isVisible()).toBe(false);
    await menu.click();
    for (const entry of ADMIN_ENTRIES) expect(await nav.getByRole('link', { name: entry, exact: true }).isVisible(), entry).toBe(true);
    await screenshot(laptop.page, 'navigation-admin-laptop-open');
    await nav.getByRole('link', { name: 'API access', exact: true }).click();
    await laptop.page.getByRole('heading', { name: 'API access' }).waitFor();
    expect(await nav.isVisible()).toBe(false);

    const desktop = await portal.openAs('demo', '/', { viewport: { width: 1280, height: 800 } });
    const row = desktop.page.getByRole('navigation', { name: 'Main' });
    await row.getByRole('link', { name: 'API access', exact: true }).waitFor();
    expect(await desktop.page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    // every entry inside the row, none scrolled out of sight
    expect(await row.locator('ul').evaluate((list) => list.scrollWidth <= list.clientWidth + 1)).toBe(true);
    await screenshot(desktop.page, 'navigation-admin-desktop');
  });

  it("keeps an employee's four entries in one row at 1024 px", async () => {
    const { page } = await portal.openAs('emma', '/', LAPTOP);
    const row = page.getByRole('navigation', { name: 'Main' });
    await row.getByRole('link', { name: 'My requests', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
  });
});
