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
] as const;
export type BuiltinLatencyMetric = (typeof LATENCY_METRICS)[number];
/**
 * A latency metric of a result: a built-in one, or one of a scenario's own actions (custom and listen): the
 * action's name (its reply or ack latency; the delivery latency at every receiver when it declares a delivery),
 * `<name>.fanout` (its fan-out completion) and `<name>.ack` (its ack, when it also declares a delivery).
 */
export type LatencyMetric = string;

/** Whether `name` is one of the built-in latency metrics. */
export function isBuiltinLatencyMetric(name: string): name is BuiltinLatencyMetric {
  return (LATENCY_METRICS as readonly string[]).includes(name);
}

/** The fan-out completion metric of a custom action's declared delivery. */
export function fanoutMetricOf(action: string): string {
  return `${action}.fanout`;
}

/** The ack latency metric of a custom action that also declares a delivery. */
export function ackMetricOf(action: string): string {
  return `${action}.ack`;
}

/** The bench protocol's metrics whose messages are accounted for exactly: each receiver knows what it must get. */
export const DELIVERY_METRICS = ['direct', 'broadcast'] as const;
/** A delivering metric: the bench protocol's direct or broadcast, or a custom action with a declared delivery (its name). */
export type DeliveryMetric = string;

/**
 * The metric names among `names` in the order reports show them: the built-in ones in LATENCY_METRICS order
 * (then direct before broadcast, as DELIVERY_METRICS), then an action's own metrics by name.
 */
export function orderMetrics(names: Iterable<string>): string[] {
  const rank = (name: string): number => {
    const builtin = (LATENCY_METRICS as readonly string[]).indexOf(name);
    return builtin >= 0 ? builtin : LATENCY_METRICS.length;
  };
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || (rank(a) === LATENCY_METRICS.length ? a.localeCompare(b) : 0));
}
