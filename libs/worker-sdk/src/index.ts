export { createWorker, jobQueueName, queueLockSettings, type BatonWorker, type JobHandler, type WorkerJob, type WorkerOptions } from './create-worker.js';
export { EngineClient, type ActivatedJob, type EngineConnection } from './engine-client.js';
export { BpmnError, EngineCallError, JobFailure } from './errors.js';
export { TaskListenerResult, type TaskCorrections } from './task-listener-result.js';
