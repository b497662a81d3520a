import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/support/fixtures.js';
import { parseForm } from './parse-form.js';

const options = { resourceName: 'review.form' };

describe('parseForm', () => {
  it('given a Camunda form, when parsed, then its id and schema come back', () => {
    const json = JSON.stringify({ id: 'review-form', type: 'default', components: [{ key: 'ok', type: 'checkbox' }] });
    expect(parseForm(json, options)).toEqual({ ok: true, form: { id: 'review-form', schema: JSON.parse(json) } });
  });

  it('given every .form file of the corpus, when parsed, then each one is accepted', () => {
    const dir = path.resolve(REPO_ROOT, '../shared/models/camunda8');
    if (!fs.existsSync(dir)) return void console.warn(`skipped: ${dir} is missing`);
    const files = fs.readdirSync(dir).filter((file) => file.endsWith('.form'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const result = parseForm(fs.readFileSync(path.join(dir, file), 'utf8'), { resourceName: file });
      expect(result.ok, `${file}: ${JSON.stringify(result)}`).toBe(true);
    }
  });

  it.each([
    ['an empty resource', '', { message: 'Expected a Camunda form (JSON) but the resource is empty' }],
    ['an array', '[]', { message: 'Expected a Camunda form (a JSON object with id and components) but found an array' }],
    ['a string', '"form"', { message: 'Expected a Camunda form (a JSON object with id and components) but found a JSON string' }],
    ['null', 'null', { message: 'Expected a Camunda form (a JSON object with id and components) but found a JSON null' }],
  ])('given %s, when parsed, then it is refused', (_, json, problem) => {
    expect(parseForm(json, options)).toEqual({ ok: false, problems: [{ rule: 'form', resourceName: 'review.form', ...problem }] });
  });

  it('given a form without id and components, when parsed, then both are named', () => {
    expect(parseForm('{"id": "", "components": {}}', options)).toEqual({
      ok: false,
      problems: [
        { rule: 'form', resourceName: 'review.form', message: 'Expected the form to have a non-empty string id (what zeebe:formDefinition formId links to) but found ""' },
        { rule: 'form', resourceName: 'review.form', message: 'Expected the form to have a components array but found {}' },
      ],
    });
  });

  it('given JSON with a syntax error on line 3, when parsed, then the problem has its line and column', () => {
    const result = parseForm('{\n  "id": "a",\n  "components": [,]\n}', options);
    expect(result).toMatchObject({ ok: false, problems: [{ rule: 'form', line: 3, column: 18 }] });
  });

  it('given JSON that ends too early, when parsed, then the problem points at the end', () => {
    const result = parseForm('{\n  "id": "a"', options);
    expect(result).toMatchObject({ ok: false, problems: [{ rule: 'form', line: 2, column: 12 }] });
  });
});
