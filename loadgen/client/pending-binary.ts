/**
 * A Socket.IO BINARY_EVENT / BINARY_ACK whose attachments are still arriving: the text packet announces how many
 * binary messages follow, and its data holds a placeholder for each (socketio-codec.ts). One exists only while a
 * binary packet is incomplete; text and binary-free packets never make one.
 */
import { reconstruct } from './socketio-codec.js';

export class PendingBinary {
  private readonly buffers: Buffer[] = [];

  constructor(
    readonly type: number,
    readonly nsp: string,
    readonly ackId: number,
    /** The decoded data, its attachments still placeholders. */
    private readonly data: unknown,
    /** Attachments announced. */
    private readonly expected: number,
  ) {}

  /** Adds the next attachment; returns whether it was the last one announced. */
  add(buffer: Buffer): boolean {
    this.buffers.push(buffer);
    return this.buffers.length >= this.expected;
  }

  /** The data with each placeholder replaced by its attachment (in place). Throws ProtocolError on a bad index. */
  assemble(): unknown {
    return reconstruct(this.data, this.buffers);
  }
}
