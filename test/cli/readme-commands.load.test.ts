import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '#runtime';
import { until } from '../support/eventually.js';
import { matchOutput, shownCommands, withSeenNumbers } from '../support/readme-commands.js';

/**
 * Every command of the README, typed as a user types it: against what `npm start` runs (engine
 * and worker, processes/ deployed at start) on a fresh database, with bash, curl and jq, in a
 * folder that has the repository's processes/ and docs/ and the worker's var/outbox/. Each
 * command's output must match what the README shows (keys and times differ: see
 * test/support/readme-commands.ts); a command shown without output must not answer a problem.
 * Reads (no body, or a search) are repeated until they match, for what the worker or a timer
 * does meanwhile. In the `load` project: one engine and worker for a few minutes, run alone.
 */
const root = projectRoot();
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const commands = shownCommands(readme);
const database = `baton_test_readme_${randomBytes(3).toString('hex')}`;
const work = mkdtempSync(join(tmpdir(), 'baton-readme-'));
let port = 0;
let launcher: ChildProcess | undefined;
let log = '';
const seen = new Map<string, string>();
const outputs: string[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
}

beforeAll(async () => {
  symlinkSync(join(root, 'processes'), join(work, 'processes'));
  symlinkSync(join(root, 'docs'), join(work, 'docs'));
  mkdirSync(join(work, 'var', 'outbox'), { recursive: true });
  port = await freePort();
  launcher = spawn(process.execPath, [join(root, 'dist/scripts/start.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DB_NAME: database, BULLMQ_PREFIX: database, BATON_WORKER_OUTBOX_DIR: join(work, 'var', 'outbox'), LOG_FORMAT: 'json', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout!.on('data', (chunk) => (log += chunk));
  launcher.stderr!.on('data', (chunk) => (log += chunk));
  await until(async () => log.includes('[baton] ready') || launcher!.exitCode !== null, 'npm start to be ready', 120_000);
  expect(launcher.exitCode, log).toBeNull();
}, 180_000);

afterAll(async () => {
  if (launcher && launcher.exitCode === null) {
    const exited = new Promise((resolve) => launcher!.once('exit', resolve));
    launcher.kill('SIGTERM');
    await exited;
  }
  rmSync(work, { recursive: true, force: true });
  const connection = await mysql.createConnection({ host: '127.0.0.1', user: 'root', password: '' });
  await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await connection.end();
});

/** `<fieldName>` placeholders: the value of that JSON field in the latest output that has one. */
function withPlaceholders(command: string): string {
  return command.replace(/<(\w+Key)>/g, (placeholder, field: string) => {
    for (const output of [...outputs].reverse()) {
      const values = [...output.matchAll(new RegExp(`"${field}":"(\\d+)"`, 'g'))];
      if (values.length) return values[values.length - 1]![1]!;
    }
    throw new Error(`No output so far has a "${field}" for ${placeholder}`);
  });
}

/** Runs a command with bash; `output` is what it printed on stdout (curl's progress meter goes to stderr). */
function run(command: string): { status: number | null; output: string; stderr: string } {
  const result = spawnSync('bash', ['-o', 'pipefail', '-c', command], { cwd: work, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: result.stdout, stderr: result.stderr };
}

const isRead = (command: string) => !/\s-(d|F|X)\s/.test(command) || /\/search\b/.test(command);

describe('the README, command for command', () => {
  it('has commands to run, each in a $ session', () => {
    expect(commands.length).toBeGreaterThan(30);
  });

  for (const [index, shown] of commands.entries()) {
    it(`${index + 1}. ${shown.section}: ${shown.command.split('\n')[0]!.slice(0, 90)}`, async () => {
      const command = withPlaceholders(withSeenNumbers(shown.command, seen)).replaceAll('http://localhost:8080', `http://127.0.0.1:${port}`);
      let result = run(command);
      let mapping = shown.output ? matchOutput(shown.output, result.output) : null;
      if (shown.output && !mapping && isRead(command)) {
        const deadline = Date.now() + 60_000;
        while (!mapping && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          result = run(command);
          mapping = matchOutput(shown.output, result.output);
        }
      }
      outputs.push(result.output);
      expect(result.status, `${command}\n${result.output}${result.stderr}`).toBe(0);
      if (!shown.output) {
        expect(result.output, command).not.toContain('urn:baton:problem:');
        return;
      }
      expect(mapping, `${command}\nprinted:\n${result.output}\nbut the README shows:\n${shown.output}`).not.toBeNull();
      for (const [shownNumber, actual] of mapping!) if (!seen.has(shownNumber)) seen.set(shownNumber, actual);
    }, 150_000);
  }
});
