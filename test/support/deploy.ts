import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { TestEngine } from './test-engine.js';

/** A file to deploy: a path on disk, or a name with inline content. */
export type DeployFile = string | { name: string; content: string | Buffer };

/** POST /v2/deployments with multipart `resources` parts, as curl -F would. */
export async function deploy(engine: TestEngine, files: DeployFile[], user: string | null = 'demo'): Promise<Response> {
  const form = new FormData();
  for (const file of files) {
    const { name, content } = typeof file === 'string' ? { name: basename(file), content: await readFile(file) } : file;
    form.append('resources', new Blob([content]), name);
  }
  return engine.request('/v2/deployments', { method: 'POST', body: form, user });
}
