/**
 * The bytes a worker's clients wrote and read on the wire over each interval: the growth of the one counter
 * all of the worker's clients add to (see client/wire-bytes.ts).
 */
import type { WireByteCounter } from '../client/wire-bytes.js';

/** The bytes written and read since the previous `take`. */
export interface WireBytes {
  sentBytes: number;
  receivedBytes: number;
}

export class WireByteDeltas {
  private lastSentBytes = 0;
  private lastReceivedBytes = 0;

  constructor(private readonly counter: WireByteCounter) {}

  /** The counter's growth since the previous call (the first call: since it was made). */
  take(): WireBytes {
    const { sentBytes, receivedBytes } = this.counter;
    const delta = { sentBytes: sentBytes - this.lastSentBytes, receivedBytes: receivedBytes - this.lastReceivedBytes };
    this.lastSentBytes = sentBytes;
    this.lastReceivedBytes = receivedBytes;
    return delta;
  }
}
