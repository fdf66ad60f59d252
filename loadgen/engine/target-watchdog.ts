/**
 * Notices that a URL target is gone: no client has been connected for `goneAfterSec` seconds although some were
 * before and the plan wants them. With a reconnect policy the user has said how long to keep trying, so it waits
 * until every wanted client has given up. Pure: fed one series point per second.
 */
import type { SeriesPoint } from '../run-result.js';

export class TargetWatchdog {
  private everOpen = false;
  private noneOpenSinceSec: number | undefined;

  constructor(
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
}
