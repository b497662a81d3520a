/**
 * `npm start`: runs the engine (API + portal) and the worker as two child processes, like the
 * Docker setup does, in one terminal. The worker starts once the engine has migrated the
 * database and serves. SIGINT (Ctrl-C), SIGTERM and SIGHUP stop both cleanly, whether they
 * reach this process alone, npm (which forwards SIGINT and SIGTERM; `npm start` `exec`s this
 * script so that npm's child is this process, not a shell) or the whole process group. If npm
 * dies without forwarding (SIGHUP, SIGKILL) this process stops too, and the children stop when
 * this process dies (their IPC channel closes). If either child dies, the other is stopped and
 * the exit code is passed on.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { batonVersion, loadConfigOrExit, onStopRequest, projectRoot } from '#runtime';

const root = projectRoot();
const config = loadConfigOrExit();
const children = new Map<string, ChildProcess>();
let stopping = false;

function run(name: string, script: string): ChildProcess {
  // The IPC channel is how a child notices that this process died (see onStopRequest).
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, script)], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: process.env });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`[baton] ${name} exited (${signal ?? `code ${code}`}); stopping`);
      stopAll(code && code !== 0 ? code : 1);
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0);
    }
  });
  return child;
}

function stopAll(exitCode: number): void {
  if (!stopping) {
    stopping = true;
    process.exitCode = exitCode;
  }
  if (children.size === 0) process.exit(exitCode);
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
    process.exit(exitCode || 1);
  }, 20_000).unref();
}

async function waitForEngine(timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const url = `http://127.0.0.1:${config.port}/health/live`;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

// Run by npm (`npm start`), npm is the parent: when it is gone, nobody is left to stop us.
onStopRequest(() => stopAll(0), { watchParent: process.env.npm_lifecycle_event !== undefined });

console.log(`[baton] starting Baton ${batonVersion()}: engine + worker`);
run('engine', 'dist/apps/engine/src/main.js');
if (await waitForEngine(120_000)) {
  run('worker', 'dist/apps/worker/src/main.js');
  console.log(`[baton] ready: portal and API on http://localhost:${config.port} (API docs at /v2/api-docs). Ctrl-C stops.`);
} else if (!stopping) {
  console.error('[baton] the engine did not start listening within 120 s; stopping');
  stopAll(1);
}
