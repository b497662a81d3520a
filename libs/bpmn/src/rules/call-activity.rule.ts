import { describeElement, quote, stringProperty } from '../parse/moddle-element.js';
import { extension } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';

const BINDING_TYPES = ['latest', 'deployment', 'versionTag'];

/**
 * `call-activity`: a call activity names the process it starts (`zeebe:calledElement processId`,
 * static or FEEL) and, when it binds to a version tag, the tag (Camunda 8 call activities,
 * docs.camunda.io/docs/components/modeler/bpmn/call-activities/).
 */
export const callActivityRule: BpmnRule = {
  id: 'call-activity',
  description: 'Call activities name the called process id (zeebe:calledElement processId); binding type latest, deployment or versionTag (with a tag).',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const element of context.flowNodes.filter((node) => node.$type === 'bpmn:CallActivity')) {
      const report = (message: string): void => {
        problems.push(elementProblem(this.id, context, element, message));
      };
      const calledElement = extension(element, 'zeebe:CalledElement');
      const processId = stringProperty(calledElement, 'processId')?.trim();
      if (processId === undefined || processId === '' || processId === '=') {
        const legacy = stringProperty(element, 'calledElement');
        const hint = legacy === undefined ? '' : ` (its bpmn calledElement '${legacy}' is the Camunda 7 way; Baton reads zeebe:calledElement)`;
        report(`Expected the id of the called process (zeebe:calledElement processId) on ${describeElement(element)} but found none${hint}`);
      }
      const bindingType = stringProperty(calledElement, 'bindingType') ?? 'latest';
      if (!BINDING_TYPES.includes(bindingType)) {
        report(`Expected the binding type (zeebe:calledElement bindingType) of ${describeElement(element)} to be latest, deployment or versionTag but found ${quote(bindingType)}`);
      } else if (bindingType === 'versionTag' && (stringProperty(calledElement, 'versionTag') ?? '').trim() === '') {
        report(`Expected a version tag (zeebe:calledElement versionTag) on ${describeElement(element)}, which binds to a version tag, but found none`);
      }
    }
    return problems;
  },
};
