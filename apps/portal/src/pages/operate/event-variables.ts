/**
 * Reads the variables of a message or signal from what the user typed: empty means none, else it
 * must be a JSON object (`{"paid": true}`), as the engine takes it. Checked before anything is sent.
 */
export type ParsedVariables = { ok: true; variables: Record<string, unknown> | undefined } | { ok: false; error: string };

export function parseEventVariables(text: string): ParsedVariables {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, variables: undefined };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : String(error);
    return { ok: false, error: `Variables are not valid JSON: ${reason}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: `Variables must be a JSON object, like {"paid": true}, not ${Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`}.` };
  }
  return { ok: true, variables: value as Record<string, unknown> };
}

/**
 * Reads a time to live in seconds (as the form asks it) into the milliseconds the engine takes:
 * empty means 0 (not buffered). Whole seconds, 0 to 365 days.
 */
export type ParsedTimeToLive = { ok: true; milliseconds: number } | { ok: false; error: string };

const MAX_SECONDS = 365 * 24 * 3600;

export function parseTimeToLive(text: string): ParsedTimeToLive {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, milliseconds: 0 };
  if (!/^\d+$/.test(trimmed)) return { ok: false, error: 'Time to live is a whole number of seconds, 0 or more.' };
  const seconds = Number(trimmed);
  if (seconds > MAX_SECONDS) return { ok: false, error: `Time to live is at most ${MAX_SECONDS} seconds (365 days).` };
  return { ok: true, milliseconds: seconds * 1000 };
}
