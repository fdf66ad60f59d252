/**
 * Receiver-side exact order and duplicate detection per sender stream. A stream is a sequence numbered by its
 * sender (seq 0, 1, 2, ...), e.g. one sender's broadcasts to one room; the caller packs (sender, room) into
 * one number. One tracker belongs to one receiving client (or pack the receiver into the key as well), since
 * each receiver sees each stream separately.
 *
 * Per stream it keeps the highest seq seen and the set of missing seqs below it (gaps). A seq above the
 * highest is 'new' (the seqs it skipped become gaps); a gap that arrives is 'outOfOrder' (a distinct message,
 * late); anything else at or below the highest is a 'duplicate'.
 *
 * Memory bound: at most `maxGapsPerStream` gaps per stream. Beyond it the lowest gaps are forgotten and the
 * stream's floor rises above them; a message below the floor cannot be told apart and is reported as
 * 'outOfOrder' (received), so it stays visible in the out-of-order count; up to the cap, such seqs are
 * remembered, so that a second copy of one is a 'duplicate'. A jump of more than the cap only
 * records the highest `maxGapsPerStream` skipped seqs. The first message of a stream sets its floor: earlier
 * seqs of that stream (e.g. sent before this receiver joined) are 'outOfOrder' if they still arrive.
 */

/** The outcome of one arrival. */
export type StreamOutcome = 'new' | 'duplicate' | 'outOfOrder';

/** Default cap on remembered gaps per stream. */
export const DEFAULT_MAX_GAPS_PER_STREAM = 1024;

interface StreamState {
  maxSeq: number;
  /** Seqs below the floor are not tracked. */
  floor: number;
  /** Missing seqs in [floor, maxSeq); undefined while there are none (the common case costs no Set). */
  gaps: Set<number> | undefined;
  /** Seqs below the floor that arrived (so that a second copy is a duplicate); undefined while there are none. */
  below: Set<number> | undefined;
}

/** Order and duplicate detection over many sender streams; see the file comment for the memory bound. */
export class StreamTracker {
  /** Made on the first arrival: most connections of a connect storm never receive one. */
  private streams: Map<number, StreamState> | undefined;
  /** The stream recorded last and its state (states are never replaced): a receiver mostly hears one stream at a time. */
  private lastKey = -1;
  private lastState: StreamState | undefined;
  private readonly maxGapsPerStream: number;

  /** `maxGapsPerStream`: gaps remembered per stream (default 1024), a positive integer. */
  constructor(options: { maxGapsPerStream?: number } = {}) {
    const cap = options.maxGapsPerStream ?? DEFAULT_MAX_GAPS_PER_STREAM;
    if (!Number.isSafeInteger(cap) || cap < 1) {
      throw new RangeError(`options.maxGapsPerStream must be a positive integer, got ${cap}`);
    }
    this.maxGapsPerStream = cap;
  }

  /** Classifies the arrival of `seq` (a non-negative integer) on `streamKey`. */
  record(streamKey: number, seq: number): StreamOutcome {
    let state = streamKey === this.lastKey ? this.lastState : undefined;
    if (state === undefined) {
      state = this.streams?.get(streamKey);
      if (state === undefined) {
        state = { maxSeq: seq, floor: seq, gaps: undefined, below: undefined };
        (this.streams ??= new Map()).set(streamKey, state);
        this.lastKey = streamKey;
        this.lastState = state;
        return 'new';
      }
      this.lastKey = streamKey;
      this.lastState = state;
    }
    if (seq > state.maxSeq) {
      this.addGaps(state, state.maxSeq + 1, seq);
      state.maxSeq = seq;
      return 'new';
    }
    if (seq < state.floor) {
      if (state.below?.has(seq)) return 'duplicate';
      // Remembered up to the gap cap; beyond it a copy below the floor cannot be told apart.
      if ((state.below?.size ?? 0) < this.maxGapsPerStream) (state.below ??= new Set()).add(seq);
      return 'outOfOrder';
    }
    if (state.gaps !== undefined && state.gaps.delete(seq)) {
      if (state.gaps.size === 0) state.gaps = undefined;
      return 'outOfOrder';
    }
    return 'duplicate';
  }

  /** Streams tracked. */
  get streamCount(): number {
    return this.streams?.size ?? 0;
  }

  /** Records seqs [fromSeq, toSeq) as gaps, keeping the cap by raising the floor. */
  private addGaps(state: StreamState, fromSeq: number, toSeq: number): void {
    if (fromSeq >= toSeq) return;
    const cap = this.maxGapsPerStream;
    if (toSeq - fromSeq >= cap) {
      // The jump alone fills the cap: every older gap goes and only the highest `cap` skipped seqs stay.
      state.gaps = new Set();
      state.floor = toSeq - cap;
      for (let s = toSeq - cap; s < toSeq; s++) state.gaps.add(s);
      return;
    }
    const gaps = (state.gaps ??= new Set());
    for (let s = fromSeq; s < toSeq; s++) gaps.add(s);
    if (gaps.size > cap) {
      // Sets iterate in insertion order and gaps are inserted in increasing seq order, so the first are lowest.
      let excess = gaps.size - cap;
      let lowestKept = toSeq;
      for (const s of gaps) {
        if (excess === 0) {
          lowestKept = s;
          break;
        }
        gaps.delete(s);
        excess--;
      }
      state.floor = lowestKept;
    }
  }
}
