/**
 * The reference server's `GET /metrics` through prom-client, under the names users already chart: prom-client's
 * default metrics (process_cpu_seconds_total, process_resident_memory_bytes, nodejs_heap_size_used_bytes,
 * nodejs_eventloop_lag_p99_seconds, ...) and Socket.IO metrics named as Socket.IO exporters name them
 * (socket_io_connected, socket_io_events_received_total, ...). The Socket.IO figures come from a metrics snapshot
 * (the same one `/metrics.json` serves), copied into the registry just before it is rendered.
 */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { ServerMetricsJson } from './metrics-json.js';
import { microsecondsToSeconds } from './units.js';

/** The Content-Type of the text format (version 0.0.4). */
export const prometheusContentType: string = Registry.PROMETHEUS_CONTENT_TYPE;

/** A snapshot and the labels its samples get (`{process: 'worker-1'}` for one process of a cluster; none alone). */
export interface LabelledSnapshot {
  labels: Record<string, string>;
  snapshot: ServerMetricsJson;
}

type Fill = (snapshots: readonly LabelledSnapshot[]) => void;

/**
 * A registry for one server process: prom-client's default metrics (read from this process when rendered) plus
 * the Socket.IO metrics of `snapshot()`. Each call makes its own registry, so several servers in one process
 * (tests) do not share figures.
 */
export function createServerRegistry(): { registry: Registry; render: (snapshot: ServerMetricsJson) => Promise<string> } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const fill = socketIoMetrics(registry, [], { eventLoopUtilization: true, processFigures: false });
  return {
    registry,
    render: (snapshot) => {
      fill([{ labels: {}, snapshot }]);
      return registry.metrics();
    },
  };
}

/**
 * The text of several processes' snapshots (a cluster's primary renders its workers' figures): every family once,
 * each process's samples labelled `process="<name>"`, no total sample (Prometheus sums over the label itself, and a
 * total beside the parts would be counted twice by such a sum). The process figures here are the standard names
 * read from each snapshot, a subset of prom-client's defaults: CPU, RSS, heap, event-loop delay.
 */
export function renderLabelledSnapshots(snapshots: readonly LabelledSnapshot[]): Promise<string> {
  const registry = new Registry();
  const labelNames = [...new Set(snapshots.flatMap((s) => Object.keys(s.labels)))];
  socketIoMetrics(registry, labelNames, { eventLoopUtilization: true, processFigures: true })(snapshots);
  return registry.metrics();
}

/** Registers the snapshot's metrics on `registry`; the returned function sets them from snapshots (replacing all). */
function socketIoMetrics(registry: Registry, extraLabels: readonly string[], include: { eventLoopUtilization: boolean; processFigures: boolean }): Fill {
  const registers = [registry];
  const labels = (...names: string[]): string[] => [...names, ...extraLabels];
  const fills: Fill[] = [];
  const gauge = (name: string, help: string, labelNames: string[], samples: (s: ServerMetricsJson) => Array<[Record<string, string>, number]>): void => {
    const metric = new Gauge({ name, help, labelNames, registers });
    fills.push((snapshots) => {
      metric.reset();
      for (const { labels: extra, snapshot } of snapshots) for (const [own, value] of samples(snapshot)) metric.set({ ...own, ...extra }, value);
    });
  };
  const counter = (name: string, help: string, labelNames: string[], samples: (s: ServerMetricsJson) => Array<[Record<string, string>, number]>): void => {
    const metric = new Counter({ name, help, labelNames, registers });
    // The snapshot holds totals; a counter is set to one by starting it again at zero (it is rendered right after).
    fills.push((snapshots) => {
      metric.reset();
      for (const { labels: extra, snapshot } of snapshots) for (const [own, value] of samples(snapshot)) metric.inc({ ...own, ...extra }, value);
    });
  };
  const one = (value: number): Array<[Record<string, string>, number]> => [[{}, value]];
  const by = (label: string, record: Record<string, number>): Array<[Record<string, string>, number]> => Object.entries(record).map(([key, value]) => [{ [label]: key }, value]);

  gauge('socket_io_connected', 'Socket.IO clients connected, by namespace.', labels('namespace'), (s) => s.namespaces.map((n) => [{ namespace: n.namespace }, n.connectedClients]));
  gauge('socket_io_rooms', "Rooms, by namespace, not counting each client's personal room.", labels('namespace'), (s) => s.namespaces.map((n) => [{ namespace: n.namespace }, n.rooms]));
  counter('socket_io_events_received_total', 'Events received from clients, by event name.', labels('event'), (s) => by('event', s.eventsReceivedByEvent));
  counter('socket_io_events_sent_total', 'Emit operations by the server (one per emit, whatever the number of recipients), by event name.', labels('event'), (s) => by('event', s.eventsEmittedByEvent));
  counter('engine_io_packets_received_total', 'Engine.IO packets received.', labels(), (s) => one(s.packetsReceivedTotal));
  counter('engine_io_packets_sent_total', 'Engine.IO packets sent.', labels(), (s) => one(s.packetsSentTotal));
  counter('engine_io_received_bytes_total', 'Bytes of Engine.IO packets received, before decompression, without transport framing.', labels(), (s) => one(s.bytesReceivedTotal));
  counter('engine_io_sent_bytes_total', 'Bytes of Engine.IO packets sent, before compression, without transport framing.', labels(), (s) => one(s.bytesSentTotal));
  counter('sio_bench_refused_total', 'Inputs refused or dropped by the reference server, by kind.', labels('kind'), (s) => by('kind', s.refusedByKind));
  if (include.eventLoopUtilization) {
    gauge('nodejs_eventloop_utilization', 'Share of the last second in which the event loop was busy (0 to 1).', labels(), (s) => one(s.eventLoopUtilizationRatio));
  }
  if (include.processFigures) {
    counter('process_cpu_seconds_total', 'Total user and system CPU time spent in seconds.', labels(), (s) => one(s.cpuSecondsTotal));
    counter('process_cpu_user_seconds_total', 'Total user CPU time spent in seconds.', labels(), (s) => one(s.cpuUserSecondsTotal));
    counter('process_cpu_system_seconds_total', 'Total system CPU time spent in seconds.', labels(), (s) => one(s.cpuSystemSecondsTotal));
    gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', labels(), (s) => one(s.rssBytes));
    gauge('nodejs_heap_size_used_bytes', 'Process heap size used from Node.js in bytes.', labels(), (s) => one(s.heapUsedBytes));
    gauge('nodejs_heap_size_total_bytes', 'Process heap size from Node.js in bytes.', labels(), (s) => one(s.heapTotalBytes));
    gauge('nodejs_eventloop_lag_p50_seconds', 'The 50th percentile of the recorded event loop delays.', labels(), (s) => one(microsecondsToSeconds(s.eventLoopDelayP50Us)));
    gauge('nodejs_eventloop_lag_p99_seconds', 'The 99th percentile of the recorded event loop delays.', labels(), (s) => one(microsecondsToSeconds(s.eventLoopDelayP99Us)));
    gauge('nodejs_eventloop_lag_max_seconds', 'The maximum recorded event loop delay.', labels(), (s) => one(microsecondsToSeconds(s.eventLoopDelayMaxUs)));
  }
  return (snapshots) => {
    for (const fill of fills) fill(snapshots);
  };
}
