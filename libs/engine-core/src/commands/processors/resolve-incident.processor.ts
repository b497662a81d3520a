import type { CallActivityNode } from '#bpmn';
import { cancelChildInstance, requestChildInstance } from '../../behaviours/call-activity.behaviour.js';
import { restartTaskTransition } from '../../processing/task-listeners.js';
import { externalState } from '../../state/records.js';
import { rejection } from '../engine-command.js';
import type { CommandProcessor } from '../command-processor.js';
import { noRetriesType } from './fail-job.processor.js';

/**
 * Resolves an incident and retries what failed: the element's activation or completion, its job
 * (offered to workers again), or its call (a call activity: the child it waits for, if any, is
 * canceled and a new one requested). A JOB_NO_RETRIES incident needs retries on its job first.
 */
export const resolveIncident: CommandProcessor<'RESOLVE_INCIDENT'> = {
  instance: 'present',
  process(command, { state, lifecycle }) {
    const incident = state.incidents.get(command.incidentKey);
    if (!incident) return rejection('INCIDENT.NOT_FOUND', `No incident with key ${command.incidentKey}`);
    if (incident.state !== 'ACTIVE') return rejection('INCIDENT.NOT_ACTIVE', `Incident ${incident.incidentKey} is resolved already`);
    const job = incident.jobKey ? state.jobs.get(incident.jobKey) : undefined;
    if (job && incident.errorType === noRetriesType(job) && job.retries <= 0) {
      return rejection('INCIDENT.JOB_HAS_NO_RETRIES', `Job ${job.jobKey} has no retries left: give it retries (PATCH /v2/jobs/${job.jobKey}) before resolving incident ${incident.incidentKey}`);
    }
    lifecycle.emit({ type: 'INCIDENT_RESOLVED', incidentKey: incident.incidentKey, elementInstanceKey: incident.elementInstanceKey });
    const element = state.element(incident.elementInstanceKey);
    if (!element || externalState(element.lifecycle) !== 'ACTIVE') return undefined;
    if (incident.retry === 'ACTIVATE' && element.lifecycle === 'ACTIVATING') lifecycle.retryActivation(element, incident.trigger);
    // The process element itself is active at once: its incident is about opening its event subprocesses' catch points.
    if (incident.retry === 'ACTIVATE' && element.elementType === 'bpmn:Process' && element.lifecycle === 'ACTIVATED') {
      const opened = lifecycle.openCatchPointsOf(element);
      if (opened) lifecycle.raiseIncident(element, opened, 'ACTIVATE');
    }
    if (incident.retry === 'COMPLETE' && element.lifecycle === 'COMPLETING') lifecycle.retryCompletion(element);
    if (incident.retry === 'TASK_LISTENERS') {
      const task = state.userTaskOf(element.elementInstanceKey);
      if (task?.transition) restartTaskTransition(lifecycle, task);
    }
    if (incident.retry === 'JOB' && job) lifecycle.emit({ type: 'JOB_RECURRED', jobKey: job.jobKey, elementInstanceKey: job.elementInstanceKey });
    if (incident.retry === 'CALL' && element.lifecycle === 'ACTIVATED' && element.elementType === 'bpmn:CallActivity') {
      if (incident.errorType !== 'CALLED_ELEMENT_ERROR') cancelChildInstance(lifecycle, element);
      const failed = requestChildInstance(lifecycle, element, lifecycle.node(element.elementId) as CallActivityNode);
      if (failed) lifecycle.raiseIncident(element, failed, 'CALL');
    }
    return undefined;
  },
};
