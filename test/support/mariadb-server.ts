import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';

const run = promisify(execFile);

/**
 * A MariaDB server of a test's own — its own data directory (a temp dir), port and socket —
 * for tests that stop and restart the database and must not disturb the shared server on
 * 3306 that other test files use at the same time. `root` without password over TCP.
 */
export class OwnMariaDbServer {
  private child: ChildProcess | undefined;
  private dir = '';
  port = 0;

  get host(): string {
    return '127.0.0.1';
  }

  /** Creates the data directory (mariadb-install-db), then starts the server and waits until it answers. */
  async install(): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'baton-mariadb-'));
    this.port = await freePort();
    await run('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${this.datadir}`,
      '--user=root',
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ]);
    await this.start();
  }

  /** Starts (or restarts) the server on the same data directory and port; resolves once it answers. Does nothing while it runs. */
  async start(): Promise<void> {
    if (this.running) return;
    const child = spawn(
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${this.datadir}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.dir, 'mysqld.sock')}`,
        `--pid-file=${join(this.dir, 'mysqld.pid')}`,
        `--log-error=${join(this.dir, 'error.log')}`,
        '--user=root',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=32M',
      ],
      { stdio: 'ignore' },
    );
    this.child = child;
    // A test process that ends without remove() must not leave its server running.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.removeListener('exit', killOnExit));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`mariadbd exited with ${child.exitCode}: ${await this.errorLog()}`);
      try {
        const connection = await mysql.createConnection({ host: this.host, port: this.port, user: 'root', password: '' });
        await connection.end();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`mariadbd did not answer on port ${this.port} within 60 s: ${await this.errorLog()}`);
  }

  /** Shuts the server down (SIGTERM) and waits until it has exited: connections are refused from then on. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  /** Stops the server and deletes its data directory. */
  async remove(): Promise<void> {
    await this.stop();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  private get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  private get datadir(): string {
    return join(this.dir, 'data');
  }

  private async errorLog(): Promise<string> {
    return readFile(join(this.dir, 'error.log'), 'utf8').catch(() => '(no error log)');
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
