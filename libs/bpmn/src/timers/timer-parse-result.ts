/** The outcome of parsing a timer value: the structured value, or why it is not one. */
export type TimerParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };
