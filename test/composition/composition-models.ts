/** Small models of the composition tests (issue 11), built in the tests. */
export const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_composition" targetNamespace="http://baton.local/composition-tests" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">`;

/** XML-escapes an attribute or text value. */
export function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * One multi-instance service task `work` of job type `type` over `=items`, collecting `=result`
 * into `results`, with a completion condition and an interrupting timer boundary (`timeout`).
 */
export function multiInstanceXml(processId: string, type: string, options: { sequential?: boolean; completionCondition?: string; timeout?: string } = {}): string {
  const condition = options.completionCondition ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${xmlText(options.completionCondition)}</bpmn:completionCondition>` : '';
  const timeout = options.timeout
    ? `<bpmn:boundaryEvent id="timeout" attachedToRef="work"><bpmn:timerEventDefinition id="TimerEventDefinition_timeout"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${options.timeout}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f-timeout" sourceRef="timeout" targetRef="timed-out" />
    <bpmn:endEvent id="timed-out" />`
    : '';
  return `${HEADER}
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f-start" sourceRef="start" targetRef="work" />
    <bpmn:serviceTask id="work">
      <bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements>
      <bpmn:multiInstanceLoopCharacteristics isSequential="${options.sequential ? 'true' : 'false'}">
        <bpmn:extensionElements>
          <zeebe:loopCharacteristics inputCollection="=items" inputElement="item" outputCollection="results" outputElement="=result" />
        </bpmn:extensionElements>
        ${condition}
      </bpmn:multiInstanceLoopCharacteristics>
    </bpmn:serviceTask>
    ${timeout}
    <bpmn:sequenceFlow id="f-end" sourceRef="work" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}
