import type { ScriptTaskNode } from '#bpmn';
import { Failure } from '../failure.js';
import type { ElementBehaviour } from './element-behaviour.js';
import { cancelJob, createJob } from './job-worker.behaviour.js';

/**
 * A FEEL script task evaluates its expression and completes with the result in its result
 * variable (propagated like a job's variables, or through output mappings); a script task
 * with a job definition works like a service task.
 */
export const scriptTaskBehaviour: ElementBehaviour<ScriptTaskNode> = {
  onActivate: (context) => {
    const { node, services } = context;
    if (node.job) return createJob(context, node.job);
    const script = node.script!;
    const result = services.evaluator.any({ kind: 'feel', expression: script.expression }, context.variables());
    if (result instanceof Failure) return result;
    const document = { [script.resultVariable]: result };
    return services.variables.checkDepth(document, 'EXTRACT_VALUE_ERROR', `from the script of '${node.id}'`) ?? { complete: undefined, result: document };
  },
  onTerminate: cancelJob,
};
