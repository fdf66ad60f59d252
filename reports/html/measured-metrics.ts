/**
 * Which latency metrics a run measured, in the reports' order, and the one the server charts and tables put
 * beside the server's figures.
 */
import { type LatencyMetric, orderMetrics } from '../../loadgen/metric-names.js';
import type { RunResult } from '../../loadgen/run-result.js';

/** Metrics with samples in the run's totals, in orderMetrics order. */
export function measuredMetrics(result: RunResult): LatencyMetric[] {
  return orderMetrics(Object.keys(result.totals.latency)).filter((metric) => (result.totals.latency[metric]?.corrected.count ?? 0) > 0);
}

/** The metric the server charts set beside the server's figures: the one users care most about. */
export function headlineMetric(result: RunResult): LatencyMetric | undefined {
  const measured = measuredMetrics(result);
  const preferred: LatencyMetric[] = ['broadcast', 'direct', 'echo', 'customReply', 'customAck', 'push', 'join', 'connect', 'http'];
  return preferred.find((metric) => measured.includes(metric)) ?? measured[0];
}
