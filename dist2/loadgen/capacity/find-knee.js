/**
 * Reads the steps for the answers of the capacity report: the highest load that met every objective, the knee
 * (where latency turns up or an objective breaks), and which resource was nearest its limit there, with the
 * figures that say so. Pure: the steps in, the findings out.
 */
import { SATURATED_DELAY_P99_US, SATURATED_UTILIZATION } from '../engine/loadgen-health.js';
/** A step counts as past the knee when its p99 latency exceeds the first step's by this factor. */
export const KNEE_LATENCY_FACTOR = 2;
/** A resource at or above this share of its limit is "near its limit". */
export const NEAR_LIMIT_SHARE = 0.8;
/** Server event-loop delay p99 that counts as the event loop's limit, µs (a blocked loop, whatever the CPU says). */
export const SERVER_EVENT_LOOP_DELAY_LIMIT_US = 100_000;
/** The latency metric the findings read: the one users care most about among those measured. */
export function headlineLatencyMetric(steps) {
    const preferred = ['broadcast', 'direct', 'echo', 'customReply', 'customAck', 'push', 'join', 'connect', 'http'];
    return preferred.find((metric) => steps.some((step) => (step.latency[metric]?.corrected.count ?? 0) > 0));
}
/** The highest load that met every objective before the first step that did not; undefined if the first failed. */
export function highestSustainableStep(steps) {
    let best;
    for (const step of steps) {
        if (step.outcome !== 'met')
            break;
        best = step;
    }
    return best;
}
function percent(share) {
    return `${Math.round(share * 100)}%`;
}
/** How near each measured resource was to its limit at `step`, nearest first. */
export function resourceShares(step, memoryLimitBytes) {
    const shares = [];
    if (step.loadgen !== undefined) {
        const { eventLoopUtilization, eventLoopDelayP99Us } = step.loadgen;
        shares.push({
            resource: 'loadgen',
            share: Math.max(eventLoopUtilization / SATURATED_UTILIZATION, eventLoopDelayP99Us / SATURATED_DELAY_P99_US),
            evidence: `load generator: saturated in ${step.loadgenSaturatedSeconds} of ${step.window.points} s; worst second: busiest worker's event loop ${percent(eventLoopUtilization)} busy, delay p99 ${(eventLoopDelayP99Us / 1000).toFixed(1)} ms (saturated above ${percent(SATURATED_UTILIZATION)} or ${SATURATED_DELAY_P99_US / 1000} ms)`,
        });
    }
    const server = step.server;
    if (server !== undefined) {
        const cpuShare = server.cpuPercentMean / (100 * Math.max(1, server.processes));
        shares.push({
            resource: 'server-cpu',
            share: cpuShare,
            evidence: `server CPU ${server.cpuPercentMean.toFixed(0)}% of a core on average (max ${server.cpuPercentMax.toFixed(0)}%) over ${server.processes} process(es)`,
        });
        shares.push({
            resource: 'event-loop',
            share: server.eventLoopDelayP99UsMax / SERVER_EVENT_LOOP_DELAY_LIMIT_US,
            evidence: `server event-loop delay p99 up to ${(server.eventLoopDelayP99UsMax / 1000).toFixed(1)} ms (limit ${SERVER_EVENT_LOOP_DELAY_LIMIT_US / 1000} ms), loop ${percent(server.eventLoopUtilizationMean)} busy`,
        });
        if (memoryLimitBytes > 0) {
            shares.push({
                resource: 'memory',
                share: server.rssBytesMax / memoryLimitBytes,
                evidence: `server memory ${(server.rssBytesMax / 2 ** 20).toFixed(0)} MiB rss of ${(memoryLimitBytes / 2 ** 20).toFixed(0)} MiB`,
            });
        }
    }
    return shares.sort((a, b) => b.share - a.share);
}
/** Which resource limited `step`, with the evidence, the deciding line first. */
export function limitingResource(step, memoryLimitBytes) {
    const shares = resourceShares(step, memoryLimitBytes);
    const lines = shares.map((share) => share.evidence);
    if (step.loadgenSaturated) {
        const loadgen = shares.find((share) => share.resource === 'loadgen');
        return { limiting: 'loadgen', evidence: [...(loadgen !== undefined ? [loadgen.evidence] : []), ...lines.filter((line) => line !== loadgen?.evidence)] };
    }
    const serverSide = shares.filter((share) => share.resource !== 'loadgen');
    const nearest = serverSide[0];
    if (nearest !== undefined && nearest.share >= NEAR_LIMIT_SHARE) {
        return { limiting: nearest.resource, evidence: [nearest.evidence, ...lines.filter((line) => line !== nearest.evidence)] };
    }
    const { lost, expected } = step.delivery;
    const failures = step.counters.connectFailures;
    if (lost > 0 || failures > 0) {
        return {
            limiting: 'network',
            evidence: [
                `no measured resource was near its limit, yet ${lost} of ${expected} messages were lost and ${failures} connections failed: suspect the network or socket limits`,
                ...lines,
            ],
        };
    }
    return {
        limiting: 'none',
        evidence: [
            `no measured resource was near its limit (${NEAR_LIMIT_SHARE * 100}% of it): the objective broke for another reason, such as a slow handler, an injected delay or queueing in the server`,
            ...lines,
        ],
    };
}
/**
 * The knee: the first step that did not meet the objectives, or the first whose p99 of the headline metric is
 * more than KNEE_LATENCY_FACTOR times the first step's, whichever comes first. Undefined when latency stayed
 * flat and every step met the objectives (the knee is beyond the loads tried).
 */
export function findKnee(steps, memoryLimitBytes) {
    const metric = headlineLatencyMetric(steps);
    const baselineUs = metric === undefined ? undefined : steps[0]?.latency[metric]?.corrected.p99Us;
    for (const step of steps) {
        let reason;
        if (step.outcome !== 'met')
            reason = step.outcome;
        else if (metric !== undefined && baselineUs !== undefined && baselineUs > 0) {
            const p99Us = step.latency[metric]?.corrected.p99Us;
            if (p99Us !== undefined && p99Us > KNEE_LATENCY_FACTOR * baselineUs)
                reason = 'latency-rise';
        }
        if (reason === undefined)
            continue;
        const { limiting, evidence } = limitingResource(step, memoryLimitBytes);
        const why = [];
        if (reason === 'latency-rise' && metric !== undefined && baselineUs !== undefined) {
            why.push(`${metric} latency p99 ${((step.latency[metric]?.corrected.p99Us ?? 0) / 1000).toFixed(1)} ms is more than ${KNEE_LATENCY_FACTOR}× the first step's ${(baselineUs / 1000).toFixed(1)} ms`);
        }
        for (const slo of step.slos)
            if (!slo.passed)
                why.push(`objective broken: ${slo.message}`);
        if (step.failure !== undefined)
            why.push(`the step's run ${step.status}: ${step.failure.message}`);
        return { stepIndex: step.index, load: step.load, reason, limiting, evidence: [...evidence, ...why] };
    }
    return undefined;
}
//# sourceMappingURL=find-knee.js.map