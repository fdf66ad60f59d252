import { evaluateThresholds } from '../thresholds/evaluate-thresholds.js';
import { isThresholdParseError, parseThreshold } from '../thresholds/parse-threshold.js';
/** Parses every objective; throws an Error naming each that does not parse (misuse, before anything runs). */
export function parseSlos(texts) {
    const problems = [];
    const parsed = [];
    for (const text of texts) {
        const threshold = parseThreshold(text);
        if (isThresholdParseError(threshold))
            problems.push(`--slo '${text}': column ${threshold.column}: ${threshold.error}`);
        else
            parsed.push(threshold);
    }
    if (problems.length > 0)
        throw new Error(problems.join('\n'));
    return parsed;
}
/** Whether an objective is read on the whole step run rather than on the hold window (see the file comment). */
export function readsWholeRun(subject) {
    switch (subject.kind) {
        case 'errorRate':
        case 'errorCount':
        case 'delivery':
            return true;
        case 'latency':
        case 'counter':
        case 'throughput':
        case 'peakConnections':
            return false;
    }
}
/** Each objective on one step, in the order given. */
export function evaluateSlos(slos, window, run) {
    return slos.map((slo) => {
        const [evaluation] = readsWholeRun(slo.subject)
            ? evaluateThresholds([slo], run.totals, run.durationMs)
            : evaluateThresholds([slo], window.totals, window.durationMs);
        if (evaluation === undefined)
            throw new Error('evaluateThresholds returned no evaluation for one threshold');
        return evaluation;
    });
}
//# sourceMappingURL=evaluate-slos.js.map