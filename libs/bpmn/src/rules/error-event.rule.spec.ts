import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('error-event', {
  'codes.bpmn': [
    { elementId: 'Caught_feel', message: `Expected a static error code on bpmn:BoundaryEvent 'Caught_feel', which catches errors, but found the expression '=code': Camunda matches caught errors by a fixed code` },
    { elementId: 'Without_ref', message: `Expected bpmn:EndEvent 'Without_ref' to throw an error with a code (errorRef to a bpmn:error with errorCode) but found no error reference` },
    { elementId: 'Without_code', message: `Expected bpmn:EndEvent 'Without_code' to throw an error with a code (errorRef to a bpmn:error with errorCode) but found bpmn:Error 'Error_nocode' without errorCode` },
    { elementId: 'Unknown_error', message: `Expected the error reference (errorRef) of bpmn:EndEvent 'Unknown_error' to name a bpmn:error but found no element with id 'Error_gone'` },
  ],
});
