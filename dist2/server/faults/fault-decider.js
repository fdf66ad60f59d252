/** The fault options with everything off. */
export const NO_FAULTS = {
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
const SEND = { kind: 'send' };
const DROP = { kind: 'drop' };
/** True when any reply fault (delay or drop) is enabled; the bench app skips the decider entirely otherwise. */
export function hasReplyFaults(options) {
    return options.replyDelayFraction > 0 || options.dropBroadcastFraction > 0;
}
/**
 * Creates the decider. A forwarded message is first subject to the drop fraction, then (if kept) to the delay
 * fraction; an ack is only ever delayed. A delay with a [minMs, maxMs] range draws uniformly from it.
 */
export function createFaultDecider(options, random) {
    const { replyDelayFraction, dropBroadcastFraction, replyDelayMs } = options;
    const drawDelay = () => {
        if (typeof replyDelayMs === 'number')
            return { kind: 'delay', delayMs: replyDelayMs };
        return { kind: 'delay', delayMs: replyDelayMs.minMs + random() * (replyDelayMs.maxMs - replyDelayMs.minMs) };
    };
    return {
        decide(kind) {
            if (kind === 'forward' && dropBroadcastFraction > 0 && random() < dropBroadcastFraction)
                return DROP;
            if (replyDelayFraction > 0 && random() < replyDelayFraction)
                return drawDelay();
            return SEND;
        },
    };
}
//# sourceMappingURL=fault-decider.js.map