import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure, no I/O: libs and app units), `integration` (real MariaDB, Redis,
 * HTTP and the browser) and `load` (`*.load.test.ts`: load and SIGKILL tests that keep both cores
 * and the database busy). `npm test` runs all three: unit and integration together, then the load
 * tests one file at a time on a machine the rest no longer loads (`sequence.groupOrder`).
 * The `source` condition makes `#bpmn`-style imports resolve to TypeScript sources.
 */
const conditions = ['source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    // The JSON report is what .ci/run counts ("N passed, M failed").
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['libs/**/*.spec.ts', 'apps/engine/**/*.spec.ts', 'apps/worker/**/*.spec.ts', 'apps/portal/src/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.load.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'load',
          include: ['test/**/*.load.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
