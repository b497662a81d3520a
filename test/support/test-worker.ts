/**
 * A worker process for tests that kill workers: serves one job type with libs/worker-sdk.
 * Env: TYPE, MODE (`hang`: never finishes; `fast`: completes at once), JOB_TIMEOUT (ms),
 * LOG_FILE (one line per handler start: `<pid> <jobKey>`), plus the usual BATON_ENGINE_URL,
 * BATON_WORKER_USERNAME/PASSWORD, REDIS_URL and BULLMQ_PREFIX.
 */
import { appendFileSync } from 'node:fs';
import { createWorker } from '#worker-sdk';

const env = process.env;
const worker = createWorker({
  type: env.TYPE!,
  timeout: Number(env.JOB_TIMEOUT ?? 30_000),
  concurrency: 4,
  log: { info: () => undefined, warn: () => undefined, error: (m) => console.error(m) },
  handler: async (job) => {
    appendFileSync(env.LOG_FILE!, `${process.pid} ${job.key}\n`);
    if (env.MODE === 'hang') await new Promise(() => undefined);
    return { handledBy: process.pid };
  },
});
console.log('ready');
process.on('SIGTERM', () => void worker.close().then(() => process.exit(0)));
