export {
  BatonError,
  ConflictError,
  ForbiddenError,
  GatewayTimeoutError,
  InvalidArgumentError,
  NotFoundError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  UnauthenticatedError,
} from './baton.error.js';
