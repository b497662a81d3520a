import { describeElement, elementProperty, isA, quote, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { extension } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';
import { isVariablePath } from './variable-name.js';

/**
 * `multi-instance`: a multi-instance activity iterates over a FEEL input collection
 * (`zeebe:loopCharacteristics inputCollection`, like `=items`); its input element and output
 * collection are variable names; an output collection comes with a FEEL output element and the
 * other way round (Camunda 8 multi-instance, docs.camunda.io/docs/components/modeler/bpmn/multi-instance/).
 */
export const multiInstanceRule: BpmnRule = {
  id: 'multi-instance',
  description: 'Multi-instance activities have a FEEL input collection; input element and output collection are names; output collection and output element come together.',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const element of context.flowNodes) {
      const loop = elementProperty(element, 'loopCharacteristics');
      if (!isA(loop, 'bpmn:MultiInstanceLoopCharacteristics')) continue;
      const report = (message: string): void => {
        problems.push(elementProblem(this.id, context, element, message));
      };
      const zeebeLoop = extension(loop as ModdleElement, 'zeebe:LoopCharacteristics');
      const attribute = (name: string): string | undefined => {
        const value = stringProperty(zeebeLoop, name)?.trim();
        return value === '' ? undefined : value;
      };
      const inputCollection = attribute('inputCollection');
      if (inputCollection === undefined) {
        report(`Expected an input collection (zeebe:loopCharacteristics inputCollection, a FEEL expression like =items) on multi-instance ${describeElement(element)} but found none`);
      } else if (!inputCollection.startsWith('=')) {
        report(`Expected the input collection (zeebe:loopCharacteristics inputCollection) of ${describeElement(element)} to be a FEEL expression like =${inputCollection} but found ${quote(inputCollection)}`);
      }
      for (const name of ['inputElement', 'outputCollection']) {
        const value = attribute(name);
        if (value !== undefined && !isVariablePath(value)) {
          report(`Expected the ${name === 'inputElement' ? 'input element' : 'output collection'} (zeebe:loopCharacteristics ${name}) of ${describeElement(element)} to be a variable name but found ${quote(value)}`);
        }
      }
      const outputCollection = attribute('outputCollection');
      const outputElement = attribute('outputElement');
      if (outputCollection !== undefined && outputElement === undefined) {
        report(`Expected an output element (zeebe:loopCharacteristics outputElement) on ${describeElement(element)}, which collects into '${outputCollection}', but found none`);
      }
      if (outputElement !== undefined && outputCollection === undefined) {
        report(`Expected an output collection (zeebe:loopCharacteristics outputCollection) on ${describeElement(element)}, which has the output element ${quote(outputElement)}, but found none`);
      }
      if (outputElement !== undefined && !outputElement.startsWith('=')) {
        report(`Expected the output element (zeebe:loopCharacteristics outputElement) of ${describeElement(element)} to be a FEEL expression like =${outputElement} but found ${quote(outputElement)}`);
      }
    }
    return problems;
  },
};
