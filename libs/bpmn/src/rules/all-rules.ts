import type { BpmnRule } from './bpmn-rule.js';
import { boundaryEventRule } from './boundary-event.rule.js';
import { callActivityRule } from './call-activity.rule.js';
import { camunda7AssignmentRule } from './camunda-7-assignment.rule.js';
import { camunda7ExtensionRule } from './camunda-7-extension.rule.js';
import { compensationRule } from './compensation.rule.js';
import { conditionalEventRule } from './conditional-event.rule.js';
import { conditionalFlowRule } from './conditional-flow.rule.js';
import { errorEventRule } from './error-event.rule.js';
import { escalationEventRule } from './escalation-event.rule.js';
import { eventBasedGatewayRule } from './event-based-gateway.rule.js';
import { eventSubprocessRule } from './event-subprocess.rule.js';
import { executableProcessRule } from './executable-process.rule.js';
import { feelExpressionRule } from './feel-expression.rule.js';
import { gatewayExitRule } from './gateway-exit.rule.js';
import { jobTypeRule } from './job-type.rule.js';
import { linkEventRule } from './link-event.rule.js';
import { listenersRule } from './listeners.rule.js';
import { messageStartEventRule } from './message-start-event.rule.js';
import { messageSubscriptionRule } from './message-subscription.rule.js';
import { multiInstanceRule } from './multi-instance.rule.js';
import { retryBackoffRule } from './retry-backoff.rule.js';
import { scriptTaskRule } from './script-task.rule.js';
import { sequenceFlowRule } from './sequence-flow.rule.js';
import { signalEventRule } from './signal-event.rule.js';
import { startEndEventRule } from './start-end-event.rule.js';
import { supportedElementRule } from './supported-element.rule.js';
import { timerDefinitionRule } from './timer-definition.rule.js';
import { uniqueIdRule } from './unique-id.rule.js';
import { userTaskRule } from './user-task.rule.js';
import { standardLoopRule } from './standard-loop.rule.js';
import { complexGatewayRule } from './complex-gateway.rule.js';
import { adHocSubProcessRule } from './ad-hoc-subprocess.rule.js';

/** Every deploy-time rule, in the order their problems are listed. */
export const ALL_RULES: readonly BpmnRule[] = [
  executableProcessRule,
  uniqueIdRule,
  supportedElementRule,
  sequenceFlowRule,
  startEndEventRule,
  messageStartEventRule,
  messageSubscriptionRule,
  signalEventRule,
  boundaryEventRule,
  eventSubprocessRule,
  eventBasedGatewayRule,
  linkEventRule,
  gatewayExitRule,
  conditionalFlowRule,
  jobTypeRule,
  scriptTaskRule,
  userTaskRule,
  callActivityRule,
  multiInstanceRule,
  errorEventRule,
  escalationEventRule,
  conditionalEventRule,
  timerDefinitionRule,
  feelExpressionRule,
  camunda7AssignmentRule,
  camunda7ExtensionRule,
  compensationRule,
  retryBackoffRule,
  standardLoopRule,
  complexGatewayRule,
  adHocSubProcessRule,
  listenersRule,
];
