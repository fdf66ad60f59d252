/**
 * The registry that the reference server updates as it works: plain counters bumped in place (no allocation per
 * message), and gauges (clients, rooms, event loop, CPU, memory) read only when a snapshot is taken.
 */
import { EventLoopSampler } from './event-loop-sampler.js';
import { LabeledCounter } from './labeled-counter.js';
import { serverMetricsSchemaVersion, type FaultMetricsJson, type NamespaceMetricsJson, type ServerMetricsJson } from './metrics-json.js';
import { createServerRegistry } from './prometheus-registry.js';
import { microsecondsToSeconds, millisecondsToSeconds } from './units.js';

/**
 * Why an input was refused or dropped. The server counts the built-in kinds itself; apps add their own
 * (e.g. 'bench-malformed-join') through `countRefused`.
 */
export type BuiltinRefusalKind =
  /** A Socket.IO packet that the parser could not decode (the client is disconnected). */
  | 'parse-error'
  /** An Engine.IO packet that could not be decoded (the client is disconnected). */
  | 'engine-parse-error'
  /** A message larger than maxHttpBufferSizeBytes (HTTP 413 on polling, close 1009 on websocket). */
  | 'oversize'
  /** A CONNECT to a namespace that has no handlers ('Invalid namespace'). */
  | 'unknown-namespace'
  /** A connect handler returned false or threw. */
  | 'connect-refused'
  /** An event handler threw or its promise rejected. */
  | 'handler-error'
  /** Engine.IO refused a request (engine `connection_error`), by its error code. */
  | 'engine-unknown-transport'
  | 'engine-unknown-session'
  | 'engine-bad-handshake-method'
  | 'engine-bad-request'
  | 'engine-forbidden'
  | 'engine-unsupported-protocol-version';
// `string & {}` keeps editor completion for the built-in kinds while accepting any app-defined kind.
export type RefusalKind = BuiltinRefusalKind | (string & {});

/** What the registry reads from the server when a snapshot is taken. */
export interface ServerMetricsSources {
  namespaces: () => NamespaceMetricsJson[];
  /** Wall clock, epoch ms. Default Date.now. */
  nowMs?: () => number;
  /** Event-loop window, ms. Default 1000. */
  eventLoopWindowMs?: number;
}

/** What the server's handle exposes of its metrics (ReferenceServer.metrics). */
export interface ServerMetricsView {
  /**
   * Counts `by` (default 1) refused or dropped inputs of `kind` (apps: name the app and event, e.g.
   * 'bench-malformed-join'; fault injection counts the deliveries it dropped).
   */
  countRefused(kind: RefusalKind, by?: number): void;
  /** Where the snapshot's `faults` section comes from (the bench app's fault injection); it is absent while `source` returns undefined. */
  reportFaultsFrom(source: () => FaultMetricsJson | undefined): void;
  /** Every figure now, as served by `GET /metrics.json`. */
  snapshot(): ServerMetricsJson;
  /** prom-client's default metrics and the snapshot's Socket.IO metrics in Prometheus text, as served by `GET /metrics`. */
  prometheusText(): Promise<string>;
}

export class ServerMetrics implements ServerMetricsView {
  private readonly eventsReceived = new LabeledCounter();
  private readonly eventsEmitted = new LabeledCounter();
  private readonly refused = new LabeledCounter();
  private packetsReceived = 0;
  private packetsSent = 0;
  private bytesReceived = 0;
  private bytesSent = 0;
  private readonly eventLoop: EventLoopSampler;
  private readonly nowMs: () => number;
  private readonly startedAtMs: number;
  private faults: () => FaultMetricsJson | undefined = () => undefined;
  private readonly prometheus = createServerRegistry();

  constructor(private readonly sources: ServerMetricsSources) {
    this.nowMs = sources.nowMs ?? Date.now;
    this.startedAtMs = this.nowMs();
    this.eventLoop = new EventLoopSampler(sources.eventLoopWindowMs ?? 1_000);
  }

  /** Starts the event-loop sampler (its timer does not keep the process alive). */
  start(): void {
    this.eventLoop.start();
  }

  stop(): void {
    this.eventLoop.stop();
  }

  countEventReceived(event: string): void {
    this.eventsReceived.increment(event);
  }

  countEventEmitted(event: string): void {
    this.eventsEmitted.increment(event);
  }

  countPacketReceived(sizeBytes: number): void {
    this.packetsReceived += 1;
    this.bytesReceived += sizeBytes;
  }

  countPacketSent(sizeBytes: number): void {
    this.packetsSent += 1;
    this.bytesSent += sizeBytes;
  }

  /** Counts `by` refused or dropped inputs of `kind`. */
  countRefused(kind: RefusalKind, by = 1): void {
    this.refused.increment(kind, by);
  }

  reportFaultsFrom(source: () => FaultMetricsJson | undefined): void {
    this.faults = source;
  }

  /** Every figure now, as served by `GET /metrics.json`. */
  snapshot(): ServerMetricsJson {
    const nowMs = this.nowMs();
    const namespaces = this.sources.namespaces();
    const loop = this.eventLoop.latest();
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    const faults = this.faults();
    return {
      schemaVersion: serverMetricsSchemaVersion,
      timestampMs: nowMs,
      uptimeSeconds: millisecondsToSeconds(nowMs - this.startedAtMs),
      connectedClients: namespaces.reduce((sum, n) => sum + n.connectedClients, 0),
      namespaces,
      eventsReceivedTotal: this.eventsReceived.total,
      eventsReceivedByEvent: this.eventsReceived.toRecord(),
      eventsEmittedTotal: this.eventsEmitted.total,
      eventsEmittedByEvent: this.eventsEmitted.toRecord(),
      packetsReceivedTotal: this.packetsReceived,
      packetsSentTotal: this.packetsSent,
      bytesReceivedTotal: this.bytesReceived,
      bytesSentTotal: this.bytesSent,
      refusedTotal: this.refused.total,
      refusedByKind: this.refused.toRecord(),
      eventLoopDelayP50Us: loop.delayP50Us,
      eventLoopDelayP99Us: loop.delayP99Us,
      eventLoopDelayMaxUs: loop.delayMaxUs,
      eventLoopUtilizationRatio: loop.utilizationRatio,
      eventLoopWindowMs: loop.windowMs,
      // process.cpuUsage() is in microseconds; the total is the sum of the parts as they are reported.
      cpuSecondsTotal: microsecondsToSeconds(cpu.user) + microsecondsToSeconds(cpu.system),
      cpuUserSecondsTotal: microsecondsToSeconds(cpu.user),
      cpuSystemSecondsTotal: microsecondsToSeconds(cpu.system),
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      heapTotalBytes: memory.heapTotal,
      ...(faults === undefined ? {} : { faults }),
    };
  }

  /** prom-client's default metrics and the snapshot's Socket.IO metrics in Prometheus text, as served by `GET /metrics`. */
  prometheusText(): Promise<string> {
    return this.prometheus.render(this.snapshot());
  }
}
