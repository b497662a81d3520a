import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('signal-event', {
  'signals.bpmn': [
    { elementId: 'Dynamic_start', message: `Expected a static signal name on bpmn:StartEvent 'Dynamic_start', a signal start event of the process, but found the expression '= "go-" + region': a broadcast signal is matched to a start event by a fixed name` },
    { elementId: 'No_signal', message: `Expected bpmn:IntermediateCatchEvent 'No_signal' to reference a signal with a name (signalRef to a bpmn:signal with name) but found no signal` },
    { elementId: 'Unknown_signal', message: `Expected the signal reference (signalRef) of bpmn:IntermediateThrowEvent 'Unknown_signal' to name a bpmn:signal but found no element with id 'Signal_gone'` },
    { elementId: 'Unnamed', message: `Expected bpmn:EndEvent 'Unnamed' to reference a signal with a name (signalRef to a bpmn:signal with name) but found bpmn:Signal 'Signal_unnamed' without name` },
    { elementId: 'signals', message: `Expected the signal start events of bpmn:Process 'signals' to have different signals but 'Go_1', 'Go_2' all start on 'go'` },
  ],
});
