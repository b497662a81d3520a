import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalProcessXml } from '../fixtures/minimal-process.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * `POST /v2/deployments/validation` (Baton only): the checks of a deployment without the
 * deployment, for the modeler's live checks. Problems are the answer (200), nothing is stored.
 */

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => {
  await engine?.stop();
});

function validate(files: Array<{ name: string; content: string }>, user = 'demo'): Promise<Response> {
  const form = new FormData();
  for (const file of files) form.append('resources', new Blob([file.content]), file.name);
  return engine.request('/v2/deployments/validation', { method: 'POST', body: form, user });
}

async function countDefinitions(processDefinitionId: string): Promise<number> {
  const response = await engine.request('/v2/process-definitions/search', { json: { filter: { processDefinitionId } } });
  return ((await response.json()) as { page: { totalItems: number } }).page.totalItems;
}

describe('POST /v2/deployments/validation', () => {
  it('answers no problems for a model that would deploy, and deploys nothing', async () => {
    const response = await validate([{ name: 'checked.bpmn', content: minimalProcessXml('checked') }]);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ problems: [], warnings: [] });
    expect(await countDefinitions('checked')).toBe(0);
  });

  it('answers every problem that would refuse the deployment, as 200, with the warnings', async () => {
    // Given a model whose service task has no job type and which links a form bound to the deployment
    const xml = minimalProcessXml('unchecked')
      .replace('<bpmn:extensionElements><zeebe:taskDefinition type="do-work" retries="3" /></bpmn:extensionElements>', '')
      .replace('<bpmn:startEvent id="start">', '<bpmn:startEvent id="start"><bpmn:extensionElements><zeebe:formDefinition formId="request" bindingType="deployment" /></bpmn:extensionElements>');
    const response = await validate([{ name: 'unchecked.bpmn', content: xml }]);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { problems: Array<Record<string, unknown>>; warnings: unknown[] };
    expect(body.problems).toEqual([
      expect.objectContaining({ resourceName: 'unchecked.bpmn', elementId: 'work', elementType: 'bpmn:ServiceTask', message: "Expected a job type (zeebe:taskDefinition type) on bpmn:ServiceTask 'work' but found none" }),
    ]);
    expect(body.warnings).toEqual([]);
    expect(await countDefinitions('unchecked')).toBe(0);

    // And with the job type, the form bound to the deployment is what stands in the way
    const bound = xml.replace('<bpmn:serviceTask id="work" name="Do work">', '<bpmn:serviceTask id="work" name="Do work"><bpmn:extensionElements><zeebe:taskDefinition type="do-work" /></bpmn:extensionElements>');
    const second = (await (await validate([{ name: 'unchecked.bpmn', content: bound }])).json()) as { problems: Array<Record<string, unknown>> };
    expect(second.problems).toEqual([expect.objectContaining({ rule: 'form-binding', elementId: 'start', message: expect.stringContaining("Expected form 'request' in the same deployment") })]);
  });

  it('refuses a request without resources, a JSON body, or one an employee sends, as a deployment would', async () => {
    const empty = await engine.request('/v2/deployments/validation', { method: 'POST', body: new FormData() });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ status: 400, code: 'DEPLOYMENT.NO_RESOURCES' });

    const json = await engine.request('/v2/deployments/validation', { json: { resources: [] } });
    expect(json.status).toBe(415);
    expect(await json.json()).toMatchObject({ status: 415 });

    const employee = await validate([{ name: 'checked.bpmn', content: minimalProcessXml('checked') }], 'emma');
    expect(employee.status).toBe(403);
  });
});
