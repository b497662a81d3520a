import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('call-activity', {
  'called-elements.bpmn': [
    { elementId: 'Nothing', message: `Expected the id of the called process (zeebe:calledElement processId) on bpmn:CallActivity 'Nothing' but found none` },
    { elementId: 'Camunda_7', message: `Expected the id of the called process (zeebe:calledElement processId) on bpmn:CallActivity 'Camunda_7' but found none (its bpmn calledElement 'legacy-process' is the Camunda 7 way; Baton reads zeebe:calledElement)` },
    { elementId: 'Bad_binding', message: `Expected the binding type (zeebe:calledElement bindingType) of bpmn:CallActivity 'Bad_binding' to be latest, deployment or versionTag but found 'newest'` },
    { elementId: 'No_tag', message: `Expected a version tag (zeebe:calledElement versionTag) on bpmn:CallActivity 'No_tag', which binds to a version tag, but found none` },
  ],
});
