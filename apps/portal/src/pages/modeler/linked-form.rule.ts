/**
 * Baton's own bpmnlint rule `baton/linked-form-deployed`: a user task or start event that links a
 * form (`zeebe:formDefinition formId`) names a form the engine has. Camunda's API deploys such a
 * diagram without complaint and every instance then stops at the task with an incident ("form not
 * found"); Baton keeps the API as Camunda's and says it in the modeler instead, while the analyst
 * models and again when they deploy. A form bound with `bindingType="deployment"` must come in
 * the same deployment, which the modeler (deploying the diagram alone) never makes: the engine
 * refuses that, and this rule says so before.
 */

/** The moddle element shape the rule reads (bpmn-moddle objects). */
interface LintNode {
  $type: string;
  id?: string;
  $instanceOf?(type: string): boolean;
  extensionElements?: { values?: LintNode[] };
  formId?: string;
  bindingType?: string;
}

interface Reporter {
  report(id: string, message: string, data?: Record<string, unknown>): void;
}

/** The form ids the engine has, or null while they are unknown (loading, or loading failed): then nothing is reported. */
export type DeployedFormIds = () => ReadonlySet<string> | null;

/** The rule's name in a bpmnlint configuration. */
export const LINKED_FORM_RULE = 'baton/linked-form-deployed';

const FORM_HOLDERS = new Set(['bpmn:UserTask', 'bpmn:StartEvent']);

function formDefinitionOf(node: LintNode): LintNode | undefined {
  return node.extensionElements?.values?.find((value) => value.$type === 'zeebe:FormDefinition');
}

/**
 * The rule factory bpmnlint calls (`deployedFormIds` is read at each check, so the rule follows
 * the list as it is reloaded).
 */
export function linkedFormDeployedRule(deployedFormIds: DeployedFormIds) {
  return () => ({
    check(node: LintNode, reporter: Reporter): void {
      if (!FORM_HOLDERS.has(node.$type) || !node.id) return;
      const formId = formDefinitionOf(node)?.formId?.trim();
      // no linked form, or a FEEL expression only known at run time
      if (!formId || formId.startsWith('=')) return;
      const what = node.$type === 'bpmn:UserTask' ? 'task' : 'start form';
      if (formDefinitionOf(node)?.bindingType === 'deployment') {
        reporter.report(node.id, `Links form '${formId}' with binding "deployment", which needs the form in the same deployment; the modeler deploys the diagram alone, so the engine will refuse it. Use binding "latest".`, { formId });
        return;
      }
      const deployed = deployedFormIds();
      if (deployed === null || deployed.has(formId)) return;
      const consequence = what === 'task' ? 'every instance would stop at this task with an incident' : 'the process could not be started with its form';
      reporter.report(node.id, `Links form '${formId}', which is not deployed: ${consequence}. Deploy the form first, or pick a deployed one under "Form".`, { formId });
    },
  });
}
