/**
 * The per-second merge: each worker's interval snapshot waits under the second it ends in until every active
 * worker has sent its own for that second; then the waiting seconds are closed in order, each into one series
 * point that also holds the coordinator's own measurements (fan-out completions, http actions) and the worst
 * load-generator health of its whole intervals.
 */
import type { Clock } from '../measure/clock.js';
import type { RunAccumulator } from '../measure/run-accumulator.js';
import type { WorkerMetrics } from '../measure/worker-metrics.js';
import type { IntervalSnapshot, SeriesPoint } from '../run-result.js';
import { worstHealth } from './loadgen-health.js';
import { phaseAt, type RunPlan } from './run-plan.js';

/** Worker id of the coordinator's own measurements (fan-out completion) in the merged snapshots. */
const COORDINATOR_WORKER_ID = -1;
/** A worker's interval shorter than this is left out of a second's health: a stopping worker's last one, ms. */
const WHOLE_INTERVAL_MS = 500;

/** The snapshots of one second received so far, and which workers sent them. */
interface PendingSecond {
  workers: Set<number>;
  snapshots: IntervalSnapshot[];
}

export interface SecondMergerInputs {
  accumulator: RunAccumulator;
  /** The coordinator's own measurements, taken into each second as it closes. */
  ownMetrics: WorkerMetrics;
  plan: RunPlan;
  clock: Clock;
  /** Called just before each second closes with the time, µs: what it records (judged fan-outs) counts in that second. */
  beforeClose: (nowUs: number) => void;
}

export class SecondMerger {
  /** The merged seconds so far, oldest first. */
  readonly series: SeriesPoint[] = [];
  private readonly pending = new Map<number, PendingSecond>();
  private closedSec = 0;

  constructor(private readonly inputs: SecondMergerInputs) {}

  /** The last second closed, s since the run start (0 before the first). */
  get lastClosedSec(): number {
    return this.closedSec;
  }

  /** Queues a worker's interval under the second it ends in, and returns that second. */
  add(snapshot: IntervalSnapshot): number {
    const sec = Math.ceil(snapshot.endMs / 1000 - 1e-6);
    let pending = this.pending.get(sec);
    if (!pending) {
      pending = { workers: new Set(), snapshots: [] };
      this.pending.set(sec, pending);
    }
    pending.workers.add(snapshot.workerId);
    pending.snapshots.push(snapshot);
    return sec;
  }

  /** Whether every worker of `workerIds` has sent its interval of second `sec`. */
  isComplete(sec: number, workerIds: Iterable<number>): boolean {
    const pending = this.pending.get(sec);
    return pending !== undefined && [...workerIds].every((id) => pending.workers.has(id));
  }

  /**
   * Closes every waiting second up to `untilSec`, in order, into the series; `onSecond` gets each point as it
   * is added, with the time it was closed, µs. Epoch times count from `runStartEpochMs`.
   */
  flush(untilSec: number, runStartEpochMs: number, onSecond: (point: SeriesPoint, nowUs: number) => void): void {
    const { accumulator, plan, clock, beforeClose } = this.inputs;
    const ready = [...this.pending.keys()].filter((sec) => sec <= untilSec).sort((a, b) => a - b);
    for (const sec of ready) {
      const { snapshots } = this.pending.get(sec)!;
      this.pending.delete(sec);
      for (const snapshot of snapshots) accumulator.add(snapshot);
      const nowUs = clock.nowUs();
      beforeClose(nowUs);
      accumulator.add(this.ownSnapshot(this.closedSec * 1000, sec * 1000));
      const phase = phaseAt(plan, sec * 1000 - 1)?.name ?? '';
      const point = accumulator.closeSecond(sec, runStartEpochMs + sec * 1000, phase);
      // Only whole intervals count: the last, short one of a stopping worker is all disconnect work.
      const health = worstHealth(snapshots.flatMap((snapshot) => (snapshot.loadgen && snapshot.endMs - snapshot.startMs >= WHOLE_INTERVAL_MS ? [snapshot.loadgen] : [])));
      if (health) point.loadgen = health;
      this.series.push(point);
      this.closedSec = sec;
      onSecond(point, nowUs);
    }
  }

  /** Adds what the coordinator measured since the last close (the final fan-out judgements) to the totals only. */
  foldFinalOwnMetrics(): void {
    this.inputs.accumulator.add(this.ownSnapshot(this.closedSec * 1000, this.closedSec * 1000));
  }

  /** The coordinator's own measurements of [startMs, endMs], ms since the run start; it holds no connections. */
  private ownSnapshot(startMs: number, endMs: number): IntervalSnapshot {
    return this.inputs.ownMetrics.takeSnapshot(COORDINATOR_WORKER_ID, startMs, endMs, { target: 0, open: 0, connecting: 0, failed: 0 });
  }
}
