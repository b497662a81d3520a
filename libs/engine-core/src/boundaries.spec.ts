import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * engine-core is pure (design.md, style.md): no framework, database, queue, clock or randomness.
 * Clock and ids are passed in. This check reads every non-test source file of the library.
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const FORBIDDEN_IMPORTS = /from\s+'(@nestjs\/[^']*|typeorm[^']*|bullmq|ioredis|mysql2[^']*|#persistence|#runtime|node:fs[^']*|node:net|node:http[^']*)'/;
const FORBIDDEN_CALLS = /\b(Date\.now\(|new Date\(\)|Math\.random\(|performance\.now\(|setTimeout\(|setInterval\(|process\.)/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('libs/engine-core boundaries', () => {
  it('imports no framework, database, queue or I/O module and reads no clock or randomness', () => {
    const offences = sources(root).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(root, file)}:${i + 1}` }))
        .filter(({ line }) => !line.trimStart().startsWith('*') && !line.trimStart().startsWith('//'))
        .filter(({ line }) => FORBIDDEN_IMPORTS.test(line) || FORBIDDEN_CALLS.test(line))
        .map(({ line, at }) => `${at}: ${line.trim()}`),
    );
    expect(offences).toEqual([]);
  });
});
