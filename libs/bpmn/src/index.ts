/**
 * libs/bpmn: BPMN 2.0 XML (Camunda 8 dialect) → validated, compiled executable model.
 *
 * `compileBpmn` parses with bpmn-moddle and the Zeebe descriptor, runs every deploy-time rule
 * (reporting all problems at once) and compiles each executable process to plain JSON
 * (`ExecutableProcess`), stored with the definition and run by the engine. `parseForm` reads
 * Camunda Forms resources deployed next to the models.
 */
export { compileBpmn, type BpmnCompileResult, type CompileBpmnOptions } from './compile-bpmn.js';
export { parseForm, type FormParseResult } from './form/parse-form.js';
export { decodeResource } from './parse/decode-resource.js';
export type { BpmnProblem } from './problem.js';
export { ALL_RULES } from './rules/all-rules.js';
export type { BpmnRule } from './rules/bpmn-rule.js';
export * from './model/executable-process.js';
export { parseIsoDuration, addIsoDuration, type IsoDuration } from './timers/iso-duration.js';
export { parseIsoDateTime, type IsoDateTime } from './timers/iso-date-time.js';
export { parseTimeCycle, type TimeCycle } from './timers/time-cycle.js';
export { firstCycleDue, nextCycleDue } from './timers/cycle-schedule.js';
export type { TimerParseResult } from './timers/timer-parse-result.js';
export { parseRetryBackoff, retryBackoffMs, MAX_BACKOFF_MS, RETRY_BACKOFF_HEADER, RETRY_BACKOFF_MULTIPLIER_HEADER, RETRY_BACKOFF_MAX_HEADER, type RetryBackoffPolicy, type RetryBackoffResult } from './timers/retry-backoff.js';
