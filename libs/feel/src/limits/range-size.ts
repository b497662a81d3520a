import type { FeelRange } from 'feelin';

/**
 * How many elements feelin 8.2 would produce when enumerating a range (`FeelRange.prototype.map`),
 * computed without enumerating it. feelin steps a number range by 1 from `start` until it meets
 * `end` exactly, so a range whose bounds are not a whole number of steps apart — `1.5..3`,
 * `(1..1]`, or bounds beyond 2^53 where adding 1 changes nothing — never ends: `Infinity`.
 *
 * Returns `undefined` for ranges whose size feelin decides itself: character ranges (`"a".."z"`,
 * at most a few dozen elements) and ranges feelin cannot enumerate (temporal or open-ended ones,
 * which it refuses with an error). Counts above `limit` may be approximate; they are over the
 * limit either way.
 */
export function rangeSize(range: FeelRange, limit: number): number | undefined {
  const { start, end, valueType } = range as FeelRange & { start: unknown; end: unknown; valueType: unknown };
  if (valueType !== 'number' || typeof start !== 'number' || typeof end !== 'number') return undefined;
  const startIncluded = range['start included'] === true;
  const endIncluded = range['end included'] === true;
  if (!Number.isFinite(start) || !Number.isFinite(end)) return Infinity;
  if (Number.isSafeInteger(start) && Number.isSafeInteger(end)) {
    if (start === end) return startIncluded ? (endIncluded ? 1 : 0) : Infinity;
    return Math.abs(end - start) + 1 - (startIncluded ? 0 : 1) - (endIncluded ? 0 : 1);
  }
  return simulatedSize(start, end, startIncluded, endIncluded, limit);
}

/** feelin's stepping, replayed without producing elements, for bounds that are not safe integers. */
function simulatedSize(start: number, end: number, startIncluded: boolean, endIncluded: boolean, limit: number): number {
  const direction = start > end ? -1 : 1;
  let count = 0;
  let i = start;
  for (let step = 0; step <= limit + 1; step++, i += direction) {
    if (i === start && !startIncluded) continue;
    if (i === end && !endIncluded) return count;
    count++;
    if (i === end) return count;
    if (direction > 0 ? i > end : i < end) return Infinity;
  }
  const distance = Math.abs(end - start);
  return Number.isInteger(distance) && start + direction !== start ? distance + 1 : Infinity;
}
