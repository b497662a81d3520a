import type { IntermediateThrowEventNode } from '#bpmn';
import { completeAtOnce, type ElementBehaviour } from './element-behaviour.js';
import { cancelJob, createJob } from './job-worker.behaviour.js';
import { compensateFromEvent } from './compensation-events.js';
import { throwFromEvent } from './throw-events.js';

/**
 * An intermediate throw event: a none event passes; a message event with a job waits for it; an
 * escalation or signal event throws, then continues (unless an interrupting catch event ended it);
 * a link event continues at its link catch event in the same scope; a compensation event
 * compensates and continues once the handlers completed.
 */
export const intermediateThrowEventBehaviour: ElementBehaviour<IntermediateThrowEventNode> = {
  onActivate: (context) => {
    const { node } = context;
    if (node.job) return createJob(context, node.job);
    if (node.compensate) return compensateFromEvent(context, node.compensate);
    if (node.throws) return throwFromEvent(context, node.throws) ?? completeAtOnce;
    if (node.linkTargetId) return { complete: [], jumpTo: node.linkTargetId };
    return completeAtOnce;
  },
  onTerminate: cancelJob,
};
