import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '#runtime';

/**
 * The lint is part of `npm test` (so CI enforces it): eslint.config.js forbids import cycles
 * anywhere and imports across the layers of docs/architecture.md. The fixtures show each rule
 * failing; the whole project must pass.
 */
const eslint = () => new ESLint({ cwd: projectRoot() });
const problems = (results: ESLint.LintResult[]) =>
  results.flatMap((result) => result.messages.map((message) => `${result.filePath.replace(`${projectRoot()}/`, '')}:${message.line} ${message.ruleId ?? 'parse'}: ${message.message}`));

describe('lint', () => {
  it('refuses an import cycle', async () => {
    const results = await new ESLint({ cwd: projectRoot(), ignore: false }).lintFiles(['test/lint/fixtures/cycle/*.ts']);
    expect(problems(results).filter((p) => p.includes('import-x/no-cycle'))).toHaveLength(2);
  });

  it('refuses infrastructure, clock and randomness in the engine core', async () => {
    const code = [
      "import { DataSource } from 'typeorm';",
      "import { Queue } from 'bullmq';",
      "import { loadConfig } from '#runtime';",
      'export const leak = [DataSource, Queue, loadConfig, Date.now(), new Date(), Math.random(), process.env.X];',
    ].join('\n');
    const [result] = await eslint().lintText(code, { filePath: `${projectRoot()}/libs/engine-core/src/lint-probe.ts` });
    expect(result!.messages.map((m) => m.ruleId)).toEqual([
      'no-restricted-imports',
      'no-restricted-imports',
      'no-restricted-imports',
      'no-restricted-syntax',
      'no-restricted-syntax',
      'no-restricted-syntax',
      'no-restricted-syntax',
    ]);
  });

  it('refuses entities and SQL in controllers, and engine libraries in the portal', async () => {
    const [controller] = await eslint().lintText("import { JobEntity } from '#persistence';\nimport { DataSource } from 'typeorm';\nexport const x = [JobEntity, DataSource];\n", {
      filePath: `${projectRoot()}/apps/engine/src/jobs/probe.controller.ts`,
    });
    expect(controller!.messages.map((m) => m.message)).toEqual([
      "'#persistence' import is restricted from being used. Controllers see DTOs, never entities: a use case or repository maps entities to DTOs.",
      "'typeorm' import is restricted from being used by a pattern. Controllers run no SQL: a repository or store owns each table.",
    ]);
    const [portal] = await eslint().lintText("import { FeelService } from '#feel';\nexport const x = FeelService;\n", { filePath: `${projectRoot()}/apps/portal/src/probe.ts` });
    expect(portal!.messages.map((m) => m.ruleId)).toEqual(['no-restricted-imports']);
  });

  it('refuses reading the system time in the engine outside its clock', async () => {
    const code = 'export const times = [Date.now(), new Date(), Date(), [1].map(Date.now), new Date(0)];\n';
    const [probe] = await eslint().lintText(code, { filePath: `${projectRoot()}/apps/engine/src/jobs/probe.ts` });
    expect(probe!.messages.map((m) => m.ruleId)).toEqual(['no-restricted-syntax', 'no-restricted-syntax', 'no-restricted-syntax', 'no-restricted-syntax']);
    const [clock] = await eslint().lintText(code, { filePath: `${projectRoot()}/apps/engine/src/infrastructure/clock.ts` });
    expect(clock!.messages).toEqual([]);
  });

  it('passes on the whole project', async () => {
    expect(problems(await eslint().lintFiles(['.']))).toEqual([]);
  }, 300_000);
});
