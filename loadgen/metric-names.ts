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
export type LatencyMetric = (typeof LATENCY_METRICS)[number];

/** Metrics whose messages are accounted for exactly: each receiver knows what it must get. */
export const DELIVERY_METRICS = ['direct', 'broadcast'] as const;
export type DeliveryMetric = (typeof DELIVERY_METRICS)[number];
