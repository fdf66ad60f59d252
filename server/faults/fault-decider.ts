/**
 * The pure decision logic of server-side fault injection: for each bench reply, whether to send it at once,
 * delay it (and by how long), or drop it. No timers and no I/O here, so that the decisions for a given seed
 * can be counted exactly in tests; fault-injector.ts carries them out.
 */
import type { FaultOptions } from '../types.js';
import type { RandomSource } from './seeded-random.js';

/** What to do with one reply. */
export type FaultDecision =
  /** Send it now (the common case; the same object every time, so deciding allocates nothing). */
  | { readonly kind: 'send' }
  /** Send it after `delayMs` milliseconds. */
  | { readonly kind: 'delay'; readonly delayMs: number }
  /** Do not send it at all (only forwarded directs/broadcasts are ever dropped). */
  | { readonly kind: 'drop' };

/** The kind of reply being decided: an ack, or a forwarded `direct`/`broadcast` (which may also be dropped). */
export type ReplyKind = 'ack' | 'forward';

export interface FaultDecider {
  /** Decides the fate of one reply; draws from the random source only for the faults that are enabled. */
  decide(kind: ReplyKind): FaultDecision;
}

/** The fault options with everything off. */
export const NO_FAULTS: FaultOptions = {
  replyDelayFraction: 0,
  replyDelayMs: 0,
  stallEveryMs: 0,
  stallForMs: 0,
  dropBroadcastFraction: 0,
  disconnectFraction: 0,
  disconnectAtMs: 0,
  disconnectEveryMs: 0,
  seed: 1,
};

const SEND: FaultDecision = { kind: 'send' };
const DROP: FaultDecision = { kind: 'drop' };

/** Lists every problem with `options` (empty when usable), each naming the option path under `path`. */
export function faultOptionsProblems(options: FaultOptions, path = 'faults'): string[] {
  const problems: string[] = [];
  const fraction = (name: 'replyDelayFraction' | 'dropBroadcastFraction' | 'disconnectFraction'): void => {
    const value = options[name] ?? 0;
    if (!Number.isFinite(value) || value < 0 || value > 1) problems.push(`${path}.${name} must be a number from 0 to 1 (got ${value})`);
  };
  const nonNegativeMs = (name: string, value: number): void => {
    if (!Number.isFinite(value) || value < 0) problems.push(`${path}.${name} must be a non-negative number of milliseconds (got ${value})`);
  };
  fraction('replyDelayFraction');
  fraction('dropBroadcastFraction');
  const delay = options.replyDelayMs;
  if (typeof delay === 'number') {
    nonNegativeMs('replyDelayMs', delay);
  } else {
    nonNegativeMs('replyDelayMs.minMs', delay.minMs);
    nonNegativeMs('replyDelayMs.maxMs', delay.maxMs);
    if (delay.maxMs < delay.minMs) problems.push(`${path}.replyDelayMs.maxMs must be >= minMs (got ${delay.minMs}..${delay.maxMs})`);
  }
  nonNegativeMs('stallEveryMs', options.stallEveryMs);
  nonNegativeMs('stallForMs', options.stallForMs);
  if (options.stallEveryMs > 0 && options.stallForMs >= options.stallEveryMs) {
    problems.push(`${path}.stallForMs must be less than stallEveryMs (got ${options.stallForMs} >= ${options.stallEveryMs})`);
  }
  fraction('disconnectFraction');
  for (const name of ['disconnectAtMs', 'disconnectEveryMs'] as const) {
    const value = options[name] ?? 0;
    if (!Number.isSafeInteger(value) || value < 0) problems.push(`${path}.${name} must be a non-negative integer of milliseconds (got ${value})`);
  }
  if ((options.disconnectFraction ?? 0) === 0 && ((options.disconnectAtMs ?? 0) > 0 || (options.disconnectEveryMs ?? 0) > 0)) {
    problems.push(`${path}.disconnectFraction must be above 0 when disconnectAtMs or disconnectEveryMs is set (got 0)`);
  }
  if (!Number.isInteger(options.seed)) problems.push(`${path}.seed must be an integer (got ${options.seed})`);
  return problems;
}

/** True when any reply fault (delay or drop) is enabled; the bench app skips the decider entirely otherwise. */
export function hasReplyFaults(options: FaultOptions): boolean {
  return options.replyDelayFraction > 0 || options.dropBroadcastFraction > 0;
}

/**
 * Creates the decider. A forwarded message is first subject to the drop fraction, then (if kept) to the delay
 * fraction; an ack is only ever delayed. A delay with a [minMs, maxMs] range draws uniformly from it.
 */
export function createFaultDecider(options: FaultOptions, random: RandomSource): FaultDecider {
  const { replyDelayFraction, dropBroadcastFraction, replyDelayMs } = options;
  const drawDelay = (): FaultDecision => {
    if (typeof replyDelayMs === 'number') return { kind: 'delay', delayMs: replyDelayMs };
    return { kind: 'delay', delayMs: replyDelayMs.minMs + random() * (replyDelayMs.maxMs - replyDelayMs.minMs) };
  };
  return {
    decide(kind: ReplyKind): FaultDecision {
      if (kind === 'forward' && dropBroadcastFraction > 0 && random() < dropBroadcastFraction) return DROP;
      if (replyDelayFraction > 0 && random() < replyDelayFraction) return drawDelay();
      return SEND;
    },
  };
}
