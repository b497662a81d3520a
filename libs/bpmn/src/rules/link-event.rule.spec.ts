import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('link-event', {
  'links.bpmn': [
    { elementId: 'Unnamed_throw', message: `Expected a link name (bpmn:linkEventDefinition name) on bpmn:IntermediateThrowEvent 'Unnamed_throw' but found none` },
    { elementId: 'Unnamed_catch', message: `Expected a link name (bpmn:linkEventDefinition name) on bpmn:IntermediateCatchEvent 'Unnamed_catch' but found none` },
    { elementId: 'links', message: `Expected the link catch events of bpmn:Process 'links' to have different names but 'Retry_1', 'Retry_2' are all named 'retry'` },
    { elementId: 'To_nowhere', message: `Expected a link catch event named 'missing' in bpmn:Process 'links', where bpmn:IntermediateThrowEvent 'To_nowhere' continues, but found none` },
    { elementId: 'Cross', message: `Expected a link catch event named 'inner' in bpmn:Process 'links', where bpmn:IntermediateThrowEvent 'Cross' continues, but found none (link events connect only within one process or subprocess: bpmn:IntermediateCatchEvent 'Inner_catch' is in bpmn:SubProcess 'Work')` },
  ],
});
