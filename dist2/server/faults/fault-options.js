/**
 * The one validation of FaultOptions: the reference server's options (`options.faults`) and the fault injector
 * (`faults`) both report what it finds, so that the two can never disagree.
 */
import { describeValue } from '../describe-value.js';
/**
 * Lists every problem with `options` (empty when usable), each naming the option path under `path` (default
 * 'faults'). Checks types too, since options may come from parsed input. Absent optional options are off.
 */
export function faultOptionsProblems(options, path = 'faults') {
    const problems = [];
    const problem = (name, rule, value) => {
        problems.push(`${path}.${name} ${rule} (got ${describeValue(value)})`);
    };
    for (const key of ['replyDelayFraction', 'dropBroadcastFraction', 'disconnectFraction']) {
        const value = options[key] ?? 0;
        if (typeof value !== 'number' || !(value >= 0 && value <= 1))
            problem(key, 'must be a number from 0 to 1', value);
    }
    const delay = options.replyDelayMs;
    if (typeof delay === 'number') {
        if (!isNonNegativeFinite(delay))
            problem('replyDelayMs', 'must be a non-negative number', delay);
    }
    else if (typeof delay === 'object' && delay !== null) {
        if (!isNonNegativeFinite(delay.minMs))
            problem('replyDelayMs.minMs', 'must be a non-negative number', delay.minMs);
        if (!isNonNegativeFinite(delay.maxMs) || !(delay.maxMs >= delay.minMs))
            problem('replyDelayMs.maxMs', 'must be a number >= minMs', delay.maxMs);
    }
    else {
        problem('replyDelayMs', 'must be a number or { minMs, maxMs }', delay);
    }
    for (const key of ['stallEveryMs', 'stallForMs', 'disconnectAtMs', 'disconnectEveryMs', 'clientDrainMs']) {
        const value = options[key] ?? 0;
        if (!(typeof value === 'number' && Number.isSafeInteger(value) && value >= 0))
            problem(key, 'must be a non-negative integer', value);
    }
    if (options.stallForMs > 0 && options.stallEveryMs > 0 && options.stallForMs >= options.stallEveryMs) {
        problems.push(`${path}.stallForMs must be less than stallEveryMs (got ${options.stallForMs} >= ${options.stallEveryMs})`);
    }
    if ((options.disconnectFraction ?? 0) === 0 && ((options.disconnectAtMs ?? 0) > 0 || (options.disconnectEveryMs ?? 0) > 0)) {
        problems.push(`${path}.disconnectFraction must be above 0 when disconnectAtMs or disconnectEveryMs is set (got 0)`);
    }
    if (!Number.isSafeInteger(options.seed))
        problem('seed', 'must be an integer', options.seed);
    return problems;
}
function isNonNegativeFinite(value) {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
//# sourceMappingURL=fault-options.js.map