import type { EndEventNode } from '#bpmn';
import { completeAtOnce, type ElementBehaviour } from './element-behaviour.js';
import { cancelJob, createJob } from './job-worker.behaviour.js';

/**
 * None end events complete; terminate end events first terminate everything else in their
 * scope (which then completes); message end events with a job wait for it.
 */
export const endEventBehaviour: ElementBehaviour<EndEventNode> = {
  onActivate: (context) => {
    if (context.node.job) return createJob(context, context.node.job);
    if (context.node.terminate) context.processing.terminateSiblings(context.instance);
    return completeAtOnce;
  },
  onTerminate: cancelJob,
};
