/**
 * The control messages between `sio-bench serve --workers N`'s primary and its workers, over node:cluster's IPC
 * channel. The channel also carries @socket.io/sticky's and @socket.io/cluster-adapter's own messages, so every
 * message of ours has a `type` starting with `sio-bench:` and anything else is left to those libraries.
 */
import type { ServerMetricsJson } from '../metrics/metrics-json.js';

/** Worker to primary. */
export type WorkerToPrimaryMessage =
  /** The worker's server is set up and takes connections. */
  | { type: 'sio-bench:worker-ready'; workerIndex: number; pid: number }
  /** The answer to a metrics request. */
  | { type: 'sio-bench:metrics'; requestId: number; snapshot: ServerMetricsJson };

/** Primary to worker. */
export type PrimaryToWorkerMessage =
  /** Send a metrics snapshot, quoting `requestId`. */
  | { type: 'sio-bench:metrics-request'; requestId: number }
  /** Disconnect every client, close and exit 0. */
  | { type: 'sio-bench:shutdown' };

/** The environment variable that tells a forked worker its index (1-based), which names it in metrics. */
export const WORKER_INDEX_ENV = 'SIO_BENCH_WORKER_INDEX';

/** The name of worker `index` in metrics and messages: 'worker-1', 'worker-2', ... */
export function workerName(index: number): string {
  return `worker-${index}`;
}

/** The name of the primary process in metrics. */
export const PRIMARY_NAME = 'primary';

const workerToPrimaryTypes = new Set<string>(['sio-bench:worker-ready', 'sio-bench:metrics']);
const primaryToWorkerTypes = new Set<string>(['sio-bench:metrics-request', 'sio-bench:shutdown']);

/** Is `message` (anything that came over IPC) one of ours from a worker? Others belong to sticky or the adapter. */
export function isWorkerToPrimaryMessage(message: unknown): message is WorkerToPrimaryMessage {
  return hasType(message) && workerToPrimaryTypes.has(message.type);
}

/** Is `message` one of ours from the primary? */
export function isPrimaryToWorkerMessage(message: unknown): message is PrimaryToWorkerMessage {
  return hasType(message) && primaryToWorkerTypes.has(message.type);
}

function hasType(message: unknown): message is { type: string } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}
