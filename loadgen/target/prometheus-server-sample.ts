/**
 * Turns two consecutive scrapes of Prometheus endpoints into ServerSamples: CPU percent from the delta of
 * `process_cpu_seconds_total` over the time between the scrapes' arrivals, event rates from their counters'
 * deltas, gauges as last read; several server processes summed into one 'total' the way the cluster's workers are
 * (loadgen/target/process-samples.ts); a node_exporter scrape gives the host's CPU. Pure.
 */
import type { ServerSample } from '../run-result.js';
import type { HostCpuReading, PrometheusReading } from './prometheus-reading.js';

type ProcessReading = Extract<PrometheusReading, { kind: 'process' }>;

/**
 * The sample of one process for the interval from `previous` to `current`, or undefined when the two do not
 * span time forward or a counter went back (the process restarted): `current` is then the new baseline.
 * Figures the endpoint does not serve are 0 (the sampler names them in the result's warnings).
 */
export function computePrometheusSample(previous: ProcessReading, current: ProcessReading, stamp: { tSec: number; process: string }): ServerSample | undefined {
  const elapsedSeconds = (current.atMs - previous.atMs) / 1000;
  const before = previous.figures;
  const now = current.figures;
  const delta = (figure: 'cpu' | 'eventsReceived' | 'eventsEmitted'): number => (now[figure] ?? 0) - (before[figure] ?? 0);
  if (elapsedSeconds <= 0 || delta('cpu') < 0 || delta('eventsReceived') < 0 || delta('eventsEmitted') < 0) return undefined;
  return {
    tSec: stamp.tSec,
    process: stamp.process,
    cpuPercent: (delta('cpu') / elapsedSeconds) * 100,
    rssBytes: now.rss ?? 0,
    heapUsedBytes: now.heapUsed ?? 0,
    eventLoopDelayP50Us: now.eventLoopDelayP50 ?? 0,
    eventLoopDelayP99Us: now.eventLoopDelayP99 ?? 0,
    eventLoopDelayMaxUs: now.eventLoopDelayMax ?? 0,
    eventLoopUtilization: now.eventLoopUtilization ?? 0,
    connectedClients: now.connectedClients ?? 0,
    rooms: now.rooms ?? 0,
    eventsReceivedPerSec: delta('eventsReceived') / elapsedSeconds,
    eventsEmittedPerSec: delta('eventsEmitted') / elapsedSeconds,
  };
}

/**
 * The 'total' of several processes' samples of one interval: CPU, memory, clients and rates summed; event-loop
 * figures and rooms (shared between processes through the adapter) the largest. Throws on an empty list.
 */
export function totalOfSamples(samples: readonly ServerSample[], tSec: number): ServerSample {
  if (samples.length === 0) throw new RangeError('totalOfSamples needs at least one sample');
  const sum = (pick: (s: ServerSample) => number): number => samples.reduce((total, s) => total + pick(s), 0);
  const max = (pick: (s: ServerSample) => number): number => samples.reduce((largest, s) => Math.max(largest, pick(s)), 0);
  return {
    tSec,
    process: 'total',
    cpuPercent: sum((s) => s.cpuPercent),
    rssBytes: sum((s) => s.rssBytes),
    heapUsedBytes: sum((s) => s.heapUsedBytes),
    eventLoopDelayP50Us: max((s) => s.eventLoopDelayP50Us),
    eventLoopDelayP99Us: max((s) => s.eventLoopDelayP99Us),
    eventLoopDelayMaxUs: max((s) => s.eventLoopDelayMaxUs),
    eventLoopUtilization: max((s) => s.eventLoopUtilization),
    connectedClients: sum((s) => s.connectedClients),
    rooms: max((s) => s.rooms),
    eventsReceivedPerSec: sum((s) => s.eventsReceivedPerSec),
    eventsEmittedPerSec: sum((s) => s.eventsEmittedPerSec),
  };
}

/**
 * The host's CPU between two node_exporter scrapes, percent of one core as cpuPercent is (the busy share of
 * every core's time, times the cores: 200 is two cores busy). Undefined when no CPU time passed or the counters
 * went back (the host rebooted).
 */
export function hostCpuPercent(previous: HostCpuReading, current: HostCpuReading): number | undefined {
  const allSeconds = current.allSecondsTotal - previous.allSecondsTotal;
  const idleSeconds = current.idleSecondsTotal - previous.idleSecondsTotal;
  if (allSeconds <= 0 || idleSeconds < 0) return undefined;
  return ((allSeconds - idleSeconds) / allSeconds) * current.cores * 100;
}
