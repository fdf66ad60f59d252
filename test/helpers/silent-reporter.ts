/** A LiveReporter for tests: keeps every state it is given, draws nothing. */
import type { RunResult } from '../../loadgen/run-result.js';
import type { LiveReporter, LiveState } from '../../loadgen/live-state.js';

export interface RecordingReporter extends LiveReporter {
  readonly states: LiveState[];
  /** Calls the stop callback, as `q` in the dashboard would. */
  requestStop(): void;
}

export function recordingReporter(): RecordingReporter {
  const states: LiveState[] = [];
  const stopCallbacks: Array<() => void> = [];
  return {
    states,
    update: (state) => {
      states.push(state);
    },
    finish: async (_result: RunResult) => undefined,
    onStopRequest: (callback) => {
      stopCallbacks.push(callback);
    },
    requestStop: () => {
      for (const callback of stopCallbacks) callback();
    },
  };
}
