import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '#runtime';

/**
 * The Docker setup, checked without a Docker engine (none on CI machines): docker-compose.yml is
 * parsed and its `${VAR}` references resolved as `docker compose` resolves them from `.env`;
 * the Dockerfile is read for its npm version.
 */
const root = projectRoot();
const composeText = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const envExample = readFileSync(join(root, '.env.example'), 'utf8');

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
}

/** `KEY=value` lines of an env file (comments and blank lines skipped). */
function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) env[match[1]!] = match[2]!;
  }
  return env;
}

/**
 * Compose's interpolation: `${VAR}`, `${VAR:-default}` (default when unset or empty), `${VAR:?error}`
 * (refuses to start when unset or empty), `$$` for a literal `$`. Throws the `:?` message.
 */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\{([A-Z_][A-Z0-9_]*)(?:(:-|:\?)([^}]*))?\}/g, (whole, name: string | undefined, op: string | undefined, arg: string | undefined) => {
    if (whole === '$$') return '$';
    const set = env[name!];
    if (set) return set;
    if (op === ':-') return arg!;
    if (op === ':?') throw new Error(`${name}: ${arg}`);
    return '';
  });
}

/** The compose file as `docker compose config` would see it with the given `.env`. */
function resolved(env: Record<string, string>): { services: Record<string, Service>; volumes: Record<string, unknown> } {
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return interpolate(node, env);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      // YAML merge keys (`<<: *baton-env`), as compose applies them: the mapping's own keys win.
      const { '<<': merged, ...own } = node as Record<string, unknown>;
      return Object.fromEntries(Object.entries({ ...(merged as object | undefined), ...own }).map(([key, value]) => [key, walk(value)]));
    }
    return node;
  };
  return walk(load(composeText)) as { services: Record<string, Service>; volumes: Record<string, unknown> };
}

const withPasswords: Record<string, string> = { ...parseEnvFile(envExample), MYSQL_ROOT_PASSWORD: 'root-secret', BATON_DB_PASSWORD: 'baton-secret' };

describe('docker-compose.yml', () => {
  it('refuses to start without the passwords of .env, and .env.example names them without values', () => {
    const example = parseEnvFile(envExample);
    expect(example).toMatchObject({ MYSQL_ROOT_PASSWORD: '', BATON_DB_PASSWORD: '' });
    expect(() => resolved(example)).toThrow(/MYSQL_ROOT_PASSWORD: set MYSQL_ROOT_PASSWORD in \.env|BATON_DB_PASSWORD: set BATON_DB_PASSWORD in \.env/);
    expect(() => resolved({ ...example, MYSQL_ROOT_PASSWORD: 'x' })).toThrow(/BATON_DB_PASSWORD: set BATON_DB_PASSWORD in \.env/);
    // Every variable the compose file reads is listed in .env.example.
    const used = [...composeText.matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((match) => match[1]);
    expect(Object.keys(example)).toEqual(expect.arrayContaining([...new Set(used)]));
    expect(composeText).not.toMatch(/PASSWORD: (?!\$\{)\S/);
  });

  it('keeps .env out of git', () => {
    expect(execFileSync('git', ['check-ignore', '.env'], { cwd: root, encoding: 'utf8' }).trim()).toBe('.env');
    expect(() => execFileSync('git', ['check-ignore', '.env.example'], { cwd: root })).toThrow();
  });

  it('publishes only the engine, on 127.0.0.1 unless .env says otherwise', () => {
    const { services } = resolved(withPasswords);
    const published = Object.entries(services).filter(([, service]) => service.ports).map(([name, service]) => [name, service.ports]);
    expect(published).toEqual([['engine', ['127.0.0.1:8080:8080']]]);
    const { BATON_BIND_ADDRESS: _address, BATON_PORT: _port, ...unset } = withPasswords;
    expect(resolved(unset).services.engine!.ports).toEqual(['127.0.0.1:8080:8080']);
    expect(resolved({ ...withPasswords, BATON_BIND_ADDRESS: '0.0.0.0', BATON_PORT: '9000' }).services.engine!.ports).toEqual(['0.0.0.0:9000:8080']);
  });

  it('runs engine and worker as a database user that is not root, with the password of .env', () => {
    const { services } = resolved(withPasswords);
    const mysql = services.mysql!.environment!;
    expect(mysql).toMatchObject({ MYSQL_ROOT_PASSWORD: 'root-secret', MYSQL_DATABASE: 'baton', MYSQL_USER: 'baton', MYSQL_PASSWORD: 'baton-secret' });
    for (const name of ['engine', 'worker']) {
      expect(services[name]!.environment, name).toMatchObject({ DB_HOST: 'mysql', DB_USER: 'baton', DB_PASSWORD: 'baton-secret', DB_NAME: 'baton' });
    }
    // The healthcheck signs in as that user too: root's password is needed by nobody but an administrator.
    expect(services.mysql!.healthcheck!.test.join(' ')).toContain('$MYSQL_USER');
    expect(resolved({ ...withPasswords, BATON_SEED_DEMO: 'false' }).services.engine!.environment!.BATON_SEED_DEMO).toBe('false');
  });

  it("keeps the worker's outbox in a volume at the folder the image creates for it, and the README says how to read it", () => {
    const { services, volumes } = resolved(withPasswords);
    expect(services.worker!.volumes).toEqual(['worker-outbox:/app/var/outbox']);
    expect(volumes).toHaveProperty('worker-outbox');
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('WORKDIR /app');
    expect(dockerfile).toContain('mkdir -p /app/var/outbox');
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('docker compose exec worker tail -f var/outbox/emails.jsonl');
  });
});

describe('Dockerfile', () => {
  it('installs with npm 11.16 or later, the first npm that reads package.json allowScripts', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const build = dockerfile.slice(0, dockerfile.indexOf('RUN npm ci'));
    const npm = /npm install --global [^\n]*npm@(\d+)\.(\d+)\.\d+/.exec(build);
    expect(npm, 'the build stage installs an npm version before npm ci').not.toBeNull();
    const [major, minor] = [Number(npm![1]), Number(npm![2])];
    expect(major > 11 || (major === 11 && minor >= 16)).toBe(true);
    const allowScripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { allowScripts?: object }).allowScripts;
    expect(allowScripts).toBeDefined();
  });
});
