import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A local stand-in for the outside world: the sample handlers append what they would send
 * (emails, payments, shipments) as JSON lines to files in one folder, instead of pretending to
 * reach real services. Each line carries the job key, so a job that ran twice (at-least-once)
 * shows up as such.
 */
export class Outbox {
  constructor(private readonly dir: string) {}

  async append(file: string, record: Record<string, unknown>): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await appendFile(join(this.dir, file), `${JSON.stringify({ at: new Date().toISOString(), ...record })}\n`, 'utf8');
  }
}
