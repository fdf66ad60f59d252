/**
 * Closing a connection the load generator chose to end (plan, churn, stop), which is not an error. Membership
 * windows close at once, so nothing sent from then on is expected there; with a drain the socket stays open that
 * much longer, so that messages sent before and still in flight arrive and count (a planned disconnect is no
 * loss). Holds the connections kept open for their drain until it ends, the server drops them, or the run stops.
 */
import type { VirtualClient } from '../client/virtual-client.js';
import type { Clock } from '../measure/clock.js';
import type { MissingCause } from '../measure/membership-window.js';
import type { DeliveryRecorder } from './delivery-recorder.js';
import type { ReceiverConnection } from './receiver-connection.js';

export class ConnectionDrain {
  /** Connections kept open after a planned disconnect until their in-flight messages have arrived. */
  private readonly draining = new Map<ReceiverConnection, { client: VirtualClient; timer: NodeJS.Timeout }>();

  constructor(
    private readonly delivery: DeliveryRecorder,
    private readonly clock: Clock,
  ) {}

  /**
   * Closes `client`, whose receiving side is `receiver`, at `nowUs`: after `drainMs` (ms) if it is connected and
   * the drain is positive, else at once, `cause` then saying why what was still in flight will not arrive.
   */
  close(client: VirtualClient, receiver: ReceiverConnection, nowUs: number, drainMs: number, cause?: MissingCause): void {
    if (drainMs <= 0 || !client.connected) {
      client.disconnect();
      this.delivery.endConnection(receiver, nowUs, cause);
      return;
    }
    this.delivery.closeAll(receiver, nowUs);
    const timer = setTimeout(() => {
      this.draining.delete(receiver);
      client.disconnect();
      this.delivery.endConnection(receiver, this.clock.nowUs());
    }, drainMs);
    this.draining.set(receiver, { client, timer });
  }

  /**
   * The server dropped `receiver` at `nowUs`. A draining connection is not counted as a disconnect again, but
   * what it was still draining can no longer arrive. Returns whether `receiver` was draining.
   */
  serverClosed(receiver: ReceiverConnection, nowUs: number): boolean {
    const draining = this.draining.get(receiver);
    if (draining === undefined) return false;
    clearTimeout(draining.timer);
    this.draining.delete(receiver);
    this.delivery.endConnection(receiver, nowUs, 'undeliverable');
    return true;
  }

  /** The run stops at `nowUs`: every draining connection closes now, what it still expected counted as in flight. */
  stop(nowUs: number): void {
    for (const [receiver, { client, timer }] of this.draining) {
      clearTimeout(timer);
      client.disconnect();
      this.delivery.endConnection(receiver, nowUs, 'inFlightAtStop');
    }
    this.draining.clear();
  }
}
