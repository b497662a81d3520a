import { elementList, elementProperty, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { conditionOf, eventDefinitions, expressionBody, extension, extensions } from '../parse/zeebe-extensions.js';

/** One place in the model that holds an expression, for `feel-expression`. */
export interface ExpressionSite {
  /** The element messages name (the flow, task, event, or root element such as a message). */
  element: ModdleElement;
  /** Which value it is, as a modeler would find it: `the condition`, `the job type (zeebe:taskDefinition type)`. */
  label: string;
  /** The value as written. */
  raw: string;
  /** True where the value is FEEL even without `=` (conditions, zeebe:script, completion conditions). */
  alwaysFeel: boolean;
}

/** Attributes of Zeebe extension elements that may hold a FEEL expression (when they start with `=`). */
const EXTENSION_ATTRIBUTES: { type: string; tag: string; attributes: string[] }[] = [
  { type: 'zeebe:TaskDefinition', tag: 'zeebe:taskDefinition', attributes: ['type', 'retries'] },
  { type: 'zeebe:AssignmentDefinition', tag: 'zeebe:assignmentDefinition', attributes: ['assignee', 'candidateGroups', 'candidateUsers'] },
  { type: 'zeebe:TaskSchedule', tag: 'zeebe:taskSchedule', attributes: ['dueDate', 'followUpDate'] },
  { type: 'zeebe:PriorityDefinition', tag: 'zeebe:priorityDefinition', attributes: ['priority'] },
  { type: 'zeebe:JobPriorityDefinition', tag: 'zeebe:jobPriorityDefinition', attributes: ['priority'] },
  { type: 'zeebe:FormDefinition', tag: 'zeebe:formDefinition', attributes: ['externalReference'] },
  { type: 'zeebe:CalledElement', tag: 'zeebe:calledElement', attributes: ['processId', 'processIdExpression'] },
  { type: 'zeebe:CalledDecision', tag: 'zeebe:calledDecision', attributes: ['decisionId'] },
  { type: 'zeebe:AdHoc', tag: 'zeebe:adHoc', attributes: ['activeElementsCollection', 'outputElement'] },
];

const LABELS: Record<string, string> = {
  type: 'the job type',
  retries: 'the job retries',
  assignee: 'the assignee',
  candidateGroups: 'the candidate groups',
  candidateUsers: 'the candidate users',
  dueDate: 'the due date',
  followUpDate: 'the follow-up date',
  priority: 'the priority',
  externalReference: 'the external form reference',
  processId: 'the called process id',
  processIdExpression: 'the called process id',
  decisionId: 'the called decision id',
  activeElementsCollection: 'the active elements collection',
  inputCollection: 'the input collection',
  outputElement: 'the output element',
};

/** Every expression site of a flow element (or process), in a stable order. */
export function expressionSitesOf(element: ModdleElement): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  const add = (label: string, raw: string | undefined, alwaysFeel = false): void => {
    if (raw === undefined) return;
    if (alwaysFeel ? raw.trim() !== '' : raw.trimStart().startsWith('=')) sites.push({ element, label, raw, alwaysFeel });
  };

  if (element.$type === 'bpmn:SequenceFlow') add('the condition', conditionOf(element), true);
  add('the completion condition', expressionBody(element, 'completionCondition'), true);

  for (const { type, tag, attributes } of EXTENSION_ATTRIBUTES) {
    const found = extension(element, type);
    for (const attribute of attributes) add(`${LABELS[attribute]} (${tag} ${attribute})`, stringProperty(found, attribute));
  }
  add('the script (zeebe:script expression)', stringProperty(extension(element, 'zeebe:Script'), 'expression'), true);

  const ioMapping = extension(element, 'zeebe:IoMapping');
  for (const input of elementList(ioMapping, 'inputParameters')) add(`the source of zeebe:input '${stringProperty(input, 'target') ?? ''}'`, stringProperty(input, 'source'));
  for (const output of elementList(ioMapping, 'outputParameters')) add(`the source of zeebe:output '${stringProperty(output, 'target') ?? ''}'`, stringProperty(output, 'source'));

  for (const listenerType of ['zeebe:ExecutionListeners', 'zeebe:TaskListeners']) {
    for (const listeners of extensions(element, listenerType)) {
      for (const listener of elementList(listeners, 'listeners')) {
        const event = stringProperty(listener, 'eventType') ?? '';
        add(`the job type of the ${event} listener`, stringProperty(listener, 'type'));
        add(`the job retries of the ${event} listener`, stringProperty(listener, 'retries'));
      }
    }
  }

  const loop = elementProperty(element, 'loopCharacteristics');
  if (element.$type === 'bpmn:ComplexGateway') add('the activation condition', expressionBody(element, 'activationCondition'), true);
  if (loop !== undefined) {
    add('the multi-instance completion condition', expressionBody(loop, 'completionCondition'), true);
    add('the loop condition', expressionBody(loop, 'loopCondition'), true);
    const zeebeLoop = extension(loop, 'zeebe:LoopCharacteristics');
    for (const attribute of ['inputCollection', 'outputElement']) add(`${LABELS[attribute]} (zeebe:loopCharacteristics ${attribute})`, stringProperty(zeebeLoop, attribute));
  }

  for (const definition of eventDefinitions(element)) {
    if (definition.$type === 'bpmn:TimerEventDefinition') {
      for (const property of ['timeDate', 'timeDuration', 'timeCycle']) add(`the timer ${property}`, expressionBody(definition, property));
    }
    if (definition.$type === 'bpmn:ConditionalEventDefinition') add('the event condition', expressionBody(definition, 'condition'), true);
  }
  return sites;
}

/** Expression sites of root elements referenced by the processes: message names and correlation keys, signal names, error and escalation codes. */
export function rootElementSites(root: ModdleElement): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  const add = (label: string, raw: string | undefined): void => {
    if (raw !== undefined && raw.trimStart().startsWith('=')) sites.push({ element: root, label, raw, alwaysFeel: false });
  };
  switch (root.$type) {
    case 'bpmn:Message':
      add('the message name', stringProperty(root, 'name'));
      add('the correlation key (zeebe:subscription correlationKey)', stringProperty(extension(root, 'zeebe:Subscription'), 'correlationKey'));
      break;
    case 'bpmn:Signal':
      add('the signal name', stringProperty(root, 'name'));
      break;
    case 'bpmn:Error':
      add('the error code', stringProperty(root, 'errorCode'));
      break;
    case 'bpmn:Escalation':
      add('the escalation code', stringProperty(root, 'escalationCode'));
      break;
  }
  return sites;
}

