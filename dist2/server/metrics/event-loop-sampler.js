/**
 * Event-loop delay (perf_hooks.monitorEventLoopDelay) and utilisation (performance.eventLoopUtilization) over
 * fixed windows, so that each figure describes the last second rather than the whole life of the server.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { nanosecondsToMicroseconds } from './units.js';
/** Samples the event loop; `latest()` returns the last completed window (or the open one before the first ends). */
export class EventLoopSampler {
    windowMs;
    histogram;
    utilizationAtWindowStart;
    windowStartMs;
    completed;
    timer;
    /**
     * @param windowMs length of a window, ms. Default 1000.
     * @param resolutionMs sampling rate of the delay monitor, ms. Default 10 (Node's default).
     */
    constructor(windowMs = 1_000, resolutionMs = 10) {
        this.windowMs = windowMs;
        this.histogram = monitorEventLoopDelay({ resolution: resolutionMs });
        this.utilizationAtWindowStart = performance.eventLoopUtilization();
        this.windowStartMs = performance.now();
    }
    /** Starts sampling; the window timer does not keep the process alive. */
    start() {
        if (this.timer !== undefined)
            return;
        this.histogram.enable();
        this.utilizationAtWindowStart = performance.eventLoopUtilization();
        this.windowStartMs = performance.now();
        this.timer = setInterval(() => this.closeWindow(), this.windowMs);
        this.timer.unref();
    }
    /** Stops sampling and releases the timer. */
    stop() {
        if (this.timer !== undefined)
            clearInterval(this.timer);
        this.timer = undefined;
        this.histogram.disable();
    }
    latest() {
        return this.completed ?? this.openWindow();
    }
    closeWindow() {
        this.completed = this.openWindow();
        this.histogram.reset();
        this.utilizationAtWindowStart = performance.eventLoopUtilization();
        this.windowStartMs = performance.now();
    }
    openWindow() {
        const empty = this.histogram.count === 0;
        const utilization = performance.eventLoopUtilization(this.utilizationAtWindowStart);
        return {
            delayP50Us: empty ? 0 : nanosecondsToMicroseconds(this.histogram.percentile(50)),
            delayP99Us: empty ? 0 : nanosecondsToMicroseconds(this.histogram.percentile(99)),
            delayMaxUs: empty ? 0 : nanosecondsToMicroseconds(this.histogram.max),
            utilizationRatio: utilization.utilization,
            windowMs: Math.min(this.windowMs, Math.round(performance.now() - this.windowStartMs)),
        };
    }
}
//# sourceMappingURL=event-loop-sampler.js.map