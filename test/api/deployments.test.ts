import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalProcessXml } from '../fixtures/minimal-process.js';
import { deploy } from '../support/deploy.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => {
  await engine?.stop();
});

async function countDefinitions(processDefinitionId: string): Promise<number> {
  const response = await engine.request('/v2/process-definitions/search', { json: { filter: { processDefinitionId } } });
  return ((await response.json()) as { page: { totalItems: number } }).page.totalItems;
}

/** A multipart body with a tenantId field and no files. */
function emptyMultipart(): FormData {
  const form = new FormData();
  form.append('tenantId', '<default>');
  return form;
}

describe('POST /v2/deployments', () => {
  it('deploys a process as version 1 in the Camunda response shape', async () => {
    const response = await deploy(engine, [{ name: 'versions.bpmn', content: minimalProcessXml('versions') }]);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, any>;
    expect(body).toEqual({
      deploymentKey: expect.stringMatching(/^[1-9][0-9]+$/),
      tenantId: '<default>',
      deployments: [
        {
          processDefinition: {
            processDefinitionId: 'versions',
            processDefinitionVersion: 1,
            resourceName: 'versions.bpmn',
            tenantId: '<default>',
            processDefinitionKey: expect.stringMatching(/^[1-9][0-9]+$/),
          },
        },
      ],
      warnings: [],
    });
  });

  it('answers what Baton ignores in a model as warnings (a Baton addition) and deploys it', async () => {
    // Given a Camunda 8 model that still carries Camunda 7 settings and an element nothing reaches
    const xml = minimalProcessXml('with-leftovers')
      .replace('xmlns:zeebe=', 'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:zeebe=')
      .replace('<bpmn:serviceTask id="work"', '<bpmn:serviceTask id="work" camunda:asyncBefore="true"')
      .replace('<bpmn:endEvent id="end">', '<bpmn:task id="orphan" />\n    <bpmn:endEvent id="end">');
    // When it is deployed
    const response = await deploy(engine, [{ name: 'with-leftovers.bpmn', content: xml }]);
    // Then it deploys, and the answer names each thing that was ignored, by resource and element
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.deployments[0].processDefinition).toMatchObject({ processDefinitionId: 'with-leftovers', processDefinitionVersion: 1 });
    expect(body.warnings).toEqual([
      expect.objectContaining({ resourceName: 'with-leftovers.bpmn', rule: 'start-end-event', elementId: 'orphan', elementType: 'bpmn:Task', processId: 'with-leftovers' }),
      {
        resourceName: 'with-leftovers.bpmn',
        rule: 'camunda-7-extension',
        elementId: 'work',
        elementType: 'bpmn:ServiceTask',
        processId: 'with-leftovers',
        message: "bpmn:ServiceTask 'work' has Camunda 7 settings (camunda:asyncBefore), which Baton ignores: it reads only the Camunda 8 (zeebe) extensions",
      },
    ]);
    // ...and deploying the same file again answers the same warnings with the existing version
    const again = (await (await deploy(engine, [{ name: 'with-leftovers.bpmn', content: xml }])).json()) as any;
    expect(again.deployments[0].processDefinition.processDefinitionKey).toBe(body.deployments[0].processDefinition.processDefinitionKey);
    expect(again.warnings).toEqual(body.warnings);
  });

  it('lists the warnings of a refused model next to its problems', async () => {
    const xml = minimalProcessXml('refused-with-leftovers')
      .replace('xmlns:zeebe=', 'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:zeebe=')
      .replace(' type="do-work" retries="3"', '')
      .replace('<bpmn:serviceTask id="work"', '<bpmn:serviceTask id="work" camunda:class="org.example.Work"');
    const response = await deploy(engine, [{ name: 'refused.bpmn', content: xml }]);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as any;
    expect(problem.problems).toEqual([expect.objectContaining({ resourceName: 'refused.bpmn', rule: 'job-type', elementId: 'work' })]);
    expect(problem.warnings).toEqual([expect.objectContaining({ resourceName: 'refused.bpmn', rule: 'camunda-7-extension', elementId: 'work', message: expect.stringContaining('camunda:class') })]);
  });

  it('returns the existing version for identical XML and makes version 2 for changed XML', async () => {
    const first = (await (await deploy(engine, [{ name: 'same.bpmn', content: minimalProcessXml('same') }])).json()) as any;
    const again = (await (await deploy(engine, [{ name: 'same.bpmn', content: minimalProcessXml('same') }])).json()) as any;
    expect(again.deployments[0].processDefinition).toEqual(first.deployments[0].processDefinition);
    expect(await countDefinitions('same')).toBe(1);

    const changed = (await (await deploy(engine, [{ name: 'same.bpmn', content: minimalProcessXml('same', 'Do other work') }])).json()) as any;
    expect(changed.deployments[0].processDefinition.processDefinitionVersion).toBe(2);
    expect(changed.deployments[0].processDefinition.processDefinitionKey).not.toBe(first.deployments[0].processDefinition.processDefinitionKey);
    expect(await countDefinitions('same')).toBe(2);
  });

  it('versions forms by form id the same way', async () => {
    const form = (label: string) => JSON.stringify({ id: 'expense-form', type: 'default', components: [{ type: 'textfield', key: 'amount', label }] });
    const v1 = (await (await deploy(engine, [{ name: 'expense.form', content: form('Amount') }])).json()) as any;
    const same = (await (await deploy(engine, [{ name: 'expense.form', content: form('Amount') }])).json()) as any;
    const v2 = (await (await deploy(engine, [{ name: 'expense.form', content: form('Amount (EUR)') }])).json()) as any;
    expect(v1.deployments[0].form).toMatchObject({ formId: 'expense-form', version: 1, resourceName: 'expense.form', tenantId: '<default>' });
    expect(same.deployments[0].form).toEqual(v1.deployments[0].form);
    expect(v2.deployments[0].form).toMatchObject({ formId: 'expense-form', version: 2 });

    const fetched = await engine.request(`/v2/forms/${v2.deployments[0].form.formKey}`);
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toMatchObject({ formId: 'expense-form', version: 2, schema: { components: [{ label: 'Amount (EUR)' }] } });
  });

  it('refuses malformed XML with 400 naming the line, and stores nothing', async () => {
    const response = await deploy(engine, [{ name: 'broken.bpmn', content: '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">\n<bpmn:process id="broken" isExecutable="true">\n</bpmn:definitions>' }]);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as any;
    expect(problem).toMatchObject({ status: 400, title: 'INVALID_ARGUMENT', code: 'DEPLOYMENT.MALFORMED_RESOURCE', instance: '/v2/deployments' });
    expect(problem.problems).toEqual([expect.objectContaining({ resourceName: 'broken.bpmn', rule: 'xml', line: expect.any(Number) })]);
    expect(await countDefinitions('broken')).toBe(0);
  });

  it('refuses XML with a DTD (an XXE attempt) with 400 saying that DTDs are not allowed, and stores nothing', async () => {
    const content = await readFile(new URL('../../libs/bpmn/test/fixtures/xml/invalid/external-entity.bpmn', import.meta.url), 'utf8');
    const response = await deploy(engine, [{ name: 'xxe.bpmn', content }]);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as any;
    expect(problem).toMatchObject({ code: 'DEPLOYMENT.MALFORMED_RESOURCE' });
    expect(problem.problems).toEqual([
      expect.objectContaining({ resourceName: 'xxe.bpmn', rule: 'xml', line: 3, column: 1, message: expect.stringContaining('DTDs and entity declarations are not allowed') }),
    ]);
    expect(problem.detail).not.toContain('root:');
    expect(await countDefinitions('external-entity')).toBe(0);
  });

  it('refuses an element Baton does not execute with 400 INVALID_ARGUMENT (as Camunda) naming the element, and stores nothing', async () => {
    // a multiple boundary event (two event definitions): Baton, like Camunda 8, does not execute it
    const xml = minimalProcessXml('with-compensation').replace(
      '<bpmn:endEvent id="end">',
      '<bpmn:boundaryEvent id="stop" attachedToRef="work"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition><bpmn:signalEventDefinition signalRef="s" /></bpmn:boundaryEvent>\n    <bpmn:endEvent id="end">',
    );
    const response = await deploy(engine, [{ name: 'with-compensation.bpmn', content: xml }]);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as any;
    expect(problem).toMatchObject({ status: 400, title: 'INVALID_ARGUMENT', code: 'DEPLOYMENT.INVALID_RESOURCE', instance: '/v2/deployments' });
    expect(problem.problems).toContainEqual(expect.objectContaining({ rule: 'supported-element', elementId: 'stop', elementType: 'bpmn:BoundaryEvent' }));
    expect(problem.detail).toContain("'stop'");
    expect(await countDefinitions('with-compensation')).toBe(0);
  });

  it('refuses a FEEL syntax error naming the expression and the element', async () => {
    const xml = minimalProcessXml('bad-feel').replace('type="do-work"', 'type="= &quot;work-&quot; +"');
    const response = await deploy(engine, [{ name: 'bad-feel.bpmn', content: xml }]);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as any;
    expect(problem.problems).toContainEqual(expect.objectContaining({ rule: 'feel-expression', elementId: 'work' }));
    expect(problem.detail).toContain('"work-" +');
    expect(await countDefinitions('bad-feel')).toBe(0);
  });

  it('deploys nothing when one resource of several is invalid', async () => {
    const response = await deploy(engine, [
      { name: 'good.bpmn', content: minimalProcessXml('all-or-nothing-good') },
      { name: 'bad.bpmn', content: minimalProcessXml('all-or-nothing-bad').replace(' type="do-work" retries="3"', '') },
    ]);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as any;
    expect(problem.problems).toContainEqual(expect.objectContaining({ resourceName: 'bad.bpmn', rule: 'job-type', elementId: 'work' }));
    expect(await countDefinitions('all-or-nothing-good')).toBe(0);
  });

  it('refuses wrong part names, unknown file types, no body and empty deployments with 400', async () => {
    const wrongPart = new FormData();
    wrongPart.append('file', new Blob([minimalProcessXml('x')]), 'x.bpmn');
    const cases: Array<[Response, string]> = [
      [await engine.request('/v2/deployments', { method: 'POST', body: wrongPart }), 'DEPLOYMENT.UNKNOWN_PART'],
      [await deploy(engine, [{ name: 'notes.txt', content: 'hello' }]), 'DEPLOYMENT.UNSUPPORTED_RESOURCE_TYPE'],
      [await engine.request('/v2/deployments', { method: 'POST' }), 'DEPLOYMENT.NOT_MULTIPART'], // a JSON body is a 415 (cross-site-requests.test.ts)
      [await engine.request('/v2/deployments', { method: 'POST', body: emptyMultipart() }), 'DEPLOYMENT.NO_RESOURCES'],
    ];
    for (const [response, code] of cases) {
      expect(response.status, code).toBe(400);
      expect(((await response.json()) as any).code).toBe(code);
    }
  });

  it('refuses the same process id twice in one deployment', async () => {
    const response = await deploy(engine, [
      { name: 'a.bpmn', content: minimalProcessXml('twice') },
      { name: 'b.bpmn', content: minimalProcessXml('twice', 'other') },
    ]);
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).code).toBe('DEPLOYMENT.DUPLICATE_ID');
  });

  it('refuses a resource larger than the limit with 413', async () => {
    const huge = minimalProcessXml('huge').replace('<bpmn:process', `<!-- ${'x'.repeat(engine.config.maxResourceBytes)} -->\n<bpmn:process`);
    const response = await deploy(engine, [{ name: 'huge.bpmn', content: huge }]);
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).title).toBe('PAYLOAD_TOO_LARGE');
  });

  it('creates versions without gaps when the same process is deployed concurrently', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => deploy(engine, [{ name: 'race.bpmn', content: minimalProcessXml('race', `variant ${i}`) }])),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    const versions = await Promise.all(results.map(async (r) => ((await r.json()) as any).deployments[0].processDefinition.processDefinitionVersion));
    expect(versions.sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
