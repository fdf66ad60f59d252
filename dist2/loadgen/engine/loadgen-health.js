/**
 * Watches the load generator's own worker threads. When a worker's event loop is saturated, the latencies it
 * records include its own queueing; the run then warns that the figures from that second on are not
 * trustworthy, rather than letting them be read as the server's.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
/** Above this event-loop utilisation (0..1) a worker counts as saturated. */
export const SATURATED_UTILIZATION = 0.9;
/** Above this event-loop delay p99 a worker counts as saturated, µs. */
export const SATURATED_DELAY_P99_US = 50_000;
/** Samples this thread's event-loop delay and utilisation; `take()` returns the interval's figures and restarts. */
export class HealthMonitor {
    delay = monitorEventLoopDelay({ resolution: 10 });
    lastUtilization = performance.eventLoopUtilization();
    constructor() {
        this.delay.enable();
    }
    take() {
        const utilization = performance.eventLoopUtilization(this.lastUtilization);
        this.lastUtilization = performance.eventLoopUtilization();
        // The histogram reports nanoseconds; a histogram with no sample reports NaN-like huge values, so guard.
        const count = this.delay.count;
        const health = {
            eventLoopDelayP99Us: count > 0 ? Math.round(this.delay.percentile(99) / 1000) : 0,
            eventLoopDelayMaxUs: count > 0 ? Math.round(this.delay.max / 1000) : 0,
            eventLoopUtilization: Math.round(utilization.utilization * 1000) / 1000,
        };
        this.delay.reset();
        return health;
    }
    stop() {
        this.delay.disable();
    }
}
/** The worst of several workers' figures (each field its own maximum). */
export function worstHealth(list) {
    if (list.length === 0)
        return undefined;
    return {
        eventLoopDelayP99Us: Math.max(...list.map((health) => health.eventLoopDelayP99Us)),
        eventLoopDelayMaxUs: Math.max(...list.map((health) => health.eventLoopDelayMaxUs)),
        eventLoopUtilization: Math.max(...list.map((health) => health.eventLoopUtilization)),
    };
}
/** Whether these figures mean the load generator was saturated. */
export function isSaturated(health) {
    return health.eventLoopUtilization > SATURATED_UTILIZATION || health.eventLoopDelayP99Us > SATURATED_DELAY_P99_US;
}
/** The figures in words, e.g. `event-loop utilisation 95%, delay p99 594 ms`. */
export function describeHealth(health) {
    return `event-loop utilisation ${Math.round(health.eventLoopUtilization * 100)}%, delay p99 ${Math.round(health.eventLoopDelayP99Us / 1000)} ms`;
}
//# sourceMappingURL=loadgen-health.js.map