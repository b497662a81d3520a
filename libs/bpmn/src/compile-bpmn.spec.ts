import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, REPO_ROOT } from '../test/support/fixtures.js';
import { compileBpmn } from './compile-bpmn.js';
import type { BpmnRule } from './rules/bpmn-rule.js';
import { runRules } from './validate/run-rules.js';
import type { ValidationContext } from './validate/validation-context.js';

const HEAD =
  '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_1" targetNamespace="x">';

/** A process with `count` service tasks in a row. */
function chainOf(count: number): string {
  const parts = ['<bpmn:process id="long" isExecutable="true"><bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="t0" />'];
  for (let i = 0; i < count; i++) {
    const next = i === count - 1 ? 'e' : `t${i + 1}`;
    parts.push(`<bpmn:serviceTask id="t${i}"><bpmn:extensionElements><zeebe:taskDefinition type="work" /></bpmn:extensionElements></bpmn:serviceTask>`);
    parts.push(`<bpmn:sequenceFlow id="f${i + 1}" sourceRef="t${i}" targetRef="${next}" />`);
  }
  parts.push('<bpmn:endEvent id="e" /></bpmn:process>');
  return `${HEAD}${parts.join('')}</bpmn:definitions>`;
}

describe('compileBpmn never throws', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['an object', { xml: '<bpmn:definitions/>' }],
  ])('given %s instead of a string, when compiled, then it returns an xml problem', async (_, input) => {
    const result = await compileBpmn(input as unknown as string, { resourceName: 'odd.bpmn' });
    expect(result).toMatchObject({ ok: false, problems: [{ rule: 'xml' }] });
  });

  it('given missing options, when compiled, then it still answers', async () => {
    const result = await compileBpmn('', undefined as unknown as { resourceName: string });
    expect(result).toEqual({ ok: false, problems: [{ rule: 'xml', message: 'Expected a BPMN 2.0 XML document but the resource is empty' }], warnings: [] });
  });

  it('given every prefix of a valid model, when compiled, then each answer is a value with rule and message', async () => {
    const xml = fs.readFileSync(path.join(FIXTURES_DIR, 'supported-element/valid/executed-elements.bpmn'), 'utf8');
    for (let end = 0; end < xml.length; end += 53) {
      const result = await compileBpmn(xml.slice(0, end), { resourceName: 'cut.bpmn' });
      const findings = result.ok ? result.warnings : result.problems;
      for (const finding of findings) expect(finding).toMatchObject({ rule: expect.any(String), message: expect.any(String) });
    }
  });

  it('given bytes that are not text, when compiled, then it returns a problem', async () => {
    let seed = 7;
    const noise = Array.from({ length: 2000 }, () => String.fromCharCode((seed = (seed * 48271) % 2147483647) % 0x2fff)).join('');
    const result = await compileBpmn(`<${noise}`, { resourceName: 'noise.bpmn' });
    expect(result.ok).toBe(false);
  });

  it('given a process of 3000 tasks, when compiled, then it deploys', async () => {
    const result = await compileBpmn(chainOf(3000), { resourceName: 'long.bpmn' });
    expect(result.ok && Object.keys(result.processes[0]!.elements).length).toBe(3002);
  });

  it('given Camunda 7 models, when compiled, then each is refused with problems or deploys with camunda-7-extension warnings', async () => {
    const dir = path.resolve(REPO_ROOT, '../shared/models/camunda7');
    if (!fs.existsSync(dir)) return void console.warn(`skipped: ${dir} is missing`);
    const accepted: string[] = [];
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.bpmn')).sort()) {
      const result = await compileBpmn(fs.readFileSync(path.join(dir, file), 'utf8'), { resourceName: file });
      if (result.ok) {
        accepted.push(file);
        expect(result.warnings.map((warning) => warning.rule), file).toContain('camunda-7-extension');
      } else {
        expect(result.problems.length, file).toBeGreaterThan(0);
      }
    }
    // Plain user tasks only: they run as Baton user tasks, their camunda:assignee/formKey are reported as ignored.
    expect(accepted).toEqual(['camunda-bpm-examples__invoiceApproval.bpmn', 'camunda-bpm-platform__reviewInvoice.bpmn']);
  });
});

describe('runRules', () => {
  it('given a rule that throws, when the rules run, then its failure is an internal problem and the other rules still report', () => {
    const broken: BpmnRule = {
      id: 'broken',
      description: 'throws',
      check() {
        throw new Error('boom');
      },
    };
    const working: BpmnRule = { id: 'working', description: 'reports', check: () => [{ rule: 'working', message: 'found' }] };
    const result = runRules([broken, working], {} as ValidationContext);
    expect(result.problems).toEqual([
      { rule: 'internal', message: `Baton failed while checking this model (rule 'broken': boom); this is a bug in Baton, not in the model` },
      { rule: 'working', message: 'found' },
    ]);
  });
});
