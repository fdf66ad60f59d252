import { createFaultDecider, hasReplyFaults } from './fault-decider.js';
import { faultOptionsProblems } from './fault-options.js';
import { startEventLoopStaller } from './event-loop-staller.js';
import { createSeededRandom } from './seeded-random.js';
import { InjectedDelayRecord } from './injected-delays.js';
import { microsecondsToMilliseconds, millisecondsToMicroseconds } from '../metrics/units.js';
/** True when `options` turn on any fault at all. */
export function faultsEnabled(options) {
    return hasReplyFaults(options) || (options.stallEveryMs > 0 && options.stallForMs > 0);
}
/**
 * Starts fault injection, or returns undefined when every fault is off. Throws a RangeError naming the option
 * when `options` are unusable (see faultOptionsProblems).
 */
export function startFaultInjector(options) {
    const problems = faultOptionsProblems(options);
    if (problems.length > 0)
        throw new RangeError(problems.join('; '));
    if (!faultsEnabled(options))
        return undefined;
    const decider = createFaultDecider(options, createSeededRandom(options.seed));
    const staller = options.stallEveryMs > 0 && options.stallForMs > 0 ? startEventLoopStaller(options.stallEveryMs, options.stallForMs) : undefined;
    const pending = new Set();
    let delayed = 0;
    let dropped = 0;
    const ackDelays = new InjectedDelayRecord();
    const forwardDelays = new InjectedDelayRecord();
    const later = (delayMs, record, run) => {
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
    const decide = (kind) => decider.decide(kind);
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
                    throw new Error(`unknown fault decision ${JSON.stringify(decision)}`);
            }
        },
        ack(value) {
            const decision = decide('ack');
            switch (decision.kind) {
                case 'send':
                    return value;
                case 'delay':
                    return new Promise((resolve) => later(decision.delayMs, ackDelays, () => resolve(value)));
                case 'drop':
                    // The decider never drops acks; sending it is the safe reading if that ever changes.
                    return value;
                default:
                    throw new Error(`unknown fault decision ${JSON.stringify(decision)}`);
            }
        },
        counts: () => ({ delayed, dropped, stalls: staller?.stallCount ?? 0 }),
        delays: () => ({ ack: ackDelays.toJson(), forward: forwardDelays.toJson() }),
        stop() {
            staller?.stop();
            for (const timer of pending)
                clearTimeout(timer);
            pending.clear();
        },
    };
}
//# sourceMappingURL=fault-injector.js.map