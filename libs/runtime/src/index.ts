export { BATON_CONFIG, ConfigError, loadConfig, loadConfigOrExit, MAX_VARIABLE_DEPTH } from './baton-config.js';
export type { BatonConfig } from './baton-config.js';
export type { OidcConfig } from './oidc-config.js';
export { createLogger, PinoNestLogger } from './logger.js';
export { checkMysqlReachable, checkRedisReachable, DependencyUnreachableError } from './preflight.js';
export { batonVersion, projectRoot } from './version.js';
export { redactUrl } from './preflight.js';
export { onStopRequest, STOP_SIGNALS } from './stop-requests.js';
export type { StopRequestOptions } from './stop-requests.js';
