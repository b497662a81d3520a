import { describe, expect, it } from 'vitest';
import { compileFixture, describeRuleFixtures, project } from '../../test/support/fixtures.js';
import { compileBpmn } from '../compile-bpmn.js';

describeRuleFixtures('xml', {
  'unclosed-tag.bpmn': [{ message: `Expected well-formed XML but the parser stopped at line 6, column 3 ('</bpmn:process>'): closing tag mismatch`, line: 6, column: 3 }],
  'unknown-elements.bpmn': [
    { message: `Expected BPMN 2.0 or Camunda 8 (zeebe) content but found '<bpmn:approvalTask>' at line 6, column 5: unknown type <bpmn:ApprovalTask>`, line: 6, column: 5 },
    { message: `Expected BPMN 2.0 or Camunda 8 (zeebe) content but found '<zeebe:taskDefinitions>' at line 9, column 9: unknown type <zeebe:TaskDefinitions>`, line: 9, column: 9 },
  ],
  'decision-model.bpmn': [
    {
      message:
        'Expected a BPMN 2.0 document with the root element <bpmn:definitions> (namespace http://www.omg.org/spec/BPMN/20100524/MODEL) ' +
        'but found <definitions> in namespace https://www.omg.org/spec/DMN/20191111/MODEL/',
      line: 2,
      column: 1,
    },
  ],
  'external-entity.bpmn': [
    {
      message:
        `Expected a BPMN 2.0 XML document without a document type declaration but found '<!DOCTYPE bpmn:definitions [' at line 3, column 1: ` +
        'DTDs and entity declarations are not allowed (external entities and entity expansion are ways to attack XML readers)',
      line: 3,
      column: 1,
    },
  ],
  'entity-expansion.bpmn': [
    {
      message:
        `Expected a BPMN 2.0 XML document without a document type declaration but found '<!DOCTYPE lolz [<!ENTITY lol "lol"><!EN…' at line 2, column 1: ` +
        'DTDs and entity declarations are not allowed (external entities and entity expansion are ways to attack XML readers)',
      line: 2,
      column: 1,
    },
  ],
  'not-xml.bpmn': [{ message: `Expected a BPMN 2.0 XML document but found no XML element (the resource starts with '{ "id": "this-is-json" }')`, line: 1, column: 1 }],
});

describe('reading the XML', () => {
  it('given a file that declares ISO-8859-1, when its bytes are decoded and compiled, then it deploys with the accented name intact and a warning about the declaration', async () => {
    const result = await compileFixture('xml/valid/latin-1-declared.bpmn');
    expect(result.ok && result.processes[0]?.elements['Task_1']?.name).toBe('Café');
    expect(result.warnings.map(project)).toEqual([
      { rule: 'xml', message: 'The document declares encoding ISO-8859-1 but was read as Unicode text; check that names with non-ASCII characters came through correctly' },
    ]);
  });

  it('given a diagram shape for a missing element, when compiled, then it deploys with a diagram warning', async () => {
    const result = await compileFixture('xml/valid/diagram-defect.bpmn');
    expect(result.ok).toBe(true);
    expect(result.warnings.map(project)).toEqual([
      { rule: 'xml', elementId: 'Shape_gone', message: `Diagram element bpmndi:BPMNShape 'Shape_gone' refers to 'Task_gone', which does not exist; the diagram will not show it` },
    ]);
  });

  it.each([
    ['an empty string', '', 'Expected a BPMN 2.0 XML document but the resource is empty'],
    ['white space', '  \n\t ', 'Expected a BPMN 2.0 XML document but the resource is empty'],
    ['text that is not XML', 'hello world', `Expected a BPMN 2.0 XML document but found no XML element (the resource starts with 'hello world')`],
    [
      'a document cut off',
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">\n<bpmn:process id="p">',
      `Expected well-formed XML but the parser stopped at line 2, column 22: unexpected end of file`,
    ],
    [
      'a bare document type declaration',
      '<!DOCTYPE bpmn:definitions>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" />',
      `Expected a BPMN 2.0 XML document without a document type declaration but found '<!DOCTYPE bpmn:definitions>' at line 1, column 1: ` +
        'DTDs and entity declarations are not allowed (external entities and entity expansion are ways to attack XML readers)',
    ],
  ])('given %s, when compiled, then one xml problem says what was expected and found', async (_, xml, message) => {
    const result = await compileBpmn(xml, { resourceName: 'broken.bpmn' });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toEqual([message]);
  });

  it('names the resource on every problem and warning', async () => {
    const result = await compileBpmn('', { resourceName: 'orders/empty.bpmn' });
    expect(result).toEqual({ ok: false, problems: [{ rule: 'xml', message: 'Expected a BPMN 2.0 XML document but the resource is empty', resourceName: 'orders/empty.bpmn' }], warnings: [] });
  });
});
