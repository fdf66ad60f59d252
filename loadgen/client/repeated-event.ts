/**
 * The last text EVENT packet decoded in this thread, so that the same text is decoded once: a broadcast reaches
 * every member client of a worker with byte-identical text, and a room of 2,000 would otherwise parse the same
 * JSON 2,000 times. Every client that receives the text then gets the same frozen args array: handlers read
 * their arguments and never write them. A text that differs by one byte is decoded afresh.
 */
import { SIO_EVENT, type DecodedPacket } from './socketio-codec.js';

/** A decoded EVENT: its namespace, ack id (-1 without), event name and arguments. */
export interface DecodedEvent {
  readonly nsp: string;
  readonly ackId: number;
  readonly event: string;
  readonly args: readonly unknown[];
}

/** The event of a decoded EVENT or BINARY_EVENT packet's data (an array whose head is the event name). */
export function eventOf(nsp: string, ackId: number, data: readonly unknown[]): DecodedEvent {
  const head = data[0];
  return { nsp, ackId, event: typeof head === 'string' ? head : String(head), args: Object.freeze(data.slice(1)) };
}

export class RepeatedEventCache {
  private text: string | undefined;
  private event: DecodedEvent | undefined;

  /** The event decoded from exactly this text last time, if it was the last one remembered. */
  get(text: string): DecodedEvent | undefined {
    return text === this.text ? this.event : undefined;
  }

  /** The event of `packet` (a text EVENT just decoded from `text`), remembered for the next identical text. */
  remember(text: string, packet: DecodedPacket): DecodedEvent {
    if (packet.type !== SIO_EVENT || packet.attachments !== 0) throw new TypeError('only a text EVENT packet is remembered');
    const event = eventOf(packet.nsp, packet.ackId, packet.data as unknown[]);
    this.text = text;
    this.event = event;
    return event;
  }
}
