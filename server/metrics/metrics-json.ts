/**
 * The reference server's metrics as JSON: what `GET /metrics.json` serves and what the live `stats` event
 * carries, so that a run can sample the server once a second. `GET /metrics` serves the same figures through
 * prom-client (see prometheus-registry.ts). Units are in the field names.
 */
import type { NamespaceName } from '../ids.js';
import type { DropCounts } from '../faults/drop-ledger.js';

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

/**
 * The delays that fault injection asked of its timers for one kind of reply, integer microseconds: the count of
 * all of them and the values themselves, in the order injected (the first 10 000 only; when `count` is larger,
 * the values are the run's first `valuesUs.length` delays).
 */
export interface InjectedDelaysJson {
  count: number;
  valuesUs: number[];
}

/**
 * What the disconnect fault did and what it made undeliverable, as the server knows it. A delivery is one
 * message to one disconnected client, for each room it was in at its disconnect time D (server monotonic µs,
 * the clock of `sentUs`): a bench broadcast to that room (not the client's own, unless includeSelf) or a direct
 * to it, handled after D. `...Certain`: its `sentUs` is at or before D and at least the ambiguity window after
 * the client joined the room, so the client was expecting it and can never get it. `...Ambiguous`: `sentUs`
 * within the window after D (the client may not yet have seen the disconnect) or after the join (it may not yet
 * have had the join's ack). The window is 50 ms (after a join, plus the longest injected ack delay). Later
 * sends, and sends before the join, do not count.
 */
export interface DisconnectFaultJson {
  /** Clients the fault disconnected (socket.disconnect(true): the client sees 'io server disconnect'). */
  disconnectedClients: number;
  undeliverableBroadcastsCertain: number;
  undeliverableBroadcastsAmbiguous: number;
  undeliverableDirectsCertain: number;
  undeliverableDirectsAmbiguous: number;
}

/**
 * What the drop fault cost the load generator, as the server knows it: deliveries, one per dropped message and
 * member of its room at the drop (a broadcast's sender left out unless includeSelf; a direct's target room),
 * classified by the message's `sentUs` against that member's membership of the room on the server: J, when its
 * join ack was sent (for its personal and sid rooms, its connect), and E, when the server handled its leave or
 * disconnect. The client's window is taken as [J + a, E − clientDrainMs − b] (its own leave or disconnect: sent
 * after its drain) or [J + a, E + b] (ended by the server), with transits a, b of 0 to 50 ms. `...Certain`: sent
 * at least 50 ms after J and at least 50 ms before the window's earliest close, so the client expected it and
 * counts it lost. `...Ambiguous`: within 50 ms of either bound. `...NotExpected`: before J, or after the latest
 * close (to a draining member, or before the join's ack). The three add up to the refusedByKind counts of
 * fault-dropped deliveries (this process's members). A delivery to a member whose membership is still open is
 * classified as if the window stays open; `unsettledDeliveries` counts those that may still change (dropped
 * less than clientDrainMs + 50 ms ago); every other class is final.
 */
export type DropFaultJson = DropCounts;

/** The bench app's fault injection: present in a snapshot only while some fault is on. */
export interface FaultMetricsJson {
  /** Delays of join/leave/echo acks. */
  ackDelays: InjectedDelaysJson;
  /** Delays of forwarded directs and broadcasts. */
  forwardDelays: InjectedDelaysJson;
  /** Forwarded directs/broadcasts dropped (messages; their lost deliveries are in refusedByKind). */
  droppedForwards: number;
  /** Event-loop stalls run. */
  stalls: number;
  disconnects: DisconnectFaultJson;
  /** All zero while the drop fault is off. */
  drops: DropFaultJson;
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
  /** What fault injection did; absent when no fault is on. */
  faults?: FaultMetricsJson;
}
