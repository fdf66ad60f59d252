/**
 * Every message between the coordinator and its worker threads (possibly in child processes) is one of
 * these discriminated unions, handled by exhaustive switches (STYLE 4).
 */
import type { Scenario } from '../scenario/schema.js';
import type { IntervalSnapshot } from '../run-result.js';
import type { DeliveryMetric } from '../metric-names.js';
import type { WindowTail } from '../measure/membership-window.js';
import type { SenderTail } from '../measure/sender-tails.js';
import type { ThreadMemory } from './thread-memory.js';

/** What a worker thread needs to run its share of the clients; sent once as the piscina task. */
export interface WorkerTask {
  /** Global worker number, 0 .. workerCount-1 across every load process. */
  workerId: number;
  workerCount: number;
  scenario: Scenario;
  /** Base URL of the target, e.g. http://127.0.0.1:40123 */
  targetUrl: string;
  /** Client i binds sourceAddresses[i % length]; empty = let the OS choose. */
  sourceAddresses: string[];
  /** How often the worker sends an interval snapshot, ms. Default 1000. */
  intervalMs: number;
  /**
   * The slice of the population this load-generator run owns (`--shard`): client c runs here only when
   * c mod shard.count = shard.index. Absent: every client.
   */
  shard?: ShardSlice;
  /**
   * Added to the monotonic clock, µs, so that every time of a sharded run is in epoch µs and shards on several
   * processes or machines compare (see loadgen/shard/epoch-clock.ts). Absent or 0: the plain monotonic clock.
   */
  clockOffsetUs?: number;
}

/** One slice of a run split over n load-generator runs: 0-based index, count n >= 1. */
export interface ShardSlice {
  index: number;
  count: number;
}

/** A batch of sends on one delivery channel by one sender (actual send times, increasing). */
export interface SendBatch {
  channel: number;
  sender: number;
  sentUs: number[];
}

/** A connection's membership window on a channel opened or closed (membership-window.ts). */
export interface WindowEvent {
  channel: number;
  /** The receiving client's index (its own sends are not expected unless the channel includes the sender). */
  receiver: number;
  /** The connection the window belongs to, unique in the run. */
  connection: number;
  atUs: number;
  open: boolean;
}

/** Distinct expected messages received, by the second of the run (from its start) in which they were sent. */
export interface ReceiptsBySendSec {
  metric: DeliveryMetric;
  sendSec: number;
  count: number;
}

/**
 * One message as one worker's receivers saw it over one interval: how many distinct members got it and the last
 * time (a broadcast's partial fan-out; for a direct, its one receipt). Says too that the message reached the server.
 */
export interface MessagePartial {
  channel: number;
  sender: number;
  seq: number;
  t0Us: number;
  sentUs: number;
  received: number;
  lastReceiveUs: number;
}

/** Delivery-accounting data that a worker reports with each interval. */
export interface LedgerDelta {
  sends: SendBatch[];
  windows: WindowEvent[];
  /** Windows of connections that ended without a drain (after their close in `windows`). */
  tails: WindowTail[];
  messages: MessagePartial[];
  /** Senders' connections that ended abruptly (their sends just before may never have reached the server). */
  senderTails: SenderTail[];
  /** For the live view, which settles by send time as the final figures do. */
  receipts: ReceiptsBySendSec[];
}

export type WorkerToCoordinator =
  | { type: 'ready'; workerId: number }
  | { type: 'interval'; snapshot: IntervalSnapshot; ledger: LedgerDelta }
  /** Last message of a worker: its final interval has been sent. */
  | { type: 'done'; workerId: number }
  | { type: 'fatal'; workerId: number; message: string }
  /**
   * Reply to 'measure-memory': this worker thread's memory after a forced GC, and its no-client baseline (read
   * before it allocated anything for its clients; undefined unless MEMORY_BASELINE_ENV was set).
   */
  | { type: 'memory'; workerId: number; requestId: number; baseline: ThreadMemory | undefined; now: ThreadMemory };

export type CoordinatorToWorker =
  /** Start the run; every time in the shard counts from runStartUs (monotonic µs). */
  | { type: 'start'; runStartUs: number }
  /** Stop now: disconnect every client, send the final interval, then 'done'. */
  | { type: 'stop'; reason: 'interrupted' | 'failed' }
  /** Force a GC in this thread and reply 'memory' (a benchmark's request; never sent in a normal run). */
  | { type: 'measure-memory'; requestId: number };
