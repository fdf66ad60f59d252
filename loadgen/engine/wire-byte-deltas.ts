/**
 * The bytes a worker's clients wrote and read on the wire over each interval. Each client object counts from
 * its creation, so the worker sums the live clients' counters and counts the growth since the last interval.
 */
import type { SimClient } from './sim-client.js';

/** The bytes written and read since the previous `take`. */
export interface WireBytes {
  sentBytes: number;
  receivedBytes: number;
}

export class WireByteDeltas {
  private lastSentBytes = 0;
  private lastReceivedBytes = 0;

  /** The growth of the clients' summed byte counters since the previous call (the first call: the sums). */
  take(sims: readonly SimClient[]): WireBytes {
    let sentBytes = 0;
    let receivedBytes = 0;
    for (const sim of sims) {
      if (!sim.client) continue;
      sentBytes += sim.client.bytesSent;
      receivedBytes += sim.client.bytesReceived;
    }
    // Clients replaced by reconnects restart at 0, so the sum can fall: clamp.
    const delta = { sentBytes: Math.max(0, sentBytes - this.lastSentBytes), receivedBytes: Math.max(0, receivedBytes - this.lastReceivedBytes) };
    this.lastSentBytes = sentBytes;
    this.lastReceivedBytes = receivedBytes;
    return delta;
  }
}
