export {
  BatonError,
  ConflictError,
  ForbiddenError,
  InvalidArgumentError,
  NotFoundError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  UnauthenticatedError,
  UnprocessableError,
} from './baton.error.js';
