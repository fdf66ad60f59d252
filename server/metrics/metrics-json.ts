/**
 * The reference server's metrics as JSON: what `GET /metrics.json` serves and what the live `stats` event
 * carries, so that a run can sample the server once a second. `GET /metrics` renders the same figures as
 * Prometheus text (see prometheus-text.ts). Units are in the field names.
 */
import type { NamespaceName } from '../ids.js';

/** Bumped when a field changes meaning or is removed (adding a field does not bump it). */
export const serverMetricsSchemaVersion = 1;

/** Clients and rooms of one namespace at the time of the snapshot. */
export interface NamespaceMetricsJson {
  namespace: NamespaceName;
  /** Clients connected to the namespace (this process). */
  connectedClients: number;
  /** Rooms in the namespace, not counting the personal room that every client has under its own sid. */
  rooms: number;
}

/** One snapshot of the server's metrics. Counters (`...Total`) count from the server's start. */
export interface ServerMetricsJson {
  schemaVersion: typeof serverMetricsSchemaVersion;
  /** Wall-clock time of the snapshot, epoch milliseconds. */
  timestampMs: number;
  /** Seconds since the server started. */
  uptimeSeconds: number;
  /** Sum of `namespaces[].connectedClients`. */
  connectedClients: number;
  namespaces: NamespaceMetricsJson[];
  /** Events received from clients, by event name (names beyond the first 1000 distinct ones count as '(other)'). */
  eventsReceivedTotal: number;
  eventsReceivedByEvent: Record<string, number>;
  /** Emit operations by the server (one per `emit` call, whatever the number of recipients), by event name. */
  eventsEmittedTotal: number;
  eventsEmittedByEvent: Record<string, number>;
  /** Engine.IO packets received and sent (every recipient of a broadcast counts; pings and pongs count too). */
  packetsReceivedTotal: number;
  packetsSentTotal: number;
  /**
   * Bytes of the Engine.IO packets received and sent: the encoded Socket.IO packets plus the one-byte packet
   * type, before compression and without HTTP headers, websocket frame headers or polling's separators.
   */
  bytesReceivedTotal: number;
  bytesSentTotal: number;
  /** Inputs refused or dropped, by kind (see RefusalKind). */
  refusedTotal: number;
  refusedByKind: Record<string, number>;
  /** Event-loop delay over the last completed window of `eventLoopWindowMs`, microseconds. */
  eventLoopDelayP50Us: number;
  eventLoopDelayP99Us: number;
  eventLoopDelayMaxUs: number;
  /** Share of the last window in which the event loop was busy, 0..1. */
  eventLoopUtilizationRatio: number;
  /** Length of the window the event-loop figures cover, milliseconds. */
  eventLoopWindowMs: number;
  /** CPU time of the whole process since it started, seconds (user + system, and each). */
  cpuSecondsTotal: number;
  cpuUserSecondsTotal: number;
  cpuSystemSecondsTotal: number;
  /** Resident set size and V8 heap, bytes. */
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
}
