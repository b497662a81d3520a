import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import mysql from 'mysql2/promise';
import { projectRoot } from '#runtime';
import { basicAuth } from './test-engine.js';

/**
 * The built engine (dist/, as `npm start` runs it) as a child process, for tests that kill it.
 * Each instance of this class owns a fresh database that `drop()` removes.
 */
export class EngineProcess {
  readonly database = `baton_test_proc_${randomBytes(3).toString('hex')}`;
  private child: ChildProcess | undefined;
  private output = '';
  port = 0;

  static readonly script = `${projectRoot()}/dist/apps/engine/src/main.js`;

  static isBuilt(): boolean {
    return existsSync(EngineProcess.script);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get log(): string {
    return this.output;
  }

  /** Starts (or restarts) the engine on the same database and port; resolves once it serves. */
  async start(env: Record<string, string> = {}): Promise<void> {
    if (!this.port) this.port = await freePort();
    // BATON_ENGINE_NODE_ARGS: Node options for the engine alone (the benchmark's `--cpu-prof`, which NODE_OPTIONS refuses).
    const nodeArgs = (process.env.BATON_ENGINE_NODE_ARGS ?? '').split(' ').filter(Boolean);
    this.child = spawn(process.execPath, [...nodeArgs, EngineProcess.script], {
      cwd: projectRoot(),
      env: { ...process.env, PORT: String(this.port), DB_NAME: this.database, BULLMQ_PREFIX: this.database, BATON_PROCESSES_DIR: '', LOG_FORMAT: 'json', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk) => (this.output += chunk));
    this.child.stderr!.on('data', (chunk) => (this.output += chunk));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`Engine exited with ${this.child.exitCode}:\n${this.output}`);
      try {
        if ((await fetch(`${this.url}/health/ready`)).ok) return;
      } catch {
        // not yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Engine did not start within 60 s:\n${this.output}`);
  }

  /** A REST call as the admin `demo`: the status and the parsed JSON body (null when empty). */
  async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
    const response = await fetch(this.url + path, {
      method,
      headers: { Authorization: basicAuth('demo'), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  }

  /** SIGKILL: no shutdown, no flush, open transactions die with their connections. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  async drop(): Promise<void> {
    await this.kill();
    const connection = await mysql.createConnection({ host: process.env.DB_HOST ?? '127.0.0.1', port: Number(process.env.DB_PORT ?? 3306), user: process.env.DB_USER ?? 'root', password: process.env.DB_PASSWORD ?? '' });
    await connection.query(`DROP DATABASE IF EXISTS \`${this.database}\``);
    await connection.end();
  }

  /** A connection to the engine's database, for checking what it stored. */
  async connect(): Promise<mysql.Connection> {
    return mysql.createConnection({
      host: process.env.DB_HOST ?? '127.0.0.1',
      port: Number(process.env.DB_PORT ?? 3306),
      user: process.env.DB_USER ?? 'root',
      password: process.env.DB_PASSWORD ?? '',
      database: this.database,
      supportBigNumbers: true,
      bigNumberStrings: true,
    });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
