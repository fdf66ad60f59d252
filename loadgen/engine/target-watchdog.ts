/**
 * Notices that a URL target is gone: no client has been connected for `goneAfterSec` seconds although some were
 * before and the plan wants them. With a reconnect policy the user has said how long to keep trying, so it waits
 * until every wanted client has given up. Pure: fed one series point per second.
 */
import type { RunTotals } from '../measure/run-accumulator.js';
import type { SeriesPoint } from '../run-result.js';

/**
 * A URL target with no client connected for this many seconds (after some had been) is taken as gone, s; with a
 * scenario `reconnect` policy, only once every client has also given up reconnecting.
 */
export const TARGET_GONE_SEC = 5;

export class TargetWatchdog {
  private everOpen = false;
  private noneOpenSinceSec: number | undefined;

  constructor(
    /** How long no client may be connected before the target is gone, s (a run uses TARGET_GONE_SEC). */
    private readonly goneAfterSec: number,
    private readonly reconnects: boolean,
  ) {}

  /** Takes the second's point; returns the second since which no client is connected once the target is gone. */
  observe(point: SeriesPoint): number | undefined {
    const { open, target } = point.connections;
    // Connects that succeeded within the second count too: a target can die before any interval end saw them open.
    if (point.counters.connectSuccesses > 0) this.everOpen = true;
    if (open > 0) {
      this.everOpen = true;
      this.noneOpenSinceSec = undefined;
      return undefined;
    }
    if (!this.everOpen || target === 0) return undefined;
    this.noneOpenSinceSec ??= point.tSec - 1;
    if (point.tSec - this.noneOpenSinceSec < this.goneAfterSec) return undefined;
    if (this.reconnects && point.connections.failed < target) return undefined;
    return this.noneOpenSinceSec;
  }

  /**
   * The run's failure message once the target at `url` is gone since `sinceSec` (observe's answer), with the
   * disconnect reasons and connect errors of `totals` that tell why.
   */
  goneMessage(url: string, sinceSec: number, totals: Pick<RunTotals, 'disconnectReasons' | 'errors'>): string {
    const reasons = Object.entries(totals.disconnectReasons).map(([reason, count]) => `${reason} ×${count}`).join(', ') || 'none';
    const connectErrors = Object.entries(totals.errors).filter(([kind]) => kind.startsWith('connect_')).map(([kind, error]) => `${kind} ×${error.count} (${error.lastMessage})`).join(', ') || 'none';
    return `the target ${url} is gone: no client connected for ${this.goneAfterSec} s (since second ${sinceSec}); disconnects: ${reasons}; connect errors since: ${connectErrors}`;
  }
}
