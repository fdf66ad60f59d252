/**
 * The registry that the reference server updates as it works: plain counters bumped in place (no allocation per
 * message), and gauges (clients, rooms, event loop, CPU, memory) read only when a snapshot is taken.
 */
import { EventLoopSampler } from './event-loop-sampler.js';
import { LabeledCounter } from './labeled-counter.js';
import { serverMetricsSchemaVersion } from './metrics-json.js';
import { renderPrometheusText } from './prometheus-text.js';
import { microsecondsToSeconds, millisecondsToSeconds } from './units.js';
export class ServerMetrics {
    sources;
    eventsReceived = new LabeledCounter();
    eventsEmitted = new LabeledCounter();
    refused = new LabeledCounter();
    packetsReceived = 0;
    packetsSent = 0;
    bytesReceived = 0;
    bytesSent = 0;
    eventLoop;
    nowMs;
    startedAtMs;
    faults = () => undefined;
    constructor(sources) {
        this.sources = sources;
        this.nowMs = sources.nowMs ?? Date.now;
        this.startedAtMs = this.nowMs();
        this.eventLoop = new EventLoopSampler(sources.eventLoopWindowMs ?? 1_000);
    }
    /** Starts the event-loop sampler (its timer does not keep the process alive). */
    start() {
        this.eventLoop.start();
    }
    stop() {
        this.eventLoop.stop();
    }
    countEventReceived(event) {
        this.eventsReceived.increment(event);
    }
    countEventEmitted(event) {
        this.eventsEmitted.increment(event);
    }
    countPacketReceived(sizeBytes) {
        this.packetsReceived += 1;
        this.bytesReceived += sizeBytes;
    }
    countPacketSent(sizeBytes) {
        this.packetsSent += 1;
        this.bytesSent += sizeBytes;
    }
    /** Counts `by` refused or dropped inputs of `kind`. */
    countRefused(kind, by = 1) {
        this.refused.increment(kind, by);
    }
    reportFaultsFrom(source) {
        this.faults = source;
    }
    /** Every figure now, as served by `GET /metrics.json`. */
    snapshot() {
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
    /** The snapshot in Prometheus text format, as served by `GET /metrics`. */
    prometheusText() {
        return renderPrometheusText(this.snapshot());
    }
}
//# sourceMappingURL=server-metrics.js.map