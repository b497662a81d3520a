import type { IncidentErrorType } from './state/records.js';

/**
 * An expected failure (design.md invariant 9): a condition that does not evaluate, a missing
 * form, an error nothing catches. Returned as a value, never thrown; the lifecycle turns it into
 * an incident on the element, whose resolution runs the failed step again.
 */
export class Failure {
  constructor(
    readonly errorType: IncidentErrorType,
    readonly message: string,
  ) {}
}
