/**
 * The rules of Camunda's "camunda-cloud-8-8" bpmnlint configuration (bpmnlint-plugin-camunda-compat),
 * imported statically so that Vite bundles them: bpmnlint itself would `require` them by name at
 * run time, which a browser cannot. `lint-rules.spec.ts` fails when the plugin's 8.8 configuration
 * names a rule this table lacks (after an upgrade of the plugin).
 */
import implementation from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/implementation';
import calledElement from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/called-element';
import duplicateTaskHeaders from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/duplicate-task-headers';
import elementType from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/element-type';
import errorReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/error-reference';
import eventBasedGatewayTarget from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/event-based-gateway-target';
import executableProcess from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/executable-process';
import loopCharacteristics from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/loop-characteristics';
import messageReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/message-reference';
import ioMapping from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/io-mapping';
import noBusinessId from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-business-id';
import noCancelExecutionListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-cancel-execution-listener';
import noExecutionListenerHeaders from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-execution-listener-headers';
import noExpression from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-expression';
import noJobPriorityDefinition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-job-priority-definition';
import noLoop from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-loop';
import noMultipleNoneStartEvents from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-multiple-none-start-events';
import sequenceFlowCondition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/sequence-flow-condition';
import startEventForm from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/start-event-form';
import subscription from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/subscription';
import timer from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/timer';
import userTaskDefinition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/user-task-definition';
import userTaskForm from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/user-task-form';
import variableName from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/variable-name';
import feel from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/feel';
import feelCompatibility from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/feel-compatibility';
import core_startEventRequired from 'bpmnlint/rules/start-event-required';
import connectorProperties from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/connector-properties';
import escalationBoundaryEventAttachedToRef from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/escalation-boundary-event-attached-to-ref';
import escalationReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/escalation-reference';
import linkEvent from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/link-event';
import taskSchedule from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/task-schedule';
import secrets from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/secrets';
import signalReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/signal-reference';
import waitForCompletion from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/wait-for-completion';
import duplicateExecutionListeners from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/duplicate-execution-listeners';
import executionListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/execution-listener';
import noBeforeAllExecutionListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-before-all-execution-listener';
import priorityDefinition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/priority-definition';
import versionTag from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/version-tag';
import zeebeUserTask from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/zeebe-user-task';
import adHocSubProcess from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/ad-hoc-sub-process';
import noInterruptingEventSubprocess from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-interrupting-event-subprocess';
import agentToolDocumentation from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/agent-tool-documentation';
import agentToolOutputKey from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/agent-tool-output-key';
import agentFromaiContract from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/agent-fromai-contract';
import taskListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/task-listener';

/** A bpmnlint rule factory: called with the rule's configuration, returns `{ check(node, reporter) }`. */
export type LintRuleFactory = (config?: unknown) => unknown;

/** Rule name as the camunda-cloud-8-8 configuration writes it → the rule. */
export const CAMUNDA_COMPAT_RULES: Record<string, LintRuleFactory> = {
  'implementation': implementation,
  'called-element': calledElement,
  'duplicate-task-headers': duplicateTaskHeaders,
  'element-type': elementType,
  'error-reference': errorReference,
  'event-based-gateway-target': eventBasedGatewayTarget,
  'executable-process': executableProcess,
  'loop-characteristics': loopCharacteristics,
  'message-reference': messageReference,
  'io-mapping': ioMapping,
  'no-business-id': noBusinessId,
  'no-cancel-execution-listener': noCancelExecutionListener,
  'no-execution-listener-headers': noExecutionListenerHeaders,
  'no-expression': noExpression,
  'no-job-priority-definition': noJobPriorityDefinition,
  'no-loop': noLoop,
  'no-multiple-none-start-events': noMultipleNoneStartEvents,
  'sequence-flow-condition': sequenceFlowCondition,
  'start-event-form': startEventForm,
  'subscription': subscription,
  'timer': timer,
  'user-task-definition': userTaskDefinition,
  'user-task-form': userTaskForm,
  'variable-name': variableName,
  'feel': feel,
  'feel-compatibility': feelCompatibility,
  'bpmnlint/start-event-required': core_startEventRequired,
  'connector-properties': connectorProperties,
  'escalation-boundary-event-attached-to-ref': escalationBoundaryEventAttachedToRef,
  'escalation-reference': escalationReference,
  'link-event': linkEvent,
  'task-schedule': taskSchedule,
  'secrets': secrets,
  'signal-reference': signalReference,
  'wait-for-completion': waitForCompletion,
  'duplicate-execution-listeners': duplicateExecutionListeners,
  'execution-listener': executionListener,
  'no-before-all-execution-listener': noBeforeAllExecutionListener,
  'priority-definition': priorityDefinition,
  'version-tag': versionTag,
  'zeebe-user-task': zeebeUserTask,
  'ad-hoc-sub-process': adHocSubProcess,
  'no-interrupting-event-subprocess': noInterruptingEventSubprocess,
  'agent-tool-documentation': agentToolDocumentation,
  'agent-tool-output-key': agentToolOutputKey,
  'agent-fromai-contract': agentFromaiContract,
  'task-listener': taskListener,
};
