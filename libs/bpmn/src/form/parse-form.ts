import type { BpmnProblem } from '../problem.js';
import { jsonErrorOffset } from './json-error-offset.js';

/** The outcome of `parseForm`: the form (id + schema) or the problems. */
export type FormParseResult = { ok: true; form: { id: string; schema: Record<string, unknown> } } | { ok: false; problems: BpmnProblem[] };

/** Rule id of form problems. */
export const FORM_RULE = 'form';

/**
 * Reads a Camunda Forms resource (`.form`, form-js JSON): a JSON object with a non-empty string `id`
 * (what `zeebe:formDefinition formId` links to) and a `components` array. Never throws; JSON syntax
 * errors carry the line and column where the parser stopped.
 */
export function parseForm(json: string, options: { resourceName: string }): FormParseResult {
  const resourceName = typeof options?.resourceName === 'string' && options.resourceName !== '' ? { resourceName: options.resourceName } : {};
  const refuse = (problem: Omit<BpmnProblem, 'rule'>): FormParseResult => ({ ok: false, problems: [{ rule: FORM_RULE, ...problem, ...resourceName }] });
  if (typeof json !== 'string' || json.trim() === '') return refuse({ message: 'Expected a Camunda form (JSON) but the resource is empty' });
  const body = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const location = jsonErrorLocation(body);
    const where = location === undefined ? '' : ` at line ${location.line}, column ${location.column}`;
    return refuse({ message: `Expected a Camunda form in JSON but the JSON is not valid${where}: ${(error as Error).message}`, ...location });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse({ message: `Expected a Camunda form (a JSON object with id and components) but found ${Array.isArray(value) ? 'an array' : `a JSON ${value === null ? 'null' : typeof value}`}` });
  }
  const schema = value as Record<string, unknown>;
  const problems: BpmnProblem[] = [];
  const id = schema['id'];
  if (typeof id !== 'string' || id.trim() === '') {
    problems.push({ rule: FORM_RULE, message: `Expected the form to have a non-empty string id (what zeebe:formDefinition formId links to) but found ${id === undefined ? 'none' : JSON.stringify(id)}`, ...resourceName });
  }
  if (!Array.isArray(schema['components'])) {
    problems.push({ rule: FORM_RULE, message: `Expected the form to have a components array but found ${schema['components'] === undefined ? 'none' : JSON.stringify(schema['components']).slice(0, 40)}`, ...resourceName });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, form: { id: id as string, schema } };
}

/** Line and column (1-based) where the JSON stops being valid. */
function jsonErrorLocation(json: string): { line: number; column: number } | undefined {
  const offset = jsonErrorOffset(json);
  if (offset === undefined) return undefined;
  const lines = json.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}
