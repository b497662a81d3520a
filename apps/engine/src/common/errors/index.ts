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
  UnprocessableError,
  UnsupportedMediaTypeError,
} from './baton.error.js';
