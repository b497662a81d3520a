import { BpmnModdle } from 'bpmn-moddle';
import Linter from 'bpmnlint/lib/linter';
import camundaCompat from 'bpmnlint-plugin-camunda-compat';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { CAMUNDA_LINT_CONFIG, createLintSetup } from './lint-config';
import { lintFindings, mergeFindings, type LintIssue, type LiveFinding } from './lint-findings';
import { CAMUNDA_COMPAT_RULES } from './lint-rules';

function model(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_1" targetNamespace="http://baton.local/test"
  modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="p" name="P" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
}

const APPROVAL = model(`
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="approve" name="Approve">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="approve-form" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:exclusiveGateway id="ok" name="Approved?"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>yes</bpmn:outgoing><bpmn:outgoing>no</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:endEvent id="done"><bpmn:incoming>yes</bpmn:incoming><bpmn:incoming>no</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve" />
    <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="ok" />
    <bpmn:sequenceFlow id="yes" name="Yes" sourceRef="ok" targetRef="done"><bpmn:conditionExpression>=approved</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="no" name="No" sourceRef="ok" targetRef="done" />`);

interface ModdleNode {
  id?: string;
  $type: string;
  rootElements?: ModdleNode[];
  flowElements?: ModdleNode[];
}

async function lint(xml: string, deployed: ReadonlySet<string> | null) {
  const { rootElement } = await new BpmnModdle({ zeebe }).fromXML(xml);
  const types = new Map<string, string>();
  const walk = (element: ModdleNode) => {
    if (element?.id) types.set(element.id, element.$type);
    for (const child of [...(element?.rootElements ?? []), ...(element?.flowElements ?? [])]) walk(child);
  };
  walk(rootElement);
  const setup = createLintSetup(() => deployed);
  // bpmnlint's Linter, as bpmn-js-bpmnlint runs it in the modeler
  const issues = await new Linter(setup).lint(rootElement);
  // bpmn-js-bpmnlint hands the issues on per element, each with its rule's name
  const byElement: Record<string, LintIssue[]> = {};
  for (const [rule, reports] of Object.entries(issues)) for (const report of reports) (byElement[report.id] ??= []).push({ ...report, rule });
  return lintFindings(byElement, (id) => types.get(id));
}

/** Every model libs/bpmn's rules accept (their `valid/` fixtures): the engine deploys each. */
const VALID_MODELS = import.meta.glob<string>('../../../../../libs/bpmn/test/fixtures/*/valid/*.bpmn', { query: '?raw', import: 'default', eager: true });

describe('the modeler’s live checks', () => {
  it('find no problem in any model the engine deploys (Camunda-only refusals are warnings)', async () => {
    expect(Object.keys(VALID_MODELS).length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const [file, xml] of Object.entries(VALID_MODELS)) {
      for (const finding of await lint(xml, null)) {
        if (finding.severity === 'problem') problems.push(`${file.replace(/^.*fixtures\//, '')}: ${finding.problem.elementId} ${finding.problem.rule} ${finding.problem.message}`);
      }
    }
    expect(problems).toEqual([]);
  });


  it('bundles every rule of Camunda’s 8.8 configuration', () => {
    expect(Object.keys(camundaCompat.configs[CAMUNDA_LINT_CONFIG]!.rules).filter((rule) => !(rule in CAMUNDA_COMPAT_RULES))).toEqual([]);
  });

  it('finds a sequence flow without a condition on the flow, and a linked form that is not deployed on the task', async () => {
    const findings = await lint(APPROVAL, new Set(['other-form']));
    expect(findings).toEqual([
      { severity: 'problem', problem: { rule: 'camunda-compat/sequence-flow-condition', elementId: 'no', elementType: 'bpmn:SequenceFlow', message: expect.any(String) } },
      {
        severity: 'problem',
        problem: {
          rule: 'baton/linked-form-deployed',
          elementId: 'approve',
          elementType: 'bpmn:UserTask',
          message: "Links form 'approve-form', which is not deployed: every instance would stop at this task with an incident. Deploy the form first, or pick a deployed one under \"Form\".",
        },
      },
    ]);
  });

  it('is quiet about a deployed form, and about forms while the deployed ones are unknown', async () => {
    const quiet = model(`
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="approve" name="Approve">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="approve-form" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="done"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve" />
    <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="done" />`);
    expect(await lint(quiet, new Set(['approve-form']))).toEqual([]);
    expect(await lint(quiet, null)).toEqual([]);
  });

  it('says that a form bound to its deployment cannot come with the diagram alone', async () => {
    const bound = model(`
    <bpmn:startEvent id="start">
      <bpmn:extensionElements><zeebe:formDefinition formId="request" bindingType="deployment" /></bpmn:extensionElements>
      <bpmn:outgoing>f1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:endEvent id="done"><bpmn:incoming>f1</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="done" />`);
    const findings = await lint(bound, new Set(['request']));
    expect(findings.map((f) => [f.severity, f.problem.elementId, f.problem.rule])).toEqual([['problem', 'start', 'baton/linked-form-deployed']]);
    expect(findings[0]!.problem.message).toContain('binding "deployment"');
  });

  it('lists what Camunda 8.8 refuses but Baton runs as a warning that says so', () => {
    const issues: Record<string, LintIssue[]> = { ready: [{ id: 'ready', message: 'Element of type <bpmn:ComplexGateway> not allowed', category: 'error', rule: 'camunda-compat/element-type' }] };
    expect(lintFindings(issues, () => 'bpmn:ComplexGateway')).toEqual([
      {
        severity: 'warning',
        problem: { rule: 'camunda-compat/element-type', elementId: 'ready', elementType: 'bpmn:ComplexGateway', message: 'Camunda 8.8 would refuse this (Baton runs it): Element of type <bpmn:ComplexGateway> not allowed.' },
      },
    ]);
  });

  it('lets the engine’s problems replace the lint problems of their element, keeping its warnings and the other elements’ findings', () => {
    const lint: LiveFinding[] = [
      { severity: 'problem', problem: { rule: 'camunda-compat/implementation', elementId: 'task', message: 'Lint says task.' } },
      { severity: 'warning', problem: { rule: 'camunda-compat/element-type', elementId: 'task', message: 'Camunda 8.8 would refuse this (Baton runs it): x.' } },
      { severity: 'problem', problem: { rule: 'baton/linked-form-deployed', elementId: 'approve', message: 'Links form.' } },
    ];
    const engine = [{ rule: 'job-type', elementId: 'task', elementType: 'bpmn:ServiceTask', message: 'Expected a job type' }];
    expect(mergeFindings(lint, engine)).toEqual([{ severity: 'problem', problem: engine[0] }, lint[1], lint[2]]);
    expect(mergeFindings(lint, [])).toEqual(lint);
  });

  it('lists a message once per element, capitalised as a sentence, and a failed rule as a warning', () => {
    const issues: Record<string, LintIssue[]> = {
      p: [
        { id: 'p', message: 'process is missing a start event', category: 'error', rule: 'bpmnlint/start-event-required' },
        { id: 'p', message: 'process is missing a start event', category: 'error', rule: 'bpmnlint/start-event-required' },
        { id: 'p', message: 'boom', category: 'rule-error', rule: 'camunda-compat/feel' },
      ],
    };
    expect(lintFindings(issues, () => 'bpmn:Process')).toEqual([
      { severity: 'problem', problem: { rule: 'bpmnlint/start-event-required', elementId: 'p', elementType: 'bpmn:Process', message: 'Process is missing a start event.' } },
      { severity: 'warning', problem: { rule: 'camunda-compat/feel', elementId: 'p', elementType: 'bpmn:Process', message: 'The check camunda-compat/feel could not run: boom.' } },
    ]);
  });
});
