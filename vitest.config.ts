import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure, no I/O: libs and app units) and `integration`
 * (real MariaDB, Redis, HTTP and the browser). `npm test` runs both.
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
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
