/** Every latency metric the load generator records, each as an HDR histogram in integer microseconds. */
export const LATENCY_METRICS = [
    /** Time from opening the transport to the namespace CONNECT ack (the Socket.IO handshake). */
    'connect',
    /** join ack latency. */
    'join',
    /** leave ack latency. */
    'leave',
    /** echo round trip (ack). */
    'echo',
    /** Direct send-to-receive latency, measured at the recipient. */
    'direct',
    /** Broadcast fan-out latency: one sample per member that received it. */
    'broadcast',
    /** Time until the last expected member had a broadcast: one sample per broadcast. */
    'fanoutCompletion',
    /** Custom event: ack latency. */
    'customAck',
    /** Custom event: latency until the expected reply event arrived. */
    'customReply',
    /** Server-pushed events whose payload carries a timestamp: push-to-receive latency. */
    'push',
    /** Disconnect-to-reconnected time of churn actions and reconnects after faults. */
    'reconnect',
    /** HTTP requests driven by autocannon. */
    'http',
];
/** Whether `name` is one of the built-in latency metrics. */
export function isBuiltinLatencyMetric(name) {
    return LATENCY_METRICS.includes(name);
}
/** The fan-out completion metric of a custom action's declared delivery. */
export function fanoutMetricOf(action) {
    return `${action}.fanout`;
}
/** The ack latency metric of a custom action that also declares a delivery. */
export function ackMetricOf(action) {
    return `${action}.ack`;
}
/** The bench protocol's metrics whose messages are accounted for exactly: each receiver knows what it must get. */
export const DELIVERY_METRICS = ['direct', 'broadcast'];
/**
 * The metric names among `names` in the order reports show them: the built-in ones in LATENCY_METRICS order
 * (then direct before broadcast, as DELIVERY_METRICS), then an action's own metrics by name.
 */
export function orderMetrics(names) {
    const rank = (name) => {
        const builtin = LATENCY_METRICS.indexOf(name);
        return builtin >= 0 ? builtin : LATENCY_METRICS.length;
    };
    return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || (rank(a) === LATENCY_METRICS.length ? a.localeCompare(b) : 0));
}
//# sourceMappingURL=metric-names.js.map