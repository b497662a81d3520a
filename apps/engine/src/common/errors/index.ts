export {
  BatonError,
  ConflictError,
  ForbiddenError,
  GatewayTimeoutError,
  InvalidArgumentError,
  NotFoundError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
} from './baton.error.js';
