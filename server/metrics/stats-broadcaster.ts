/**
 * The live `stats` event: a client that emits `stats:subscribe` (in any namespace) receives `stats` with a
 * ServerMetricsJson once a second until it emits `stats:unsubscribe` or disconnects. If the subscribe carries
 * an ack, the ack receives the current snapshot at once. One timer serves every subscriber, and runs only
 * while there is at least one.
 */
import type { Socket } from 'socket.io';
import type { ServerMetrics } from './server-metrics.js';

/** Event names of the live stats feed. */
export const statsEvents = { subscribe: 'stats:subscribe', unsubscribe: 'stats:unsubscribe', stats: 'stats' } as const;

export class StatsBroadcaster {
  private readonly subscribers = new Set<Socket>();
  private timer: NodeJS.Timeout | undefined;

  /** @param intervalMs time between two `stats` events, ms. Default 1000. */
  constructor(
    private readonly metrics: ServerMetrics,
    private readonly intervalMs = 1_000,
  ) {}

  subscribe(socket: Socket): void {
    if (this.subscribers.has(socket)) return;
    this.subscribers.add(socket);
    socket.once('disconnect', () => this.unsubscribe(socket));
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.publish(), this.intervalMs);
      // The feed must not keep a process alive whose server was forgotten; close() stops it anyway.
      this.timer.unref();
    }
  }

  unsubscribe(socket: Socket): void {
    this.subscribers.delete(socket);
    if (this.subscribers.size === 0) this.stop();
  }

  /** Drops every subscriber and the timer. */
  stop(): void {
    this.subscribers.clear();
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private publish(): void {
    const snapshot = this.metrics.snapshot();
    for (const socket of this.subscribers) socket.emit(statsEvents.stats, snapshot);
  }
}
