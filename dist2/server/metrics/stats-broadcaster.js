/** Event names of the live stats feed. */
export const statsEvents = { subscribe: 'stats:subscribe', unsubscribe: 'stats:unsubscribe', stats: 'stats' };
export class StatsBroadcaster {
    metrics;
    intervalMs;
    subscribers = new Set();
    timer;
    /** @param intervalMs time between two `stats` events, ms. Default 1000. */
    constructor(metrics, intervalMs = 1_000) {
        this.metrics = metrics;
        this.intervalMs = intervalMs;
    }
    subscribe(socket) {
        if (this.subscribers.has(socket))
            return;
        this.subscribers.add(socket);
        socket.once('disconnect', () => this.unsubscribe(socket));
        if (this.timer === undefined) {
            this.timer = setInterval(() => this.publish(), this.intervalMs);
            // The feed must not keep a process alive whose server was forgotten; close() stops it anyway.
            this.timer.unref();
        }
    }
    unsubscribe(socket) {
        this.subscribers.delete(socket);
        if (this.subscribers.size === 0)
            this.stop();
    }
    /** Drops every subscriber and the timer. */
    stop() {
        this.subscribers.clear();
        if (this.timer !== undefined)
            clearInterval(this.timer);
        this.timer = undefined;
    }
    publish() {
        const snapshot = this.metrics.snapshot();
        for (const socket of this.subscribers)
            socket.emit(statsEvents.stats, snapshot);
    }
}
//# sourceMappingURL=stats-broadcaster.js.map