import { describe, expect, it } from 'vitest';
import { nameElements } from './element-names';

const DIAGRAM: Record<string, { type: string; name?: string }> = {
  task_1: { type: 'bpmn:ServiceTask', name: 'Charge card' },
  no: { type: 'bpmn:SequenceFlow', name: 'No' },
  gw: { type: 'bpmn:ExclusiveGateway', name: 'In stock?' },
  Gateway_0x: { type: 'bpmn:ExclusiveGateway' },
};
const describeElement = (id: string) => DIAGRAM[id] ?? {};

describe('nameElements', () => {
  it('names the elements an engine message mentions by type and id', () => {
    expect(nameElements("Expected a job type (zeebe:taskDefinition type) on bpmn:ServiceTask 'task_1' but found none", describeElement)).toBe(
      'Expected a job type (zeebe:taskDefinition type) on service task “Charge card” but found none',
    );
    expect(nameElements("Expected a condition on bpmn:SequenceFlow 'no', which leaves bpmn:ExclusiveGateway 'gw' and is not its default flow, but found none", describeElement)).toBe(
      'Expected a condition on sequence flow “No”, which leaves exclusive gateway “In stock?” and is not its default flow, but found none',
    );
  });

  it('starts a sentence with a capital, and keeps the id of an element without a name or not in the diagram', () => {
    expect(nameElements("bpmn:ServiceTask 'task_1' has Camunda 7 settings", describeElement)).toBe('Service task “Charge card” has Camunda 7 settings');
    expect(nameElements("Expected an outgoing flow of bpmn:ExclusiveGateway 'Gateway_0x' and bpmn:Task 'gone'", describeElement)).toBe(
      "Expected an outgoing flow of bpmn:ExclusiveGateway 'Gateway_0x' and bpmn:Task 'gone'",
    );
  });
});
