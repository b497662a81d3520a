export { ERROR_CODES, PROBLEM_TITLES, isErrorCode, statusOf, type ErrorCode, type ErrorCodeWithStatus, type HttpStatus } from './error-codes.js';
export { codesNamedIn, errorCodeTable, withGeneratedTable } from './error-docs.js';
