/**
 * Zero values and exact sums of the plain tallies of a snapshot or result (counters, delivery, errors,
 * disconnect reasons, gauges): shared by the worker side and the coordinator side so both add the same way.
 */
import type {
  ClientCounters,
  ConnectionGauges,
  DeliveryCounts,
  ErrorCount,
} from '../run-result.js';

/** Delivery counts without `lost`, which only the end of a run can fix. */
export type DeliveryTally = Omit<DeliveryCounts, 'lost'>;

/** Error kind counting latency samples that were negative or non-finite (not recorded). */
export const LATENCY_INVALID_ERROR = 'latency_invalid';
/** Error kind counting latency samples above one hour (recorded as one hour). */
export const LATENCY_CLAMPED_ERROR = 'latency_clamped';

/** All client counters at zero. */
export function zeroCounters(): ClientCounters {
  return {
    eventsSent: 0,
    eventsReceived: 0,
    acksTimedOut: 0,
    droppedSlots: 0,
    connectAttempts: 0,
    connectSuccesses: 0,
    connectFailures: 0,
    disconnects: 0,
    reconnects: 0,
    bytesSent: 0,
    bytesReceived: 0,
  };
}

/** Adds every counter of `source` into `target`. */
export function addCounters(target: ClientCounters, source: ClientCounters): void {
  for (const key of Object.keys(target) as (keyof ClientCounters)[]) target[key] += source[key];
}

/** A delivery tally at zero. */
export function zeroDelivery(): DeliveryTally {
  return { expected: 0, received: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 };
}

/** Adds `source` into `target`. */
export function addDelivery(target: DeliveryTally, source: DeliveryTally): void {
  target.expected += source.expected;
  target.received += source.received;
  target.duplicated += source.duplicated;
  target.outOfOrder += source.outOfOrder;
  target.unexpected += source.unexpected;
}

/** Connection gauges at zero. */
export function zeroGauges(): ConnectionGauges {
  return { target: 0, open: 0, connecting: 0, failed: 0 };
}

/** Adds `source` gauges into `target` (gauges of different workers add up; of one worker they do not). */
export function addGauges(target: ConnectionGauges, source: ConnectionGauges): void {
  target.target += source.target;
  target.open += source.open;
  target.connecting += source.connecting;
  target.failed += source.failed;
}

/** Adds error counts of `source` into `target`; the message of `source` wins (it is the later one). */
export function addErrors(target: Record<string, ErrorCount>, source: Record<string, ErrorCount>): void {
  for (const [kind, error] of Object.entries(source)) {
    const existing = target[kind];
    if (existing === undefined) target[kind] = { count: error.count, lastMessage: error.lastMessage };
    else {
      existing.count += error.count;
      if (error.lastMessage !== '') existing.lastMessage = error.lastMessage;
    }
  }
}

/** Adds counts per key of `source` into `target`. */
export function addCountsByKey(target: Record<string, number>, source: Record<string, number>): void {
  for (const [key, count] of Object.entries(source)) target[key] = (target[key] ?? 0) + count;
}
