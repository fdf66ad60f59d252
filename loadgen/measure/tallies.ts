/**
 * Zero values and exact sums of the plain tallies of a snapshot or result (counters, delivery, errors,
 * disconnect reasons, gauges): shared by the worker side and the coordinator side so both add the same way.
 */
import type {
  ClientCounters,
  ConnectionGauges,
  DeliveryCounts,
  DeliveryTally,
  ErrorCount,
} from '../run-result.js';

export type { DeliveryTally } from '../run-result.js';

/** Expected messages that did not arrive for a cause other than loss (from the ledger's tails). */
export interface MissingCounts {
  inFlightAtStop: number;
  undeliverable: number;
}

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
    scheduledSlots: 0,
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
  // `?? 0`: a result written before a counter existed lacks it.
  for (const key of Object.keys(target) as (keyof ClientCounters)[]) target[key] = (target[key] ?? 0) + (source[key] ?? 0);
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

/**
 * The final delivery counts: lost is what was expected and neither arrived nor is missing for a cause; when
 * more distinct messages arrived than were expected, received is capped at expected and the excess is added to
 * unexpected. Used by a run's totals and by the merge of shards alike.
 */
export function finishDelivery(tally: DeliveryTally, missing: MissingCounts = { inFlightAtStop: 0, undeliverable: 0 }): DeliveryCounts {
  const excess = Math.max(0, tally.received - tally.expected);
  return {
    expected: tally.expected,
    received: tally.received - excess,
    lost: Math.max(0, tally.expected - tally.received - missing.inFlightAtStop - missing.undeliverable),
    inFlightAtStop: missing.inFlightAtStop,
    undeliverable: missing.undeliverable,
    duplicated: tally.duplicated,
    outOfOrder: tally.outOfOrder,
    unexpected: tally.unexpected + excess,
  };
}

/** The sum of final delivery counts (e.g. direct and broadcast together); undefined for none. */
export function sumDeliveryCounts(list: readonly DeliveryCounts[]): DeliveryCounts | undefined {
  if (list.length === 0) return undefined;
  const sum: DeliveryCounts = { expected: 0, received: 0, lost: 0, inFlightAtStop: 0, undeliverable: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 };
  for (const counts of list) {
    for (const key of Object.keys(sum) as (keyof DeliveryCounts)[]) sum[key] += counts[key];
  }
  return sum;
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
