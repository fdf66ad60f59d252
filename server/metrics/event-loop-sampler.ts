/**
 * Event-loop delay (perf_hooks.monitorEventLoopDelay) and utilisation (performance.eventLoopUtilization) over
 * fixed windows, so that each figure describes the last second rather than the whole life of the server.
 */
import { monitorEventLoopDelay, performance, type EventLoopUtilization, type IntervalHistogram } from 'node:perf_hooks';
import { nanosecondsToMicroseconds } from './units.js';

/** The event loop's figures over one window. */
export interface EventLoopWindow {
  delayP50Us: number;
  delayP99Us: number;
  delayMaxUs: number;
  /** Share of the window the loop was busy, 0..1. */
  utilizationRatio: number;
  /** Length of the window, ms (the configured window; shorter for the first, still open one). */
  windowMs: number;
}

/** Samples the event loop; `latest()` returns the last completed window (or the open one before the first ends). */
export class EventLoopSampler {
  private readonly histogram: IntervalHistogram;
  private utilizationAtWindowStart: EventLoopUtilization;
  private windowStartMs: number;
  private completed: EventLoopWindow | undefined;
  private timer: NodeJS.Timeout | undefined;

  /**
   * @param windowMs length of a window, ms. Default 1000.
   * @param resolutionMs sampling rate of the delay monitor, ms. Default 10 (Node's default).
   */
  constructor(
    readonly windowMs = 1_000,
    resolutionMs = 10,
  ) {
    this.histogram = monitorEventLoopDelay({ resolution: resolutionMs });
    this.utilizationAtWindowStart = performance.eventLoopUtilization();
    this.windowStartMs = performance.now();
  }

  /** Starts sampling; the window timer does not keep the process alive. */
  start(): void {
    if (this.timer !== undefined) return;
    this.histogram.enable();
    this.utilizationAtWindowStart = performance.eventLoopUtilization();
    this.windowStartMs = performance.now();
    this.timer = setInterval(() => this.closeWindow(), this.windowMs);
    this.timer.unref();
  }

  /** Stops sampling and releases the timer. */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.histogram.disable();
  }

  latest(): EventLoopWindow {
    return this.completed ?? this.openWindow();
  }

  private closeWindow(): void {
    this.completed = this.openWindow();
    this.histogram.reset();
    this.utilizationAtWindowStart = performance.eventLoopUtilization();
    this.windowStartMs = performance.now();
  }

  private openWindow(): EventLoopWindow {
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
