import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: { dir: string; version: string } | undefined;

/** Walks up from this file to Baton's package.json (works from sources and from dist/). */
function findRoot(): { dir: string; version: string } {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'baton') return (root = { dir, version: pkg.version ?? '0.0.0' });
    }
    dir = dirname(dir);
  }
  return (root = { dir: process.cwd(), version: '0.0.0-unknown' });
}

/** Baton's version, from its package.json. */
export function batonVersion(): string {
  return findRoot().version;
}

/** The repository root (the folder of Baton's package.json); relative paths in the config resolve against it. */
export function projectRoot(): string {
  return findRoot().dir;
}
