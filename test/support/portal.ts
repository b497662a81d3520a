import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The portal build the browser tests open: `BATON_PORTAL_DIR` (the variable the engine reads, so
 * the test engine serves the same directory), else `dist/portal` (what `npm run build:portal`
 * writes). Relative paths are taken from the repository root.
 */
export const PORTAL_DIR = ((dir: string) => (isAbsolute(dir) ? dir : resolve(REPO_ROOT, dir)))(process.env.BATON_PORTAL_DIR ?? 'dist/portal');

/** Throws with the command to run when the portal has not been built into {@link PORTAL_DIR}. */
export function assertPortalBuilt(): void {
  const index = join(PORTAL_DIR, 'index.html');
  if (!existsSync(index)) {
    throw new Error(`The portal is not built: ${index} is missing. Run "npm run build:portal" first (npm test does it in pretest), or point BATON_PORTAL_DIR at a build.`);
  }
}

/** Signs `username` in through the sign-in page (password = username, as seeded) and opens `path`. */
export async function signInThroughPortal(page: Page, engineUrl: string, username: string, path = '/'): Promise<void> {
  await page.goto(`${engineUrl}/sign-in?next=${encodeURIComponent(path)}`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(username);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${engineUrl}${path}`);
}
