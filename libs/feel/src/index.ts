export { FeelService } from './feel.service.js';
export type { FeelEvaluationOptions, FeelExpectedType, FeelFailure, FeelResult, FeelWarning, JsonValue } from './feel.types.js';
