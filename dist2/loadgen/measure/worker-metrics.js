import { LatencyRecorder } from './latency-recorder.js';
import { LATENCY_CLAMPED_ERROR, LATENCY_INVALID_ERROR, zeroCounters, zeroDelivery, } from './tallies.js';
/** Per-worker measurement state; one instance per worker thread, drained by `takeSnapshot` each interval. */
export class WorkerMetrics {
    recorders = new Map();
    counters = zeroCounters();
    delivery = new Map();
    errors = {};
    disconnectReasons = {};
    /** The recorder of `metric`, created on first use and kept for the worker's life. */
    latency(metric) {
        let recorder = this.recorders.get(metric);
        if (recorder === undefined) {
            recorder = new LatencyRecorder();
            this.recorders.set(metric, recorder);
        }
        return recorder;
    }
    /** Adds `n` (default 1) to a client counter. */
    count(name, n = 1) {
        this.counters[name] += n;
    }
    /** Counts one received message of a delivering metric by its outcome. */
    delivered(metric, outcome) {
        const tally = this.tally(metric);
        switch (outcome) {
            case 'new':
                tally.received++;
                break;
            case 'outOfOrder':
                tally.received++;
                tally.outOfOrder++;
                break;
            case 'duplicate':
                tally.duplicated++;
                break;
            case 'unexpected':
                tally.unexpected++;
                break;
            default: {
                const unreachable = outcome;
                throw new TypeError(`unknown delivery outcome ${String(unreachable)}`);
            }
        }
    }
    /**
     * Adds `n` messages this worker's receivers should get. Leave at 0 when the coordinator computes
     * expectations with the DeliveryLedger (then the accumulator's `setExpected` is the source of truth).
     */
    expected(metric, n) {
        this.tally(metric).expected += n;
    }
    /** Counts an error of `kind` (e.g. 'connect_error', 'transport', 'ack_timeout') and keeps its message. */
    error(kind, message) {
        const existing = this.errors[kind];
        if (existing === undefined)
            this.errors[kind] = { count: 1, lastMessage: message };
        else {
            existing.count++;
            existing.lastMessage = message;
        }
    }
    /** Counts one disconnect by its reason as Socket.IO names it (e.g. 'transport close'). */
    disconnect(reason) {
        this.disconnectReasons[reason] = (this.disconnectReasons[reason] ?? 0) + 1;
    }
    /**
     * The snapshot of the interval [startMs, endMs] (ms since run start) with the worker's current connection
     * gauges, then resets every interval tally. Latency samples that were invalid or clamped appear as the
     * errors 'latency_invalid' and 'latency_clamped'.
     */
    takeSnapshot(workerId, startMs, endMs, gauges) {
        const histograms = {};
        for (const [metric, recorder] of this.recorders) {
            const encoded = recorder.takeInterval();
            if (encoded !== undefined)
                histograms[metric] = encoded;
            const { invalid, clamped } = recorder.takeAnomalies();
            if (invalid > 0)
                this.addError(LATENCY_INVALID_ERROR, invalid, `${metric}: negative or non-finite latency`);
            if (clamped > 0)
                this.addError(LATENCY_CLAMPED_ERROR, clamped, `${metric}: latency above 1 h recorded as 1 h`);
        }
        const delivery = {};
        for (const [metric, tally] of this.delivery)
            delivery[metric] = tally;
        const snapshot = {
            workerId,
            startMs,
            endMs,
            histograms,
            counters: this.counters,
            delivery,
            connections: { ...gauges },
            errors: this.errors,
            disconnectReasons: this.disconnectReasons,
        };
        this.counters = zeroCounters();
        this.delivery = new Map();
        this.errors = {};
        this.disconnectReasons = {};
        return snapshot;
    }
    /** Frees every histogram; the instance must not be used afterwards. */
    destroy() {
        for (const recorder of this.recorders.values())
            recorder.destroy();
        this.recorders.clear();
    }
    tally(metric) {
        let tally = this.delivery.get(metric);
        if (tally === undefined) {
            tally = zeroDelivery();
            this.delivery.set(metric, tally);
        }
        return tally;
    }
    addError(kind, n, message) {
        const existing = this.errors[kind];
        if (existing === undefined)
            this.errors[kind] = { count: n, lastMessage: message };
        else {
            existing.count += n;
            existing.lastMessage = message;
        }
    }
}
//# sourceMappingURL=worker-metrics.js.map