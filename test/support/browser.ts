import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; playwright-core drives it, no downloaded browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The browser globals used inside page.evaluate callbacks (the root tsconfig has no DOM lib).
declare const document: {
  documentElement: { scrollWidth: number; clientWidth: number };
  addEventListener(type: 'securitypolicyviolation', listener: (event: CspViolationEvent) => void): void;
};
declare const window: { scrollTo(x: number, y: number): void } & Record<typeof CSP_BINDING, (violation: CspViolation) => void>;

/** What the page's `securitypolicyviolation` event says (the fields the report uses). */
interface CspViolation {
  violatedDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  sample: string;
}
type CspViolationEvent = CspViolation;

/** The function pages call to report a CSP violation to the test. */
const CSP_BINDING = '__batonCspViolation';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where {@link screenshot} writes: `<repo>/test-results/screenshots` (git-ignored, kept by CI). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/**
 * Something that went wrong inside the page: an uncaught error, a console error, or something the
 * Content-Security-Policy blocked (a `securitypolicyviolation` event, or the console's "Refused to
 * ... Content Security Policy" error).
 */
export interface BrowserProblem {
  kind: 'page-error' | 'console-error' | 'csp-violation';
  text: string;
  /** Where it came from: the script, or for failed loads the resource URL. */
  url: string;
}

/** How the browser looks to the page. */
export interface LaunchBrowserOptions {
  /** @default { width: 1280, height: 800 } */
  viewport?: { width: number; height: number };
  /** @default 1 */
  deviceScaleFactor?: number;
  /** Mobile emulation: meta viewport honoured, touch events. @default false */
  isMobile?: boolean;
  /** @default false */
  hasTouch?: boolean;
}

/** A phone-sized screen (iPhone 12-15 CSS pixels). */
export const PHONE: LaunchBrowserOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** A launched Chromium with one open page, recording every page and console error. */
export interface LaunchedBrowser {
  context: BrowserContext;
  /** The first tab. */
  page: Page;
  /** Every problem so far, in order, from all pages of the context. */
  problems: BrowserProblem[];
  /**
   * The problems not matched by `allowed` (tested against `"<text> <url>"`): a test that provokes
   * an error on purpose (a 401 the browser logs as "Failed to load resource") allows exactly that.
   * CSP violations are never allowed this way.
   */
  unexpectedProblems(allowed?: RegExp[]): BrowserProblem[];
  /** Removes the CSP violations recorded so far and returns them: for a test that provokes one on purpose. */
  takeCspViolations(): BrowserProblem[];
  /**
   * Closes the browser and deletes its profile; fails when a page met a CSP violation that the
   * test did not take: every browser test thereby checks that the portal works under its CSP.
   */
  close(): Promise<void>;
}

/**
 * Starts headless Chromium with a fresh profile (so no state leaks between tests) and starts
 * recording page errors and console errors, which tests assert to be empty.
 */
export async function launchBrowser(options: LaunchBrowserOptions = {}): Promise<LaunchedBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'baton-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
      isMobile: options.isMobile ?? false,
      hasTouch: options.hasTouch ?? false,
      locale: 'en-US',
      timezoneId: 'UTC',
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw new Error(`Could not start Chromium at ${CHROMIUM} (set CHROMIUM_PATH to use another): ${String(error)}`, { cause: error });
  }
  // Fail a step in seconds, well inside the test timeout, with Playwright's precise message.
  context.setDefaultTimeout(10_000);

  const problems: BrowserProblem[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => problems.push({ kind: 'page-error', text: error.stack ?? error.message, url: page.url() }));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const kind = /Content Security Policy/i.test(message.text()) ? 'csp-violation' : 'console-error';
      problems.push({ kind, text: message.text(), url: message.location().url });
    });
  };
  await context.exposeBinding(CSP_BINDING, ({ frame }, violation: CspViolation) => {
    problems.push({
      kind: 'csp-violation',
      text: `${violation.violatedDirective} blocked ${violation.blockedURI || '(inline)'}${violation.sample ? ` (${violation.sample})` : ''} at ${violation.sourceFile}:${violation.lineNumber}`,
      url: frame.url(),
    });
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const { violatedDirective, blockedURI, sourceFile, lineNumber, sample } = event;
      window.__batonCspViolation({ violatedDirective, blockedURI, sourceFile, lineNumber, sample });
    });
  });
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());

  const isCspViolation = (problem: BrowserProblem) => problem.kind === 'csp-violation';
  return {
    context,
    page,
    problems,
    unexpectedProblems: (allowed = []) => problems.filter((problem) => isCspViolation(problem) || !allowed.some((pattern) => pattern.test(`${problem.text} ${problem.url}`))),
    takeCspViolations: () => {
      const taken = problems.filter(isCspViolation);
      problems.splice(0, problems.length, ...problems.filter((problem) => !isCspViolation(problem)));
      return taken;
    },
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
      const violations = problems.filter(isCspViolation);
      if (violations.length > 0) {
        throw new Error(`The Content-Security-Policy blocked something:\n${violations.map((problem) => `  - ${problem.text} (on ${problem.url})`).join('\n')}`);
      }
    },
  };
}

/**
 * Saves a full-page PNG as `<repo>/test-results/screenshots/<name>.png` and returns its path. It
 * is taken from the top: the sticky header would otherwise sit where the page was scrolled to.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  return path;
}

/** Whether the page is wider than the window (a layout that makes a phone scroll sideways). */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
