/**
 * What `runScenario` (coordinator.ts) is given: the loaded scenario, how to spread it over threads and load
 * processes, where its live view and notices go, and, for a slice of a sharded run, which slice and when it starts.
 */
import type { Clock } from '../measure/clock.js';
import type { LiveReporter } from '../live-state.js';
import type { LoadedScenario } from '../scenario/load-scenario.js';
import type { LedgerDelta, ShardSlice } from './messages.js';

export interface RunScenarioOptions {
  loaded: LoadedScenario;
  /** Worker threads in total. Default: the machine's available parallelism. */
  workers?: number;
  /** Most clients one load process may hold (file descriptors). Default 15,000 (websocket) or 7,000 (polling). */
  clientsPerProcess?: number;
  reporter: LiveReporter;
  /** Aborting ends the run early; the result is marked interrupted. */
  signal?: AbortSignal;
  /** One-line notices for the user (stderr). */
  notice?: (line: string) => void;
  /**
   * Each start-up step as it happens (server started, target probed, load processes started, workers ready),
   * before the first second is merged: start-up takes seconds, and the live view has nothing to draw until then.
   */
  onStartup?: (step: string) => void;
  clock?: Clock;
  /** Run only this slice of the population (`--shard`); the clock is then epoch µs (loadgen/shard/epoch-clock.ts). */
  shard?: ShardSlice;
  /** Sees every worker's delivery-ledger data as it arrives (a shard keeps it for `sio-bench merge`). */
  onLedger?: (delta: LedgerDelta) => void;
  /** Start the run at this wall-clock time, epoch ms (`--start-at`: slices of one run start together). Default: when ready. */
  startAtEpochMs?: number;
  /** The built-in server's `sio-bench` launcher: another checkout's bin/sio-bench.js (`compare --run`). Default: this one. */
  serverLauncherPath?: string;
}
