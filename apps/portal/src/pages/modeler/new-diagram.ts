/**
 * The diagram "New diagram" opens: a minimal executable Camunda 8 process (one none start event,
 * `isExecutable="true"`, Camunda Cloud 8.8 as execution platform) with a fresh process id, so
 * two new diagrams never overwrite each other's versions when deployed.
 */

/** A short random suffix in the style bpmn-js uses for ids (`Process_0k3x9ab`). */
export function randomIdSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  return [...bytes].map((byte) => (byte % 36).toString(36)).join('') + Date.now().toString(36).slice(-2);
}

/** BPMN XML of a new, empty executable process. */
export function newDiagramXml(processId = `Process_${randomIdSuffix()}`): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${randomIdSuffix()}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Baton Modeler" exporterVersion="1.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="182" y="162" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
