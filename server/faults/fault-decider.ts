/**
 * The pure decision logic of server-side fault injection: for each bench reply, whether to send it at once,
 * delay it (and by how long), or drop it. No timers and no I/O here, so that the decisions for a given seed
 * can be counted exactly in tests; fault-injector.ts carries them out.
 */
import type { FaultOptions } from '../types.js';
import type { RandomSource } from '../seeded-random.js';

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
  clientDrainMs: 0,
  seed: 1,
};

const SEND: FaultDecision = { kind: 'send' };
const DROP: FaultDecision = { kind: 'drop' };

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
