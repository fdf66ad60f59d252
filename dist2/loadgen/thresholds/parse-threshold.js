/**
 * Parses a threshold's text: `<subject> [<aggregation>] <op> <value>[<unit>]`, e.g.
 * `broadcast.latency p(99) < 50ms`, `connect.latency max < 1s`, `errors.rate < 0.1%`, `delivery.lost == 0`,
 * `throughput.receive > 1000/s`. A bad threshold gets a message and the 1-based column where it goes wrong,
 * so that a scenario error can point into the string.
 */
import { DELIVERY_METRICS, isBuiltinLatencyMetric } from '../metric-names.js';
const DELIVERY_FIELDS = ['expected', 'received', 'lost', 'inFlightAtStop', 'undeliverable', 'duplicated', 'outOfOrder', 'unexpected'];
/** Subjects that are a fixed name, with what each measures. */
const FIXED_SUBJECTS = {
    'errors.rate': { kind: 'errorRate' },
    'errors.count': { kind: 'errorCount' },
    'connect.failed': { kind: 'counter', counter: 'connectFailures' },
    'acks.timedOut': { kind: 'counter', counter: 'acksTimedOut' },
    'slots.dropped': { kind: 'counter', counter: 'droppedSlots' },
    'disconnects.count': { kind: 'counter', counter: 'disconnects' },
    'reconnects.count': { kind: 'counter', counter: 'reconnects' },
    'throughput.send': { kind: 'throughput', direction: 'send' },
    'throughput.receive': { kind: 'throughput', direction: 'receive' },
    'connections.peak': { kind: 'peakConnections' },
};
/** Counters whose '%' form has a base to divide by (connect.failed: % of connect attempts). */
const COUNTERS_WITH_PERCENT = new Set(['connectFailures']);
const OPERATORS = ['<=', '>=', '==', '!=', '<', '>'];
const TIME_UNITS = { us: 'us', µs: 'us', ms: 'ms', s: 's' };
/** Every subject form, for the "unknown subject" message. */
export const THRESHOLD_SUBJECT_FORMS = [
    '<metric>.latency',
    '<metric>.latency.uncorrected',
    '<action>.ack.latency',
    '<action>.fanout.latency',
    ...Object.keys(FIXED_SUBJECTS),
    'delivery.<field>',
    '<broadcast|direct|action>.delivery.<field>',
];
function isDeliveryMetric(name) {
    return DELIVERY_METRICS.includes(name);
}
function isDeliveryField(name) {
    return DELIVERY_FIELDS.includes(name);
}
/** Suffixes of an action's own latency metrics: `<action>.ack.latency`, `<action>.fanout.latency`. */
const METRIC_SUFFIXES = new Set(['ack', 'fanout']);
/**
 * Reads the subject (a dotted name); `offset` of an error is relative to the subject's start. Metric names are
 * the built-in ones or a scenario's action names (letters, digits, - and _), checked against the scenario by
 * cross-checks.ts, since only the scenario knows its actions.
 */
function parseSubject(name) {
    const fixed = FIXED_SUBJECTS[name];
    if (fixed !== undefined)
        return { subject: fixed };
    const parts = name.split('.');
    const latencyAt = parts.indexOf('latency');
    if (latencyAt === 1 || (latencyAt === 2 && METRIC_SUFFIXES.has(parts[1]))) {
        const metric = parts.slice(0, latencyAt).join('.');
        const rest = parts.slice(latencyAt + 1);
        if (!METRIC_NAME.test(parts[0]))
            return { error: `'${parts[0]}' is not a metric name (letters, digits, - and _)`, offset: 0 };
        if (rest.length > 1 || (rest[0] !== undefined && rest[0] !== 'uncorrected' && rest[0] !== 'corrected')) {
            return { error: `expected ${metric}.latency or ${metric}.latency.uncorrected`, offset: metric.length + 'latency'.length + 2 };
        }
        // The aggregation is filled in by the caller; 'max' is a placeholder that parseThreshold replaces.
        return { subject: { kind: 'latency', metric, corrected: rest[0] !== 'uncorrected', aggregation: { kind: 'max' } } };
    }
    const deliveryAt = parts[0] === 'delivery' ? 0 : parts[1] === 'delivery' ? 1 : -1;
    if (deliveryAt >= 0 && parts.length === deliveryAt + 2) {
        const metric = deliveryAt === 0 ? 'all' : parts[0];
        const field = parts[deliveryAt + 1] ?? '';
        if (metric !== 'all' && (!METRIC_NAME.test(metric) || isBuiltinLatencyMetric(metric) && !isDeliveryMetric(metric))) {
            return { error: `'${metric}' does not deliver messages (delivering metrics: ${DELIVERY_METRICS.join(', ')}, or a custom action that declares delivers)`, offset: 0 };
        }
        if (!isDeliveryField(field)) {
            const fieldOffset = name.length - field.length;
            return { error: `unknown delivery counter '${field}' (one of: ${DELIVERY_FIELDS.join(', ')})`, offset: fieldOffset };
        }
        return { subject: { kind: 'delivery', metric, field } };
    }
    return { error: `unknown threshold subject '${name}' (one of: ${THRESHOLD_SUBJECT_FORMS.join(', ')})`, offset: 0 };
}
const METRIC_NAME = /^[A-Za-z0-9_-]+$/;
/** Reads a latency aggregation at `text[at...]`: p(N), min, max, mean, avg, med or count. */
function parseAggregation(word) {
    switch (word) {
        case 'min':
            return { kind: 'min' };
        case 'max':
            return { kind: 'max' };
        case 'mean':
        case 'avg':
            return { kind: 'mean' };
        case 'med':
            return { kind: 'percentile', percentile: 50 };
        case 'count':
            return { kind: 'count' };
        default: {
            const match = /^p\((\d+(?:\.\d+)?)\)$/.exec(word);
            if (match === null) {
                return { error: `expected an aggregation: p(N), min, max, mean, med or count; got '${word}'`, offset: 0 };
            }
            const percentile = Number(match[1]);
            if (!(percentile > 0 && percentile <= 100))
                return { error: `a percentile must be > 0 and <= 100, got ${match[1]}`, offset: 2 };
            return { kind: 'percentile', percentile };
        }
    }
}
/** Which units a subject's limit may carry, and the unit a unitless value means ('count', 'ratio'), if any. */
function allowedUnits(subject) {
    switch (subject.kind) {
        case 'latency':
            return subject.aggregation.kind === 'count'
                ? { units: [], unitless: 'count', describe: 'a plain count' }
                : { units: ['us', 'ms', 's'], describe: 'a time with its unit: us, ms or s (e.g. 50ms)' };
        case 'errorRate':
            return { units: ['%'], unitless: 'ratio', describe: 'a percentage (0.1%) or a fraction (0.001)' };
        case 'delivery':
            return { units: ['%'], unitless: 'count', describe: 'a count, or a percentage of the expected messages' };
        case 'counter':
            return COUNTERS_WITH_PERCENT.has(subject.counter)
                ? { units: ['%'], unitless: 'count', describe: 'a count, or a percentage of the connect attempts' }
                : { units: [], unitless: 'count', describe: 'a plain count' };
        case 'errorCount':
        case 'peakConnections':
            return { units: [], unitless: 'count', describe: 'a plain count' };
        case 'throughput':
            return { units: ['/s'], describe: 'a rate per second (e.g. 1000/s)' };
    }
}
/**
 * Parses one threshold. Returns the threshold, or `{ error, column }` with a 1-based column into `text`.
 * Whitespace between the parts is optional where the parts cannot run together (`errors.rate<0.1%`).
 */
export function parseThreshold(text) {
    const at = (offset, error) => ({ error, column: offset + 1 });
    let pos = 0;
    const skipSpace = () => {
        while (pos < text.length && /\s/.test(text[pos] ?? ''))
            pos += 1;
    };
    skipSpace();
    const subjectMatch = /^[A-Za-z0-9_][A-Za-z0-9_.-]*/.exec(text.slice(pos));
    if (subjectMatch === null)
        return at(pos, 'expected a subject such as broadcast.latency or errors.rate');
    const subjectStart = pos;
    const parsedSubject = parseSubject(subjectMatch[0]);
    if ('error' in parsedSubject)
        return at(subjectStart + parsedSubject.offset, parsedSubject.error);
    let subject = parsedSubject.subject;
    pos += subjectMatch[0].length;
    skipSpace();
    if (subject.kind === 'latency') {
        const wordMatch = /^[A-Za-z]+(?:\([^)]*\))?/.exec(text.slice(pos));
        if (wordMatch === null)
            return at(pos, 'expected an aggregation: p(N), min, max, mean, med or count');
        const aggregation = parseAggregation(wordMatch[0]);
        if ('error' in aggregation)
            return at(pos + aggregation.offset, aggregation.error);
        subject = { ...subject, aggregation };
        pos += wordMatch[0].length;
        skipSpace();
    }
    const operator = OPERATORS.find((candidate) => text.startsWith(candidate, pos));
    if (operator === undefined)
        return at(pos, `expected a comparison: ${OPERATORS.join(' ')}`);
    pos += operator.length;
    skipSpace();
    const valueMatch = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/i.exec(text.slice(pos));
    if (valueMatch === null)
        return at(pos, 'expected a number');
    const limit = Number(valueMatch[0]);
    pos += valueMatch[0].length;
    const unitStart = pos;
    const unitText = text.slice(pos).trimEnd();
    const { units, unitless, describe } = allowedUnits(subject);
    let unit;
    if (unitText === '') {
        if (unitless === undefined)
            return at(unitStart, `the limit needs a unit: ${describe}`);
        unit = unitless;
    }
    else {
        const candidate = TIME_UNITS[unitText] ?? (unitText === '%' || unitText === '/s' ? unitText : undefined);
        if (candidate === undefined || !units.includes(candidate)) {
            return at(unitStart, `unexpected '${unitText}': the limit is ${describe}`);
        }
        unit = candidate;
    }
    return { expression: text, subject, operator, limit, unit };
}
/** True when `parsed` is a parse error rather than a threshold. */
export function isThresholdParseError(parsed) {
    return 'error' in parsed;
}
//# sourceMappingURL=parse-threshold.js.map