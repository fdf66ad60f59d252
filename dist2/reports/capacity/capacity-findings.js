import { headlineLatencyMetric } from '../../loadgen/capacity/find-knee.js';
import { formatStepIncrement } from '../../loadgen/capacity/capacity-schema.js';
import { formatBytes, formatCompact, formatDurationMs, formatInteger, formatLatencyUs, formatSignificant } from '../format.js';
/** How a resource reads in a sentence. */
export function describeResource(resource) {
    switch (resource) {
        case 'server-cpu':
            return 'server CPU';
        case 'event-loop':
            return 'server event-loop delay';
        case 'memory':
            return 'server memory';
        case 'network':
            return 'the network (or socket limits)';
        case 'loadgen':
            return 'the load generator itself';
        case 'none':
            return 'no measured resource';
    }
}
function loadText(result, load) {
    return `${formatSignificant(load, 6)} ${result.loadUnit}`;
}
function stepLabel(result, step) {
    return `step ${step.index + 1} of ${result.plan.loads.length}`;
}
function stopText(result) {
    const reason = result.stopReason;
    switch (reason.kind) {
        case 'max-reached': {
            const last = result.steps[result.steps.length - 1];
            return `Every step up to ${last === undefined ? 'the max' : loadText(result, last.load)} met every objective: the limit is above the loads tried (raise --max).`;
        }
        case 'slo-broken':
        case 'loadgen-saturated':
        case 'run-failed':
        case 'interrupted': {
            const step = result.steps[reason.stepIndex];
            const at = step === undefined ? `step ${reason.stepIndex + 1}` : `${loadText(result, step.load)} (${stepLabel(result, step)})`;
            if (reason.kind === 'interrupted')
                return `Interrupted at ${at}.`;
            if (reason.kind === 'run-failed')
                return `Stopped at ${at}: the step's run failed${step?.failure === undefined ? '' : `: ${step.failure.message}`}.`;
            if (reason.kind === 'loadgen-saturated') {
                return `Stopped at ${at}: the load generator itself was saturated, so this step measured the load generator, not the server. The server's limit is at least the last sustainable step; measure further with more --workers or load generators on other machines.`;
            }
            const broken = step?.slos.filter((slo) => !slo.passed).map((slo) => slo.message) ?? [];
            return `Stopped at ${at}: ${broken.length === 1 ? 'an objective broke' : `${broken.length} objectives broke`}: ${broken.join('; ')}.`;
        }
    }
}
function fitText(fit, xUnit) {
    return `least squares over ${fit.n} server samples, r² ${fit.r2.toFixed(2)}, ${formatCompact(fit.xMin)}–${formatCompact(fit.xMax)} ${xUnit}`;
}
function boundCell(bound) {
    switch (bound.kind) {
        case 'count':
            return formatInteger(bound.processes);
        case 'unknown':
            return 'unknown';
        case 'infeasible':
            return 'infeasible';
    }
}
/** How a bound was reached, in words: the need, what one process has for it. */
function boundDetail(name, bound) {
    switch (bound.kind) {
        case 'count':
            switch (name) {
                case 'cpu':
                    return `${formatSignificant(bound.need / 100)} cores in all; ${formatSignificant(bound.availablePerProcess)}% of a core per process for deliveries`;
                case 'memory':
                    return `${formatBytes(bound.need)} for the clients; ${formatBytes(bound.availablePerProcess)} per process above its base`;
                case 'connections':
                    return `${formatInteger(bound.need)} connections; ${formatInteger(bound.availablePerProcess)} per process`;
            }
            break;
        case 'unknown':
        case 'infeasible':
            return bound.reason;
    }
}
const OUTCOME_TEXT = {
    met: 'met',
    'slo-broken': 'objective broken',
    'loadgen-saturated': 'load generator saturated',
    'run-failed': 'run failed',
};
function stepsTable(result) {
    const metric = headlineLatencyMetric(result.steps);
    const header = ['step', `load (${result.loadUnit})`, 'outcome', 'offered/s', 'sent/s', 'deliveries/s'];
    if (metric !== undefined)
        header.push(`${metric} p50`, `${metric} p99`);
    header.push('server CPU', 'server rss', 'server loop p99', 'loadgen loop', ...result.slos);
    const rows = result.steps.map((step) => {
        const row = [
            String(step.index + 1),
            formatSignificant(step.load, 6),
            OUTCOME_TEXT[step.outcome],
            formatCompact(step.offeredSendPerSec),
            formatCompact(step.sendPerSec),
            formatCompact(step.deliveriesPerSec),
        ];
        if (metric !== undefined) {
            const summary = step.latency[metric]?.corrected;
            row.push(summary === undefined || summary.count === 0 ? '-' : formatLatencyUs(summary.p50Us), summary === undefined || summary.count === 0 ? '-' : formatLatencyUs(summary.p99Us));
        }
        row.push(step.server === undefined ? '-' : `${step.server.cpuPercentMean.toFixed(0)}%`, step.server === undefined ? '-' : formatBytes(step.server.rssBytesMax), step.server === undefined ? '-' : formatLatencyUs(step.server.eventLoopDelayP99UsMax), step.loadgen === undefined ? '-' : `${Math.round(step.loadgen.eventLoopUtilization * 100)}% busy`, ...step.slos.map((slo) => `${slo.passed ? 'pass' : 'FAIL'}${slo.noSamples ? ' (no samples)' : `: ${formatSignificant(slo.actual, 4)}${slo.unit === 'count' || slo.unit === 'ratio' ? '' : slo.unit}`}`));
        return row;
    });
    const numeric = header.map((_, index) => index !== 2 && index < header.length - result.slos.length);
    return { header, numeric, rows };
}
/** The findings of `result`. */
export function buildCapacityFindings(result) {
    const { analysis, steps } = result;
    const env = result.environment;
    const context = `${result.scenario.name}: ${result.dimension} from ${formatSignificant(result.plan.loads[0] ?? 0, 6)} by ${formatStepIncrement(result.plan.step)} ` +
        `up to ${formatSignificant(result.plan.loads[result.plan.loads.length - 1] ?? 0, 6)} ${result.loadUnit}, ` +
        `each step measured over ${formatDurationMs(result.plan.holdPerStepMs)} of phase ${result.phase} after ${formatDurationMs(result.plan.warmupMs)} warm-up · ` +
        `${result.target.kind} target · ${env.cpuModel} × ${env.cpuCount}, ${formatBytes(env.totalMemoryBytes)} · Node ${env.nodeVersion} · sio-bench ${env.toolVersion}`;
    const sustainableStep = analysis.sustainableStepIndex === undefined ? undefined : steps[analysis.sustainableStepIndex];
    const sustainable = sustainableStep === undefined
        ? `No step met every objective: the first step (${loadText(result, result.plan.loads[0] ?? 0)}) already did not.`
        : `Highest sustainable load: ${loadText(result, sustainableStep.load)} (${stepLabel(result, sustainableStep)}) met every objective: ${result.slos.join(', ')}.`;
    const knee = analysis.knee;
    const kneeStep = knee === undefined ? undefined : steps[knee.stepIndex];
    const kneeText = knee === undefined || kneeStep === undefined
        ? 'No knee within the loads tried: latency stayed within 2× the first step and every objective held.'
        : `Knee at ${loadText(result, knee.load)} (${stepLabel(result, kneeStep)}, ${knee.reason === 'latency-rise' ? 'latency turned up' : OUTCOME_TEXT[kneeStep.outcome]}); first limit reached: ${describeResource(knee.limiting)}.`;
    const costs = [];
    const memory = analysis.costs.memory;
    costs.push(memory === undefined
        ? 'Memory per connected client: not fitted (the steps did not vary the connected clients).'
        : `Memory per connected client: ${formatBytes(memory.bytesPerClient)} (base rss ${formatBytes(memory.baseRssBytes)}; ${fitText(memory.fit, 'clients')}).`);
    const cpu = analysis.costs.cpu;
    costs.push(cpu === undefined
        ? 'CPU per delivered message: not fitted (no steps with deliveries, or no spread in deliveries per second).'
        : `CPU per delivered message: ${formatSignificant(cpu.cpuUsPerDelivery)} µs of CPU (base ${cpu.baseCpuPercent.toFixed(1)}% of a core; ${fitText(cpu.fit, 'deliveries/s')}).`);
    const projection = analysis.projection;
    const warnings = steps.flatMap((step) => [
        ...(step.hostStarvedSeconds > 0
            ? [
                `step ${step.index + 1}: in ${step.hostStarvedSeconds} of ${step.window.points} measured seconds the load generator's event loop was delayed while mostly idle: the host was short of CPU (other processes), so this step's latencies are noisy; measure on a quieter machine`,
            ]
            : []),
        ...step.warnings.map((warning) => `step ${step.index + 1}: ${warning}`),
    ]);
    return {
        title: `sio-bench capacity: ${result.scenario.name}`,
        context,
        sustainable,
        sustainableFound: sustainableStep !== undefined,
        stop: stopText(result),
        knee: kneeText,
        kneeEvidence: knee?.evidence ?? [],
        costs,
        ...(projection !== undefined
            ? {
                projection: {
                    summary: projection.processes === undefined
                        ? `${formatInteger(projection.target.clients)} clients at ${projection.target.ratePerClientPerSec} msg/s each in rooms of ${projection.target.roomSize}: not reachable with processes of this kind (${['cpu', 'memory'].filter((name) => projection[name].kind === 'infeasible').map((name) => boundDetail(name, projection[name])).join('; ')}).`
                        : `${formatInteger(projection.target.clients)} clients at ${projection.target.ratePerClientPerSec} msg/s each in rooms of ${projection.target.roomSize} ` +
                            `(${formatCompact(projection.messagesPerSec)} messages/s, ${formatCompact(projection.deliveriesPerSec)} deliveries/s) need ${formatInteger(projection.processes)} server process(es), bound by ${projection.decidedBy}` +
                            (projection.perProcess === undefined
                                ? '.'
                                : `: each with ${formatCompact(projection.perProcess.clients)} clients and ${formatCompact(projection.perProcess.deliveriesPerSec)} deliveries/s` +
                                    `${projection.perProcess.cpuPercent === undefined ? '' : `, about ${projection.perProcess.cpuPercent.toFixed(0)}% of a core`}` +
                                    `${projection.perProcess.rssBytes === undefined ? '' : ` and ${formatBytes(projection.perProcess.rssBytes)} rss`}.`),
                    table: {
                        header: ['bound', 'processes', 'how'],
                        numeric: [false, true, false],
                        rows: [
                            ['CPU', boundCell(projection.cpu), boundDetail('cpu', projection.cpu)],
                            ['memory', boundCell(projection.memory), boundDetail('memory', projection.memory)],
                            ['connections (file descriptors)', boundCell(projection.connections), boundDetail('connections', projection.connections)],
                        ],
                    },
                    assumptions: projection.assumptions,
                },
            }
            : {}),
        steps: stepsTable(result),
        warnings,
    };
}
//# sourceMappingURL=capacity-findings.js.map