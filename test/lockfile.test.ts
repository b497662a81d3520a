import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '#runtime';

/**
 * `npm ci` refuses a lockfile in which a locked package's dependency (optional ones included)
 * has no entry. The registry mirror these machines use lacks some platform-specific optional
 * packages (e.g. @msgpackr-extract/msgpackr-extract-darwin-arm64), so `npm install` silently
 * leaves them out; their entries were added by hand (see docs/architecture.md). This test
 * catches a lockfile that would make `npm ci` fail.
 */
describe('package-lock.json', () => {
  it('has an entry for every dependency of every locked package, so npm ci accepts it', () => {
    const lock = JSON.parse(readFileSync(join(projectRoot(), 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string> }>;
    };
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
        if (!resolves(lock.packages, path, name)) missing.push(`${path || '(root)'} -> ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

/** Node's lookup: <path>/node_modules/<name>, then each ancestor's node_modules. */
function resolves(packages: Record<string, unknown>, from: string, name: string): boolean {
  let dir = from;
  for (;;) {
    if (`${dir ? `${dir}/` : ''}node_modules/${name}` in packages) return true;
    if (!dir) return false;
    const at = dir.lastIndexOf('/node_modules/');
    dir = at === -1 ? '' : dir.slice(0, at);
  }
}
