/**
 * The live reporter for a terminal: an Ink app redrawn from each snapshot. It keeps only what it must to draw
 * (the last snapshot, the terminal width and whether the user asked to stop), never the run's own state.
 */
import { render, type Instance } from 'ink';
import type { RunResult } from '../../loadgen/run-result.js';
import { DashboardApp } from './DashboardApp.js';
import type { LiveReporter, LiveState } from '../../loadgen/live-state.js';
import { finishMessage } from './finish-message.js';

/** Streams of {@link createInkReporter}: the terminal the dashboard draws on and reads keys from. */
export interface InkReporterStreams {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
}

/** Columns used when the stream does not know its width (never below this either, for the layout's sake). */
const DEFAULT_COLUMNS = 80;

/** Rows assumed when the stream does not know its height. */
const DEFAULT_ROWS = 24;

/** A LiveReporter that draws the Ink dashboard on `stdout` and reads q / Ctrl-C from `stdin`. */
export function createInkReporter({ stdout, stdin }: InkReporterStreams): LiveReporter {
  const stopCallbacks: (() => void)[] = [];
  let stopRequested = false;
  let lastState: LiveState | undefined;
  let instance: Instance | undefined;

  const requestStop = (): void => {
    if (stopRequested) return;
    stopRequested = true;
    draw();
    for (const callback of stopCallbacks) callback();
  };
  const tree = (state: LiveState) => (
    <DashboardApp
      state={state}
      width={Math.max(1, stdout.columns ?? DEFAULT_COLUMNS)}
      height={Math.max(1, stdout.rows ?? DEFAULT_ROWS)}
      stopRequested={stopRequested}
      onStop={requestStop}
    />
  );
  function draw(): void {
    if (lastState === undefined) return;
    if (instance === undefined) {
      instance = render(tree(lastState), { stdout, stdin, exitOnCtrlC: false, patchConsole: false });
    } else {
      instance.rerender(tree(lastState));
    }
  }
  const onResize = (): void => draw();
  stdout.on('resize', onResize);

  return {
    update(state) {
      lastState = state;
      draw();
    },
    async finish(result) {
      stdout.off('resize', onResize);
      if (lastState !== undefined) {
        lastState = { ...lastState, status: result.status === 'interrupted' ? 'interrupted' : 'finished', message: finishMessage(result) };
        stopRequested = false;
        draw();
      }
      if (instance !== undefined) {
        instance.unmount();
        // A frame shorter than the terminal (dashboard-layout.ts) ends with a newline; a taller one would not, and
        // the summary printed next would run into its status line.
        await instance.waitUntilExit();
      }
    },
    onStopRequest(callback) {
      stopCallbacks.push(callback);
    },
  };
}
