import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileBpmn, decodeResource, type BpmnCompileResult, type BpmnProblem } from '../../src/index.js';

/** `libs/bpmn/test/fixtures/`. */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The repository root (`/work/main` in development), found from this file. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The `.bpmn` files of `fixtures/<rule>/<kind>/`, sorted. */
export function fixtureFiles(rule: string, kind: 'valid' | 'invalid'): string[] {
  const dir = path.join(FIXTURES_DIR, rule, kind);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => file.endsWith('.bpmn')).sort() : [];
}

/** Compiles a fixture (path relative to `fixtures/`), decoding its bytes like the deploy endpoint would. */
export async function compileFixture(relativePath: string): Promise<BpmnCompileResult> {
  const bytes = fs.readFileSync(path.join(FIXTURES_DIR, relativePath));
  return compileBpmn(decodeResource(bytes), { resourceName: path.basename(relativePath) });
}

/** What a rule spec asserts about one problem. */
export interface ExpectedProblem {
  elementId?: string;
  message: string;
  line?: number;
  column?: number;
}

/** The fields rule specs compare, without the ones that are undefined. */
export function project(problem: BpmnProblem): ExpectedProblem & { rule: string } {
  const projected: ExpectedProblem & { rule: string } = { rule: problem.rule, message: problem.message };
  if (problem.elementId !== undefined) projected.elementId = problem.elementId;
  if (problem.line !== undefined) projected.line = problem.line;
  if (problem.column !== undefined) projected.column = problem.column;
  return projected;
}

/**
 * The table-driven spec every rule has: each `valid/` fixture yields no problem from the rule, and
 * each `invalid/` fixture yields exactly the listed problems from it (other rules may add theirs).
 * A fixture without an expectation, or an expectation without a fixture, fails the spec.
 */
export function describeRuleFixtures(rule: string, expectations: Record<string, ExpectedProblem[]>): void {
  describe(`rule '${rule}' on its fixtures`, () => {
    const valid = fixtureFiles(rule, 'valid');
    const invalid = fixtureFiles(rule, 'invalid');

    it('has valid and invalid fixtures, each invalid one with an expectation', () => {
      expect(valid.length).toBeGreaterThan(0);
      expect(invalid.length).toBeGreaterThan(0);
      expect(Object.keys(expectations).sort()).toEqual(invalid);
    });

    it.each(valid)('valid/%s: no problem from this rule', async (file) => {
      const result = await compileFixture(`${rule}/valid/${file}`);
      const problems = result.ok ? [] : result.problems.filter((problem) => problem.rule === rule);
      expect(problems).toEqual([]);
    });

    it.each(invalid)('invalid/%s: exactly the expected problems', async (file) => {
      const result = await compileFixture(`${rule}/invalid/${file}`);
      expect(result.ok).toBe(false);
      const problems = result.ok ? [] : result.problems.filter((problem) => problem.rule === rule).map(project);
      expect(problems).toEqual((expectations[file] ?? []).map((expected) => ({ rule, ...expected })));
    });
  });
}
