export { FeelService } from './feel.service.js';
export { DEFAULT_FEEL_LIMITS } from './limits/feel-limits.js';
export { FEEL_BUILTIN_FUNCTION_NAMES, BATON_BUILTIN_NAMES } from './builtins/index.js';
export type { FeelResultTypeName } from './feel-result-type.js';
export type {
  FeelEvaluationOptions,
  FeelExpectedType,
  FeelFailure,
  FeelLimits,
  FeelResult,
  FeelTypedEvaluationOptions,
  FeelValueOf,
  FeelWarning,
  JsonValue,
} from './feel.types.js';
