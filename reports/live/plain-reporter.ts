/**
 * The live reporter when stderr is not a terminal (CI logs, pipes) or with --no-tui: one plain progress line
 * every few seconds, no ANSI, no carriage returns.
 */
import type { RunResult } from '../../loadgen/run-result.js';
import { renderProgressLine } from '../progress-line.js';
import type { LiveReporter, LiveState } from '../../loadgen/live-state.js';
import { finishMessage } from './finish-message.js';

/** Where plain lines go: anything with a write method (process.stderr). */
export interface LineSink {
  write(text: string): unknown;
}

/** The phase running at the snapshot (the last started one if none is marked running). */
function runningPhase(state: LiveState): LiveState['phases'][number] | undefined {
  return state.phases.find((phase) => phase.status === 'running') ?? state.phases.filter((phase) => phase.status !== 'pending').at(-1);
}

/** The progress line of one snapshot, or undefined before the first merged second. */
export function plainLine(state: LiveState): string | undefined {
  if (state.latest === undefined) return undefined;
  const phase = runningPhase(state);
  const errorsTotal = Object.values(state.errors).reduce((sum, error) => sum + error.count, 0);
  return renderProgressLine(state.latest, {
    phase: phase?.name ?? state.latest.phase,
    phaseRemainingMs: phase === undefined ? 0 : phase.startMs + phase.durationMs - state.elapsedMs,
    elapsedMs: state.elapsedMs,
    totalMs: state.totalMs,
    connectionsTarget: state.connections.target,
    lost: state.delivery.lost,
    errorsTotal,
  });
}

/**
 * A LiveReporter writing one progress line to `sink` at most every `everyMs` of run time (default 5000), plus
 * one line when the run starts stopping and one when it ends. Stop requests come from signals, not keys, so
 * `onStopRequest` callbacks are kept but never called by this reporter.
 */
export function createPlainReporter(sink: LineSink, everyMs = 5000): LiveReporter {
  let lastPrintedAtMs: number | undefined;
  let announcedStopping = false;
  return {
    update(state) {
      if (state.status === 'stopping' && !announcedStopping) {
        announcedStopping = true;
        sink.write('stopping: finishing phases and writing the result\n');
      }
      // Run time going back is the next run of a --repeat series: its progress starts over.
      if (lastPrintedAtMs !== undefined && state.elapsedMs >= lastPrintedAtMs && state.elapsedMs - lastPrintedAtMs < everyMs) return;
      const line = plainLine(state);
      if (line === undefined) return;
      lastPrintedAtMs = state.elapsedMs;
      sink.write(`${line}\n`);
    },
    async finish(result: RunResult) {
      sink.write(`${finishMessage(result)}\n`);
    },
    onStopRequest() {
      // Without a terminal there are no keys to read: SIGINT handling of the run stops it instead.
    },
  };
}
