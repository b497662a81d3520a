import type { UserTaskNode } from '#bpmn';
import { Failure } from '../failure.js';
import { afterCreation, cancelUserTask, startTaskTransition, taskListenersOf } from '../processing/task-listeners.js';
import type { ElementBehaviour } from './element-behaviour.js';

/** Camunda's default user task priority. */
export const DEFAULT_PRIORITY = 50;

/**
 * Creates the user task (assignee, candidates, schedule, priority and form, evaluated now) and
 * waits for it to be completed. Job-based user tasks (without zeebe:userTask) are run the same
 * way, so every model's user tasks appear in the task list.
 */
export const userTaskBehaviour: ElementBehaviour<UserTaskNode> = {
  onActivate: (context) => {
    const { node, instance, services } = context;
    const definition = node.userTask;
    const variables = context.variables();
    const evaluator = services.evaluator;

    const assignee = evaluator.optionalString(definition.assignee, variables);
    if (assignee instanceof Failure) return assignee;
    const candidateGroups = evaluator.stringList(definition.candidateGroups, variables);
    if (candidateGroups instanceof Failure) return candidateGroups;
    const candidateUsers = evaluator.stringList(definition.candidateUsers, variables);
    if (candidateUsers instanceof Failure) return candidateUsers;
    const dueDate = evaluator.dateTime(definition.dueDate, variables);
    if (dueDate instanceof Failure) return dueDate;
    const followUpDate = evaluator.dateTime(definition.followUpDate, variables);
    if (followUpDate instanceof Failure) return followUpDate;
    const priority = definition.priority ? evaluator.integer(definition.priority, variables, 0, 100) : DEFAULT_PRIORITY;
    if (priority instanceof Failure) return priority;

    let formKey: string | null = null;
    let embeddedFormId: string | null = null;
    let externalFormReference: string | null = null;
    const form = definition.form;
    if (form?.kind === 'linked') {
      formKey = services.formKeys[form.formId] ?? null;
      if (!formKey) {
        return new Failure('FORM_NOT_FOUND', `Expected to find a form with id '${form.formId}' for user task '${node.id}', but no such form is deployed`);
      }
    } else if (form?.kind === 'embedded') {
      embeddedFormId = form.formKey;
    } else if (form?.kind === 'external') {
      const reference = evaluator.optionalString(form.reference, variables);
      if (reference instanceof Failure) return reference;
      externalFormReference = reference;
    }

    // With listeners for its creation or assignment, the task is created unassigned and its
    // assignee comes through them (listeners.md); otherwise at once.
    const listened = taskListenersOf(node, 'creating').length > 0 || taskListenersOf(node, 'assigning').length > 0;
    const userTaskKey = services.nextKey();
    services.emit({
      type: 'USER_TASK_CREATED',
      userTask: {
        userTaskKey,
        elementInstanceKey: instance.elementInstanceKey,
        elementId: node.id,
        name: node.name ?? null,
        state: 'CREATED',
        assignee: listened ? null : assignee,
        candidateGroups,
        candidateUsers,
        dueDate,
        followUpDate,
        priority,
        formKey,
        embeddedFormId,
        externalFormReference,
        customHeaders: { ...definition.headers },
        creationDate: services.now,
        completionDate: null,
      },
    });
    if (listened) {
      const task = services.state.userTasks.get(userTaskKey)!;
      if (!startTaskTransition(services, task, { eventType: 'creating', assignee })) afterCreation(services, task, assignee);
    }
    return 'wait';
  },
  onTerminate: (context) => {
    const task = context.services.state.userTaskOf(context.instance.elementInstanceKey);
    if (task) cancelUserTask(context.services, task);
  },
};
