/**
 * A parsed threshold: `<subject> [<aggregation>] <op> <value><unit>`, as in k6 (`broadcast.latency p(99) < 50ms`,
 * `errors.rate < 0.1%`, `delivery.lost == 0`). `parseThreshold` builds it from text; `evaluateThresholds`
 * checks it against a run's totals.
 */
import type { DeliveryMetric, LatencyMetric } from '../metric-names.js';
import type { DeliveryCounts } from '../run-result.js';

/** How a latency histogram is reduced to one number. Percentiles are 0 < p <= 100 (p(99.9) is 99.9). */
export type LatencyAggregation =
  | { kind: 'percentile'; percentile: number }
  | { kind: 'min' }
  | { kind: 'max' }
  | { kind: 'mean' }
  /** Number of samples (unitless). */
  | { kind: 'count' };

/** Delivery counters a threshold may name (`delivery.lost`, `broadcast.delivery.duplicated`, ...). */
export type DeliveryField = keyof DeliveryCounts;

/** Client counters a threshold may name, with the counter of `ClientCounters` each reads. */
export type CounterName = 'connectFailures' | 'acksTimedOut' | 'droppedSlots' | 'disconnects' | 'reconnects';

/** What a threshold measures. */
export type ThresholdSubject =
  /** `<metric>.latency` (corrected for coordinated omission) or `<metric>.latency.uncorrected`. */
  | { kind: 'latency'; metric: LatencyMetric; corrected: boolean; aggregation: LatencyAggregation }
  /** `errors.rate`: see `errorRate` in evaluate-thresholds.ts for the definition. */
  | { kind: 'errorRate' }
  /** `errors.count`: the sum of every error kind's count. */
  | { kind: 'errorCount' }
  /** `delivery.<field>` (metric 'all': summed over every delivering metric) or `<metric>.delivery.<field>`. */
  | { kind: 'delivery'; metric: DeliveryMetric | 'all'; field: DeliveryField }
  /** `connect.failed`, `acks.timedOut`, `slots.dropped`, `disconnects.count`, `reconnects.count`. */
  | { kind: 'counter'; counter: CounterName }
  /** `throughput.send` / `throughput.receive`: Socket.IO events per second over the run's duration. */
  | { kind: 'throughput'; direction: 'send' | 'receive' }
  /** `connections.peak`: most connections open at once. */
  | { kind: 'peakConnections' };

export type ThresholdOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';

/**
 * The unit of a threshold's limit (and of the actual value it is compared with): a time unit for latency
 * aggregations, '%' for rates and ratios, 'ratio' for a unitless rate (0.001 = 0.1%), '/s' for throughput,
 * 'count' for plain counts.
 */
export type ThresholdUnit = 'us' | 'ms' | 's' | '%' | 'ratio' | '/s' | 'count';

export interface Threshold {
  /** The text as written, e.g. `broadcast.latency p(99) < 50ms`. */
  expression: string;
  subject: ThresholdSubject;
  operator: ThresholdOperator;
  /** The limit in `unit`. */
  limit: number;
  unit: ThresholdUnit;
}

/** Why a threshold's text does not parse, and where: `column` is 1-based within the threshold's text. */
export interface ThresholdParseError {
  error: string;
  column: number;
}
