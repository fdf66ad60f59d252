import { bootstrapMedianDifference, DEFAULT_BOOTSTRAP_RESAMPLES, DEFAULT_BOOTSTRAP_SEED } from './bootstrap.js';
import { selectMetrics } from './compared-metrics.js';
import { mannWhitneyU } from './mann-whitney.js';
import { sourceOfResult, sourcesOfRepetitions } from './metric-source.js';
import { median } from './sample-statistics.js';
/** Default tolerance: a change within 10% is never a regression. */
export const DEFAULT_TOLERANCE_FRACTION = 0.1;
/** Default two-sided confidence of the significance test. */
export const DEFAULT_CONFIDENCE = 0.95;
/** Default latency floor: latency changes below 1 ms are timer and scheduler jitter, never a regression. */
export const DEFAULT_MIN_LATENCY_CHANGE_US = 1000;
/** Fewest repetitions per side for a test worth its name: with 3 and 3, noise alone separates the sides 1 time in 10. */
export const RECOMMENDED_REPETITIONS = 3;
function sideOf(result) {
    const repetitions = sourcesOfRepetitions(result);
    return repetitions !== undefined && repetitions.length >= 2 ? { whole: sourceOfResult(result), repetitions } : { whole: sourceOfResult(result) };
}
function describeSide(result, label) {
    const side = {
        label,
        scenarioName: result.scenario.name,
        startedAt: result.startedAt,
        runs: result.repetitions?.length ?? 1,
    };
    if (result.environment.gitCommit !== undefined)
        side.gitCommit = result.environment.gitCommit;
    return side;
}
function relativeChange(baseline, candidate) {
    if (baseline !== 0)
        return (candidate - baseline) / Math.abs(baseline);
    if (candidate === 0)
        return 0;
    return candidate > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}
function readAll(metric, sources) {
    return sources.map((source) => metric.read(source)).filter((value) => value !== undefined);
}
function compareMetric(metric, baseline, candidate, mode, settings) {
    const row = { id: metric.id, unit: metric.unit, worseWhen: metric.worseWhen, verdict: 'missing' };
    let baselineValue;
    let candidateValue;
    let statistics;
    if (mode === 'repetitions' && baseline.repetitions !== undefined && candidate.repetitions !== undefined) {
        const baselineValues = readAll(metric, baseline.repetitions);
        const candidateValues = readAll(metric, candidate.repetitions);
        if (baselineValues.length > 0)
            baselineValue = median(baselineValues);
        if (candidateValues.length > 0)
            candidateValue = median(candidateValues);
        if (baselineValues.length >= 2 && candidateValues.length >= 2) {
            statistics = testRepetitions(metric, baselineValues, candidateValues, settings);
        }
    }
    else {
        baselineValue = metric.read(baseline.whole);
        candidateValue = metric.read(candidate.whole);
    }
    if (baselineValue !== undefined)
        row.baseline = baselineValue;
    if (candidateValue !== undefined)
        row.candidate = candidateValue;
    if (baselineValue === undefined || candidateValue === undefined)
        return row;
    const difference = candidateValue - baselineValue;
    const change = relativeChange(baselineValue, candidateValue);
    row.difference = difference;
    row.change = change;
    if (statistics !== undefined) {
        if (baselineValue !== 0) {
            statistics.changeLower = statistics.differenceLower / Math.abs(baselineValue);
            statistics.changeUpper = statistics.differenceUpper / Math.abs(baselineValue);
        }
        row.statistics = statistics;
    }
    row.verdict = decide(metric, difference, change, statistics, mode, settings);
    return row;
}
function testRepetitions(metric, baselineValues, candidateValues, settings) {
    const interval = bootstrapMedianDifference(baselineValues, candidateValues, {
        confidence: settings.confidence,
        resamples: settings.resamples,
        seed: settings.seed,
    });
    return {
        baselineRuns: baselineValues.length,
        candidateRuns: candidateValues.length,
        differenceLower: interval.lower,
        differenceUpper: interval.upper,
        significant: interval.lower > 0 || interval.upper < 0,
        shareWorse: metric.worseWhen === 'higher' ? interval.shareAbove : interval.shareBelow,
        mannWhitneyP: mannWhitneyU(baselineValues, candidateValues).pValue,
    };
}
function decide(metric, difference, change, statistics, mode, settings) {
    const belowFloor = metric.group === 'latency' && Math.abs(difference) < settings.minLatencyChangeUs;
    if (difference === 0 || belowFloor || Math.abs(change) <= settings.toleranceFraction)
        return 'within-tolerance';
    // A row of a repetitions comparison without two measured repetitions per side cannot show significance.
    if (mode === 'repetitions' && (statistics === undefined || !statistics.significant))
        return 'not-significant';
    const worse = metric.worseWhen === 'higher' ? difference > 0 : difference < 0;
    return worse ? 'regression' : 'improvement';
}
function formatFraction(fraction) {
    return `${Number((fraction * 100).toPrecision(6))}%`;
}
/** Compares `candidate` with `baseline` (see the file comment); throws bad input for an unknown `--metric`. */
export function compareResults(baseline, candidate, options = {}) {
    const settings = {
        toleranceFraction: options.toleranceFraction ?? DEFAULT_TOLERANCE_FRACTION,
        confidence: options.confidence ?? DEFAULT_CONFIDENCE,
        minLatencyChangeUs: options.minLatencyChangeUs ?? DEFAULT_MIN_LATENCY_CHANGE_US,
        resamples: options.resamples ?? DEFAULT_BOOTSTRAP_RESAMPLES,
        seed: options.seed ?? DEFAULT_BOOTSTRAP_SEED,
    };
    const baselineSide = sideOf(baseline);
    const candidateSide = sideOf(candidate);
    const mode = baselineSide.repetitions !== undefined && candidateSide.repetitions !== undefined ? 'repetitions' : 'single';
    const metrics = selectMetrics(options.metrics ?? [], [baselineSide.whole, candidateSide.whole]);
    const rows = metrics.map((metric) => compareMetric(metric, baselineSide, candidateSide, mode, settings));
    const notes = [];
    const confidenceText = formatFraction(settings.confidence);
    if (mode === 'repetitions') {
        notes.push(`Decided over ${baselineSide.repetitions?.length} baseline and ${candidateSide.repetitions?.length} candidate repetitions: ` +
            `a change is a regression when it exceeds the tolerance of ${formatFraction(settings.toleranceFraction)} and the ` +
            `${confidenceText} bootstrap interval of the difference of medians (${settings.resamples} resamples, seed ${settings.seed}) excludes zero.`);
    }
    else {
        const single = [baselineSide.repetitions === undefined ? 'the baseline' : '', candidateSide.repetitions === undefined ? 'the candidate' : '']
            .filter((text) => text !== '')
            .join(' and ');
        notes.push(`Single runs (${single} ${single.includes(' and ') ? 'are' : 'is'} one run): significance cannot be judged, so the ratio alone ` +
            `decides against the tolerance of ${formatFraction(settings.toleranceFraction)}. Run both with --repeat 3 or more to test it.`);
    }
    const fewest = Math.min(baselineSide.repetitions?.length ?? 1, candidateSide.repetitions?.length ?? 1);
    if (mode === 'repetitions' && fewest < RECOMMENDED_REPETITIONS) {
        notes.push(`With ${fewest} repetitions on a side the test is weak (noise alone separates two runs from two others one time in three): use --repeat ${RECOMMENDED_REPETITIONS} or more.`);
    }
    notes.push(`Latency changes below ${settings.minLatencyChangeUs / 1000}ms are treated as within tolerance.`);
    if (baseline.scenario.name !== candidate.scenario.name) {
        notes.push(`The results ran different scenarios (${baseline.scenario.name} and ${candidate.scenario.name}).`);
    }
    else if (baseline.scenario.text !== candidate.scenario.text || baseline.scenario.overrides.join('\n') !== candidate.scenario.overrides.join('\n')) {
        notes.push('The scenario text or its overrides differ between the two results.');
    }
    for (const [label, result] of [['baseline', baseline], ['candidate', candidate]]) {
        if (result.status !== 'completed')
            notes.push(`The ${label} run did not complete (${result.status}): its figures cover part of the schedule.`);
    }
    return {
        mode,
        toleranceFraction: settings.toleranceFraction,
        confidence: settings.confidence,
        minLatencyChangeUs: settings.minLatencyChangeUs,
        baseline: describeSide(baseline, options.baselineLabel ?? 'baseline'),
        candidate: describeSide(candidate, options.candidateLabel ?? 'candidate'),
        rows,
        regressions: rows.filter((row) => row.verdict === 'regression').map((row) => row.id),
        notes,
    };
}
//# sourceMappingURL=compare-results.js.map