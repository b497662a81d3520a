// Baton's lint: the boundaries of docs/architecture.md, enforced. `npm test` runs it
// (test/lint/lint.test.ts), so CI fails on an import cycle or an import across a layer.
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Modules no pure library may import: frameworks, storage, queues, I/O. */
const IO_MODULES = [
  { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'mysql2', 'mysql2/*', 'bullmq', 'ioredis', 'express', 'pino'], message: 'Pure libraries use no framework, database, queue or logger: pass what they need in.' },
  { group: ['node:fs', 'node:fs/*', 'node:net', 'node:http', 'node:https', 'node:child_process', 'fs', 'net', 'http'], message: 'Pure libraries do no I/O.' },
];

/** Baton's infrastructure libraries (exact names: in gitignore-style patterns `#` starts a comment). */
const INFRASTRUCTURE_LIBS = ['#persistence', '#runtime', '#worker-sdk', '#migrations'].map((name) => ({ name, message: 'Pure libraries depend on no infrastructure library.' }));

/** Reading the clock or randomness in the pure core: both are passed in (ProcessingEnvironment). */
const CLOCK_AND_RANDOMNESS = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The core reads no clock: use the command time (ProcessingEnvironment.now).' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The core reads no clock: use the command time (ProcessingEnvironment.now).' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The core uses no randomness of its own: use ProcessingEnvironment.random.' },
  { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'The core reads no clock.' },
  { selector: "CallExpression[callee.name=/^(setTimeout|setInterval|setImmediate)$/]", message: 'The core schedules nothing: timers are records the engine schedules.' },
  { selector: "MemberExpression[object.name='process']", message: 'The core reads no process state or environment.' },
];

/**
 * Reading the system time in apps/engine: business time comes from the injected engine clock
 * (CLOCK, which PUT /v2/clock may pin), real time from the injected wall clock (WALL_CLOCK).
 * Only the clock's own file reads the system time (docs/architecture.md, "Time").
 */
const ENGINE_TIME = [
  { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'Read the time from an injected clock: CLOCK for business time, WALL_CLOCK for real time (docs/architecture.md, "Time").' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read the time from an injected clock: CLOCK for business time, WALL_CLOCK for real time (docs/architecture.md, "Time").' },
  { selector: "CallExpression[callee.name='Date']", message: 'Date() reads the system time: use an injected clock (docs/architecture.md, "Time").' },
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'var/**', 'apps/portal/dist/**', '**/*.d.ts', 'test/lint/fixtures/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      // `#bpmn`-style subpath imports resolve to the TypeScript sources (the `source` condition).
      'import-x/resolver-next': [createNodeResolver({ conditionNames: ['source', 'import', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.json'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['libs/engine-core/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: INFRASTRUCTURE_LIBS, patterns: IO_MODULES }],
      'no-restricted-syntax': ['error', ...CLOCK_AND_RANDOMNESS],
    },
  },
  {
    files: ['libs/bpmn/src/**/*.ts', 'libs/feel/src/**/*.ts', 'libs/errors/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: INFRASTRUCTURE_LIBS, patterns: IO_MODULES.slice(0, 1) }] },
  },
  {
    files: ['apps/engine/src/**/*.ts'],
    ignores: ['apps/engine/src/infrastructure/clock.ts'],
    rules: { 'no-restricted-syntax': ['error', ...ENGINE_TIME] },
  },
  {
    files: ['apps/engine/src/**/*.controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '#persistence', message: 'Controllers see DTOs, never entities: a use case or repository maps entities to DTOs.' }],
          patterns: [{ group: ['typeorm', 'mysql2', 'mysql2/*'], message: 'Controllers run no SQL: a repository or store owns each table.' }],
        },
      ],
    },
  },
  {
    files: ['apps/portal/src/**/*.ts', 'apps/portal/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['#bpmn', '#feel', '#engine-core', '#persistence', '#runtime', '#worker-sdk', '#migrations'].map((name) => ({ name, message: 'The portal talks to the engine over HTTP only.' })),
          patterns: [{ group: ['**/libs/*'], message: 'The portal talks to the engine over HTTP only.' }],
        },
      ],
    },
  },
);
