import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { BatonConfig } from '#runtime';
import { launchBrowser, type LaunchedBrowser, type LaunchBrowserOptions } from './browser.js';
import { startTestEngine, type TestEngine } from './test-engine.js';

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
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${engineUrl}${path}`);
}

export interface PortalTestContext {
  /** The file's engine (started in beforeAll). */
  engine(): TestEngine;
  /** A fresh browser signed in as `username` on `path`; closed after the test. */
  openAs(username: string, path: string, options?: LaunchBrowserOptions): Promise<LaunchedBrowser>;
}

/**
 * Registers what a portal browser test file needs: the built portal, one engine for the file
 * (`overrides` of its configuration, then `setup`, e.g. deployments) stopped after it, and
 * signed-in browsers closed after each test.
 */
export function usePortalEngine(overrides: Partial<BatonConfig> = {}, setup?: (engine: TestEngine) => Promise<void>): PortalTestContext {
  let engine: TestEngine;
  const browsers: LaunchedBrowser[] = [];

  beforeAll(async () => {
    assertPortalBuilt();
    engine = await startTestEngine(overrides);
    await setup?.(engine);
  });
  afterEach(async () => {
    await Promise.all(browsers.splice(0).map((browser) => browser.close()));
  });
  afterAll(async () => {
    await engine?.stop();
  });

  return {
    engine: () => engine,
    openAs: async (username, path, options) => {
      const browser = await launchBrowser(options);
      browsers.push(browser);
      await signInThroughPortal(browser.page, engine.url, username, path);
      return browser;
    },
  };
}
