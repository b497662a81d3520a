import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('conditional-event', {
  'conditions.bpmn': [
    { elementId: 'No_condition', message: `Expected a condition (bpmn:condition, a FEEL expression like = x > 1) on bpmn:IntermediateCatchEvent 'No_condition', a conditional event, but found none` },
    { elementId: 'Bad_filter', message: `Expected the variable names (zeebe:conditionalFilter variableNames) of bpmn:BoundaryEvent 'Bad_filter' to be a comma-separated list of variable names but found 'x, ,y', which has an empty entry` },
    { elementId: 'Bad_filter', message: `Expected the variable events (zeebe:conditionalFilter variableEvents) of bpmn:BoundaryEvent 'Bad_filter' to be create, update or both (comma-separated) but found 'delete'` },
    { elementId: 'Feel_names', message: `Expected the variable names (zeebe:conditionalFilter variableNames) of bpmn:BoundaryEvent 'Feel_names' to be a comma-separated list of variable names but found the expression '=names': the names are read when the process is deployed, not evaluated` },
    { elementId: 'Feel_names', message: `Expected the variable events (zeebe:conditionalFilter variableEvents) of bpmn:BoundaryEvent 'Feel_names' to be create, update or both (comma-separated) but found 'create update'` },
  ],
  'same-conditions.bpmn': [
    { elementId: 'same-conditions', message: `Expected the conditional start events of the event subprocesses of bpmn:Process 'same-conditions' to have different conditions but 'Over_budget', 'Over_budget_again' all have '=total > budget'` },
  ],
});
