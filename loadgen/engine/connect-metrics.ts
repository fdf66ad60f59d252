/**
 * What a connect attempt of a worker's client counts: a success with its latency (a planned connect from its
 * intended time, beside the uncorrected latency from the attempt's start; a reconnect from when it was started,
 * or from the loss it recovers from), or a failure, as an error of its kind (`connect_<kind>`).
 */
import type { ClientConnectError } from '../client/virtual-client.js';
import type { WorkerMetrics } from '../measure/worker-metrics.js';

/** The part of the worker's metrics a connect attempt writes to. */
export type ConnectMetrics = Pick<WorkerMetrics, 'count' | 'latency' | 'error'>;

/**
 * Counts a connect that completed at `nowUs`: a planned one attempted at `startUs` for `intendedUs`, or, with
 * `reconnectStartUs`, a reconnect counted from then (all monotonic µs).
 */
export function countConnected(metrics: ConnectMetrics, nowUs: number, intendedUs: number, startUs: number, reconnectStartUs?: number): void {
  metrics.count('connectSuccesses');
  if (reconnectStartUs !== undefined) {
    metrics.count('reconnects');
    metrics.latency('reconnect').record(nowUs - reconnectStartUs, nowUs - reconnectStartUs);
  } else {
    metrics.latency('connect').record(nowUs - intendedUs, nowUs - startUs);
  }
}

/** Counts a failed connect attempt, its error under the failure's kind (a ClientConnectError's; else `transport`). */
export function countConnectFailure(metrics: ConnectMetrics, error: unknown): void {
  metrics.count('connectFailures');
  const kind = (error as Partial<ClientConnectError>).kind ?? 'transport';
  metrics.error(`connect_${kind}`, error instanceof Error ? error.message : String(error));
}
