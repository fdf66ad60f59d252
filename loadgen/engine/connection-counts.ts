/**
 * The connection gauges of one worker's clients, kept as running counts (a worker holds thousands of clients,
 * so they are not recounted each interval): how many the plan wants connected, and how many are open,
 * connecting, or failed. Every change of a client's state or of its `wanted` goes through here.
 */
import type { ConnectionGauges } from '../run-result.js';
import { ClientState, type ClientStateValue, type SimClient } from './sim-client.js';

export class ConnectionCounts {
  private wantedCount = 0;
  private openCount = 0;
  private connectingCount = 0;
  private failedCount = 0;

  /** The plan wants `sim` connected from now on. */
  want(sim: SimClient): void {
    sim.wanted = true;
    this.wantedCount += 1;
  }

  /** The plan no longer wants `sim` connected (its planned disconnect); a no-op for the count if it was not. */
  unwant(sim: SimClient): void {
    if (sim.wanted) this.wantedCount -= 1;
    sim.wanted = false;
  }

  /** Moves `sim` to `state`, keeping the counts of open, connecting and failed clients. */
  setState(sim: SimClient, state: ClientStateValue): void {
    if (sim.state === ClientState.open) this.openCount -= 1;
    else if (sim.state === ClientState.connecting) this.connectingCount -= 1;
    else if (sim.state === ClientState.failed) this.failedCount -= 1;
    sim.state = state;
    if (state === ClientState.open) this.openCount += 1;
    else if (state === ClientState.connecting) this.connectingCount += 1;
    else if (state === ClientState.failed) this.failedCount += 1;
  }

  /** The gauges now, as an interval snapshot carries them. */
  gauges(): ConnectionGauges {
    return { target: this.wantedCount, open: this.openCount, connecting: this.connectingCount, failed: this.failedCount };
  }
}
