/**
 * The live reporter of one run in a series (`run --repeat`, `compare --run`): it shows the parent's view with the
 * run's label as the message, leaves finishing to the caller (who finishes the parent once, with the merged
 * result), and lets the series pass its stop request on to the run in progress.
 */
import type { LiveReporter } from '../live-state.js';

/** A run's reporter and the function that asks that run to stop. */
export interface SeriesRunReporter {
  reporter: LiveReporter;
  stop(): void;
}

/** The reporter of the run labelled `label` (e.g. `repetition 2/3`) under `parent`. */
export function seriesRunReporter(parent: LiveReporter, label: string): SeriesRunReporter {
  const callbacks: Array<() => void> = [];
  return {
    reporter: {
      update: (state) => parent.update({ ...state, message: state.message ?? label }),
      finish: async () => undefined,
      onStopRequest: (callback) => {
        callbacks.push(callback);
      },
    },
    stop: () => {
      for (const callback of callbacks) callback();
    },
  };
}
