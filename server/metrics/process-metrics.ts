/**
 * Metrics of a server made of several processes (`sio-bench serve --workers N`): the primary gathers one
 * snapshot per process and serves their total as an ordinary ServerMetricsJson (so any reader of
 * `/metrics.json` keeps working) with the per-process snapshots listed beside it; Prometheus text gets one
 * sample per process under a `process` label. Pure: no clock, no I/O.
 */
import type { FaultMetricsJson, InjectedDelaysJson, NamespaceMetricsJson, ServerMetricsJson } from './metrics-json.js';
import { MAX_RECORDED_DELAYS } from '../faults/injected-delays.js';
import { renderLabelledSnapshots } from './prometheus-registry.js';

/** One process's snapshot, named: 'primary', 'worker-1', ... */
export interface ProcessMetricsJson extends ServerMetricsJson {
  process: string;
  pid: number;
}

/** `/metrics.json` of a multi-process server: the total, plus each process's own figures. */
export interface ClusterMetricsJson extends ServerMetricsJson {
  processes: ProcessMetricsJson[];
  /** Processes that did not answer in time; their figures are missing from the total. */
  unansweredProcesses: string[];
}

/**
 * The total of `processes` (the first one gives the clock: timestamp, uptime and event-loop window, so it should
 * be the longest-lived process, the primary). Counters, clients, CPU and memory are summed. Event-loop figures
 * are the largest of any process: the slowest loop is what clients of that process feel, and a sum of delays
 * means nothing. Rooms are the largest per-process count, per namespace: a room with members on two processes
 * exists on both, so a sum would count it twice (the figure is a lower bound when processes hold different rooms).
 * Fault figures are summed, and the injected delays' values are those of every process in turn (up to the bound).
 */
export function totalOfProcesses(processes: readonly ProcessMetricsJson[], unansweredProcesses: readonly string[] = []): ClusterMetricsJson {
  const clock = processes[0];
  if (clock === undefined) throw new RangeError('totalOfProcesses needs at least one process snapshot');
  const sum = (pick: (p: ProcessMetricsJson) => number): number => processes.reduce((total, p) => total + pick(p), 0);
  const max = (pick: (p: ProcessMetricsJson) => number): number => processes.reduce((largest, p) => Math.max(largest, pick(p)), 0);
  const namespaces = mergeNamespaces(processes.map((p) => p.namespaces));
  const faults = mergeFaults(processes.flatMap((p) => (p.faults === undefined ? [] : [p.faults])));
  return {
    schemaVersion: clock.schemaVersion,
    timestampMs: clock.timestampMs,
    uptimeSeconds: clock.uptimeSeconds,
    connectedClients: sum((p) => p.connectedClients),
    namespaces,
    eventsReceivedTotal: sum((p) => p.eventsReceivedTotal),
    eventsReceivedByEvent: sumRecords(processes.map((p) => p.eventsReceivedByEvent)),
    eventsEmittedTotal: sum((p) => p.eventsEmittedTotal),
    eventsEmittedByEvent: sumRecords(processes.map((p) => p.eventsEmittedByEvent)),
    packetsReceivedTotal: sum((p) => p.packetsReceivedTotal),
    packetsSentTotal: sum((p) => p.packetsSentTotal),
    bytesReceivedTotal: sum((p) => p.bytesReceivedTotal),
    bytesSentTotal: sum((p) => p.bytesSentTotal),
    refusedTotal: sum((p) => p.refusedTotal),
    refusedByKind: sumRecords(processes.map((p) => p.refusedByKind)),
    eventLoopDelayP50Us: max((p) => p.eventLoopDelayP50Us),
    eventLoopDelayP99Us: max((p) => p.eventLoopDelayP99Us),
    eventLoopDelayMaxUs: max((p) => p.eventLoopDelayMaxUs),
    eventLoopUtilizationRatio: max((p) => p.eventLoopUtilizationRatio),
    eventLoopWindowMs: clock.eventLoopWindowMs,
    cpuSecondsTotal: sum((p) => p.cpuSecondsTotal),
    cpuUserSecondsTotal: sum((p) => p.cpuUserSecondsTotal),
    cpuSystemSecondsTotal: sum((p) => p.cpuSystemSecondsTotal),
    rssBytes: sum((p) => p.rssBytes),
    heapUsedBytes: sum((p) => p.heapUsedBytes),
    heapTotalBytes: sum((p) => p.heapTotalBytes),
    ...(faults === undefined ? {} : { faults }),
    processes: [...processes],
    unansweredProcesses: [...unansweredProcesses],
  };
}

function mergeNamespaces(lists: readonly NamespaceMetricsJson[][]): NamespaceMetricsJson[] {
  const merged = new Map<string, NamespaceMetricsJson>();
  for (const list of lists) {
    for (const { namespace, connectedClients, rooms } of list) {
      const seen = merged.get(namespace);
      if (seen === undefined) merged.set(namespace, { namespace, connectedClients, rooms });
      else merged.set(namespace, { namespace, connectedClients: seen.connectedClients + connectedClients, rooms: Math.max(seen.rooms, rooms) });
    }
  }
  return [...merged.values()];
}

function mergeFaults(parts: readonly FaultMetricsJson[]): FaultMetricsJson | undefined {
  if (parts.length === 0) return undefined;
  const sum = (pick: (f: FaultMetricsJson) => number): number => parts.reduce((total, f) => total + pick(f), 0);
  const delays = (pick: (f: FaultMetricsJson) => InjectedDelaysJson): InjectedDelaysJson => ({
    count: sum((f) => pick(f).count),
    valuesUs: parts.flatMap((f) => pick(f).valuesUs).slice(0, MAX_RECORDED_DELAYS),
  });
  return {
    ackDelays: delays((f) => f.ackDelays),
    forwardDelays: delays((f) => f.forwardDelays),
    droppedForwards: sum((f) => f.droppedForwards),
    stalls: sum((f) => f.stalls),
    disconnects: {
      disconnectedClients: sum((f) => f.disconnects.disconnectedClients),
      undeliverableBroadcastsCertain: sum((f) => f.disconnects.undeliverableBroadcastsCertain),
      undeliverableBroadcastsAmbiguous: sum((f) => f.disconnects.undeliverableBroadcastsAmbiguous),
      undeliverableDirectsCertain: sum((f) => f.disconnects.undeliverableDirectsCertain),
      undeliverableDirectsAmbiguous: sum((f) => f.disconnects.undeliverableDirectsAmbiguous),
    },
    drops: {
      broadcastsCertain: sum((f) => f.drops.broadcastsCertain),
      broadcastsAmbiguous: sum((f) => f.drops.broadcastsAmbiguous),
      broadcastsNotExpected: sum((f) => f.drops.broadcastsNotExpected),
      directsCertain: sum((f) => f.drops.directsCertain),
      directsAmbiguous: sum((f) => f.drops.directsAmbiguous),
      directsNotExpected: sum((f) => f.drops.directsNotExpected),
      unsettledDeliveries: sum((f) => f.drops.unsettledDeliveries),
    },
  };
}

function sumRecords(records: readonly Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const record of records) {
    for (const [key, value] of Object.entries(record)) total[key] = (total[key] ?? 0) + value;
  }
  return total;
}

/**
 * Prometheus text for several processes: every family once, with each process's samples labelled
 * `process="<name>"`, no total sample (see renderLabelledSnapshots).
 */
export function renderProcessesPrometheusText(processes: readonly ProcessMetricsJson[]): Promise<string> {
  return renderLabelledSnapshots(processes.map((snapshot) => ({ labels: { process: snapshot.process }, snapshot })));
}
