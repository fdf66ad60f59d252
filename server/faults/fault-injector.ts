/**
 * Carries out fault injection for the bench app: delays or drops replies as the seeded decider says and runs
 * the event-loop staller. Created only when some fault is on, so that the normal path pays nothing for it.
 */
import type { FaultOptions } from '../types.js';
import { createFaultDecider, hasReplyFaults, type FaultDecider, type ReplyKind } from './fault-decider.js';
import { faultOptionsProblems } from './fault-options.js';
import { startEventLoopStaller, type EventLoopStaller } from './event-loop-staller.js';
import { createSeededRandom } from '../seeded-random.js';
import { InjectedDelayRecord } from './injected-delays.js';
import { microsecondsToMilliseconds, millisecondsToMicroseconds } from '../metrics/units.js';
import type { InjectedDelaysJson } from '../metrics/metrics-json.js';

/** What the injector has done so far, for tests and metrics. */
export interface FaultCounts {
  /** Replies sent late. */
  delayed: number;
  /** Forwarded directs/broadcasts not sent at all. */
  dropped: number;
  /** Event-loop stalls run. */
  stalls: number;
}

export interface FaultInjector {
  /**
   * Sends a forwarded `direct`/`broadcast` now, later or never, as decided; `send` is called at most once, and
   * `onDrop` (if given) instead of it when the message is dropped.
   */
  forward(send: () => void, onDrop?: () => void): void;
  /** Returns `value` for an ack sent now, or a promise that resolves to it after the injected delay. */
  ack<T>(value: T): T | Promise<T>;
  counts(): FaultCounts;
  /**
   * The server's own record of every delay it injected, integer µs as asked of the timer: acks and forwarded
   * messages apart (see InjectedDelayRecord for the bound).
   */
  delays(): { ack: InjectedDelaysJson; forward: InjectedDelaysJson };
  /** Stops the staller and cancels pending delayed replies. */
  stop(): void;
}

/** True when `options` turn on any fault at all. */
export function faultsEnabled(options: FaultOptions): boolean {
  return hasReplyFaults(options) || (options.stallEveryMs > 0 && options.stallForMs > 0);
}

/**
 * Starts fault injection, or returns undefined when every fault is off. Throws a RangeError naming the option
 * when `options` are unusable (see faultOptionsProblems).
 */
export function startFaultInjector(options: FaultOptions): FaultInjector | undefined {
  const problems = faultOptionsProblems(options);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  if (!faultsEnabled(options)) return undefined;
  const decider: FaultDecider = createFaultDecider(options, createSeededRandom(options.seed));
  const staller: EventLoopStaller | undefined =
    options.stallEveryMs > 0 && options.stallForMs > 0 ? startEventLoopStaller(options.stallEveryMs, options.stallForMs) : undefined;
  const pending = new Set<NodeJS.Timeout>();
  let delayed = 0;
  let dropped = 0;
  const ackDelays = new InjectedDelayRecord();
  const forwardDelays = new InjectedDelayRecord();
  const later = (delayMs: number, record: InjectedDelayRecord, run: () => void): void => {
    delayed += 1;
    // The timer is asked for exactly the whole microseconds recorded, so the record is the truth of what was asked.
    const delayUs = millisecondsToMicroseconds(delayMs);
    record.record(delayUs);
    const timer = setTimeout(() => {
      pending.delete(timer);
      run();
    }, microsecondsToMilliseconds(delayUs));
    pending.add(timer);
  };
  const decide = (kind: ReplyKind) => decider.decide(kind);
  return {
    forward(send, onDrop) {
      const decision = decide('forward');
      switch (decision.kind) {
        case 'send':
          send();
          return;
        case 'delay':
          later(decision.delayMs, forwardDelays, send);
          return;
        case 'drop':
          dropped += 1;
          onDrop?.();
          return;
        default:
          throw new Error(`unknown fault decision ${JSON.stringify(decision satisfies never)}`);
      }
    },
    ack<T>(value: T): T | Promise<T> {
      const decision = decide('ack');
      switch (decision.kind) {
        case 'send':
          return value;
        case 'delay':
          return new Promise<T>((resolve) => later(decision.delayMs, ackDelays, () => resolve(value)));
        case 'drop':
          // The decider never drops acks; sending it is the safe reading if that ever changes.
          return value;
        default:
          throw new Error(`unknown fault decision ${JSON.stringify(decision satisfies never)}`);
      }
    },
    counts: () => ({ delayed, dropped, stalls: staller?.stallCount ?? 0 }),
    delays: () => ({ ack: ackDelays.toJson(), forward: forwardDelays.toJson() }),
    stop() {
      staller?.stop();
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
}
