/**
 * Generates the engine's 64-bit keys without a database round trip.
 *
 * Layout (63 bits, so keys stay positive in signed BIGINT columns):
 * 41 bits of milliseconds since 2026-01-01T00:00:00Z | 10 bits node id | 12 bits sequence.
 * That is 4096 keys per millisecond per node, for 69 years. Keys are exposed as numeric strings
 * because they exceed JavaScript's safe integers. The clock is passed in (engine-core is pure).
 */
export class KeyGenerator {
  /** Start of the key epoch. */
  static readonly EPOCH_MS = Date.UTC(2026, 0, 1);
  private static readonly NODE_BITS = 10n;
  private static readonly SEQUENCE_BITS = 12n;
  private static readonly MAX_SEQUENCE = (1 << 12) - 1;

  private lastMs = -1;
  private sequence = 0;

  /**
   * @param nodeId 0..1023, unique among the processes generating keys at the same time
   * @param clock milliseconds since the Unix epoch
   */
  constructor(
    private readonly nodeId: number,
    private readonly clock: () => number,
  ) {
    if (!Number.isInteger(nodeId) || nodeId < 0 || nodeId > 1023) {
      throw new RangeError(`Expected a node id between 0 and 1023 but got ${nodeId}`);
    }
  }

  /** The next key, as a numeric string. Strictly increasing for this generator. */
  next(): string {
    let now = Math.max(this.clock() - KeyGenerator.EPOCH_MS, 0);
    if (now < this.lastMs) {
      // The wall clock went backwards: keep counting on the last millisecond seen.
      now = this.lastMs;
    }
    if (now === this.lastMs) {
      this.sequence += 1;
      if (this.sequence > KeyGenerator.MAX_SEQUENCE) {
        // Sequence exhausted within this millisecond: borrow the next millisecond.
        now = this.lastMs + 1;
        this.sequence = 0;
      }
    } else {
      this.sequence = 0;
    }
    this.lastMs = now;
    const key =
      (BigInt(now) << (KeyGenerator.NODE_BITS + KeyGenerator.SEQUENCE_BITS)) |
      (BigInt(this.nodeId) << KeyGenerator.SEQUENCE_BITS) |
      BigInt(this.sequence);
    return key.toString();
  }
}
