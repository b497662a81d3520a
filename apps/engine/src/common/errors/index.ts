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
  UnprocessableError,
} from './baton.error.js';
