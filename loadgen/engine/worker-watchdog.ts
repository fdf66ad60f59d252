/**
 * Notices a hung worker: one that has sent no interval for WORKER_SILENT_MS. A hung thread never rejects, so
 * piscina cannot report it (it does report a crashed one). Pure: fed the time each worker was last heard from.
 */

/**
 * A worker that sends no interval for this long is taken as hung, ms.
 * Generous on purpose: a worker saturated by a connect storm can go quiet for several seconds and still be alive
 * (its seconds are then flagged as saturated); only a worker silent this long is given up on.
 */
export const WORKER_SILENT_MS = 15_000;

/** A worker silent for longer than allowed, and for how long, ms. */
export interface SilentWorker {
  workerId: number;
  silentMs: number;
}

export class WorkerWatchdog {
  /** Last time each worker was heard from, µs (the clock of the times passed in). */
  private readonly lastHeardUs = new Map<number, number>();

  constructor(
    /** How long a worker may stay silent, ms. Default WORKER_SILENT_MS. */
    private readonly silentAfterMs = WORKER_SILENT_MS,
  ) {}

  /** Notes that `workerId` was heard from at `nowUs`. */
  heard(workerId: number, nowUs: number): void {
    this.lastHeardUs.set(workerId, nowUs);
  }

  /** The workers of `workerIds` silent for longer than allowed at `nowUs`; one never heard from is not silent. */
  silent(workerIds: Iterable<number>, nowUs: number): SilentWorker[] {
    const found: SilentWorker[] = [];
    for (const workerId of workerIds) {
      const silentMs = (nowUs - (this.lastHeardUs.get(workerId) ?? nowUs)) / 1000;
      if (silentMs > this.silentAfterMs) found.push({ workerId, silentMs });
    }
    return found;
  }
}
