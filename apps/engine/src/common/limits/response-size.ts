import { InvalidArgumentError } from '../errors/index.js';

/** What a client can do about a response that is too large, said the same way everywhere. */
const HOW_TO_ASK_FOR_LESS =
  'ask for fewer items (page.limit, or page through with page.after), fewer variables (fetchVariable), or truncated values ' +
  '(truncateValues=true, the default of variable searches; GET /v2/variables/{variableKey} gives one whole value)';

/**
 * The 400 `RESPONSE.TOO_LARGE` problem: the answer would carry more than
 * `BATON_MAX_RESPONSE_BYTES`. `what` says what would be too large ("The response", "The values of
 * the 1000 variables of this page"); `hint` replaces the general advice when the caller knows
 * better (e.g. how many items would fit).
 */
export function responseTooLarge(what: string, bytes: number, maxBytes: number, extensions: Record<string, unknown> = {}, hint = HOW_TO_ASK_FOR_LESS): InvalidArgumentError {
  return new InvalidArgumentError(
    'RESPONSE.TOO_LARGE',
    `Expected a response of at most ${maxBytes} bytes (BATON_MAX_RESPONSE_BYTES) but ${what} would be ${bytes} bytes; ${hint}`,
    { responseBytes: bytes, maxResponseBytes: maxBytes, ...extensions },
  );
}
