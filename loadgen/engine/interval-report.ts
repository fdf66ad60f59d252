/**
 * What a worker posts to the coordinator at the end of each interval, and when: the snapshot of its metrics
 * (latencies, counters, wire bytes, the connection gauges, its own event-loop health) and the delta of its
 * delivery logs. Requests still waiting for a reply past their deadline are counted as timed out first, so they
 * fall into the interval that saw them expire. Interval ends are computed from the run start, not by chaining.
 */
import type { WireByteCounter } from '../client/wire-bytes.js';
import type { Clock } from '../measure/clock.js';
import type { WorkerMetrics } from '../measure/worker-metrics.js';
import type { ConnectionCounts } from './connection-counts.js';
import type { DeliveryRecorder } from './delivery-recorder.js';
import type { EventReceiver } from './event-receiver.js';
import type { HealthMonitor } from './loadgen-health.js';
import type { WorkerToCoordinator } from './messages.js';
import type { RunTimeline } from './run-timeline.js';
import type { SimClient } from './sim-client.js';
import { WireByteDeltas } from './wire-byte-deltas.js';

export interface IntervalReportDeps {
  workerId: number;
  /** The worker's clients by slot. */
  sims: readonly SimClient[];
  metrics: WorkerMetrics;
  /** The counter all of the worker's clients add their wire bytes to. */
  wireBytes: WireByteCounter;
  health: HealthMonitor;
  receiver: EventReceiver;
  delivery: DeliveryRecorder;
  counts: ConnectionCounts;
  clock: Clock;
  timeline: RunTimeline;
  post(message: WorkerToCoordinator): void;
}

export class IntervalReport {
  private readonly wireBytes: WireByteDeltas;
  /** Where the next interval starts (monotonic µs): the run start, then the end of the last one posted. */
  private startUs = 0;
  private timer: NodeJS.Timeout | undefined;
  private intervalIndex = 0;
  private stopped = false;

  constructor(private readonly deps: IntervalReportDeps) {
    this.wireBytes = new WireByteDeltas(deps.wireBytes);
  }

  /**
   * Posts an interval every `intervalMs` (ms) from the timeline's start, calling `afterPost` after each: it may
   * end the run (`postLast`), else the next interval is armed.
   */
  start(intervalMs: number, afterPost: () => void): void {
    this.startUs = this.deps.timeline.startUs;
    this.arm(intervalMs, afterPost);
  }

  /** Posts the last interval, from the end of the previous one to now, and arms no more. */
  postLast(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.post(this.deps.clock.nowUs());
  }

  private arm(intervalMs: number, afterPost: () => void): void {
    const nextEndUs = this.deps.timeline.atUs((this.intervalIndex + 1) * intervalMs);
    this.timer = setTimeout(() => {
      this.intervalIndex += 1;
      this.post(nextEndUs);
      afterPost();
      if (!this.stopped) this.arm(intervalMs, afterPost);
    }, Math.max(0, (nextEndUs - this.deps.clock.nowUs()) / 1000));
  }

  /** Posts the interval from the end of the previous one to `endUs` (monotonic µs). */
  private post(endUs: number): void {
    const { metrics, timeline } = this.deps;
    const startUs = this.startUs;
    this.startUs = endUs;
    const { sentBytes, receivedBytes } = this.wireBytes.take();
    metrics.count('bytesSent', sentBytes);
    metrics.count('bytesReceived', receivedBytes);
    this.deps.receiver.expireReplies(this.deps.sims, endUs);
    const snapshot = metrics.takeSnapshot(this.deps.workerId, timeline.msAt(startUs), timeline.msAt(endUs), this.deps.counts.gauges());
    snapshot.loadgen = this.deps.health.take();
    this.deps.post({ type: 'interval', snapshot, ledger: this.deps.delivery.takeDelta(this.deps.clock.nowUs()) });
  }
}
