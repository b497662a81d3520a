import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure, no I/O: libs and app units) and `integration`
 * (real MariaDB, Redis, HTTP and the browser). `npm test` runs both.
 * The `source` condition makes `#bpmn`-style imports resolve to TypeScript sources.
 */
const sourceConditions = { conditions: ['source', 'node', 'import', 'default'] };

export default defineConfig({
  resolve: sourceConditions,
  ssr: { resolve: { conditions: sourceConditions.conditions, externalConditions: ['node'] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['libs/**/*.spec.ts', 'apps/engine/**/*.spec.ts', 'apps/worker/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
