/**
 * Reads the steps for the answers of the capacity report: the highest load that met every objective, the knee
 * (where latency turns up or an objective breaks), and which resource was nearest its limit there, with the
 * figures that say so. Pure: the steps in, the findings out.
 */
import { SATURATED_DELAY_P99_US, SATURATED_UTILIZATION } from '../engine/loadgen-health.js';
import type { LatencyMetric } from '../metric-names.js';
import type { ThresholdEvaluation } from '../thresholds/evaluate-thresholds.js';
import type { CapacityStep } from './capacity-step.js';

/** A step counts as past the knee when its p99 latency exceeds the first step's by this factor. */
export const KNEE_LATENCY_FACTOR = 2;
/** A resource at or above this share of its limit is "near its limit". */
export const NEAR_LIMIT_SHARE = 0.8;
/** Server event-loop delay p99 that counts as the event loop's limit, µs (a blocked loop, whatever the CPU says). */
export const SERVER_EVENT_LOOP_DELAY_LIMIT_US = 100_000;

/** What limited the load. 'none': no measured resource was near its limit (e.g. an injected delay). */
export type LimitingResource = 'server-cpu' | 'event-loop' | 'memory' | 'network' | 'loadgen' | 'none';

/** How close one resource was to its limit at a step. */
export interface ResourceShare {
  resource: Exclude<LimitingResource, 'none' | 'network'>;
  /** Share of the limit, 0..1 and beyond (1 = at the limit). */
  share: number;
  /** The figures behind it, in words. */
  evidence: string;
}

/** Why a step is the knee. */
export type KneeReason = 'slo-broken' | 'loadgen-saturated' | 'run-failed' | 'latency-rise';

/** The knee of a capacity run. */
export interface KneeFinding {
  stepIndex: number;
  load: number;
  reason: KneeReason;
  limiting: LimitingResource;
  /** One line per piece of evidence, the deciding one first. */
  evidence: string[];
}

/** The latency metric the findings read: the one users care most about among those measured. */
export function headlineLatencyMetric(steps: readonly CapacityStep[]): LatencyMetric | undefined {
  const preferred: LatencyMetric[] = ['broadcast', 'direct', 'echo', 'customReply', 'customAck', 'push', 'join', 'connect', 'http'];
  return preferred.find((metric) => steps.some((step) => (step.latency[metric]?.corrected.count ?? 0) > 0));
}

/** The highest load that met every objective before the first step that did not; undefined if the first failed. */
export function highestSustainableStep(steps: readonly CapacityStep[]): CapacityStep | undefined {
  let best: CapacityStep | undefined;
  for (const step of steps) {
    if (step.outcome !== 'met') break;
    best = step;
  }
  return best;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** How near each measured resource was to its limit at `step`, nearest first. */
export function resourceShares(step: CapacityStep, memoryLimitBytes: number): ResourceShare[] {
  const shares: ResourceShare[] = [];
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

/** Which resource limited `step`, with the evidence, the deciding line first; `reason` says what happened there. */
export function limitingResource(step: CapacityStep, memoryLimitBytes: number, reason: KneeReason): { limiting: LimitingResource; evidence: string[] } {
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
  return { limiting: 'none', evidence: [`no measured resource was near its limit (${NEAR_LIMIT_SHARE * 100}% of it): ${UNEXPLAINED[reason]}`, ...lines] };
}

/** What the 'none' line says happened, by what made the step the knee. */
const UNEXPLAINED: Readonly<Record<KneeReason, string>> = {
  'slo-broken': 'the objective broke for another reason, such as a slow handler, an injected delay or queueing in the server',
  'latency-rise': 'every objective held, yet latency rose for another reason, such as a slow handler, an injected delay or queueing in the server',
  'run-failed': "the step's run failed (below)",
  'loadgen-saturated': 'the load generator was saturated (below)',
};

/**
 * A met step whose headline p99 is more than KNEE_LATENCY_FACTOR times the first step's, and whether the next
 * step says it lasted: one noisy step (a stall of the machine, another process) is not a knee.
 */
export interface LatencyRise {
  stepIndex: number;
  load: number;
  metric: LatencyMetric;
  p99Us: number;
  /** The first step's p99, µs. */
  baselineUs: number;
  /**
   * 'sustained': the next step's p99 is above the factor too, or the next step did not meet the objectives;
   * 'recovered': the next step met them within the factor; 'unconfirmed': no step was measured after it.
   */
  verdict: 'sustained' | 'recovered' | 'unconfirmed';
  /** The next step's p99 (µs) and load, when there is one. */
  next?: { load: number; p99Us: number | undefined; outcome: CapacityStep['outcome'] };
}

/** Every met step whose headline p99 rose past KNEE_LATENCY_FACTOR × the first step's, in order. */
export function latencyRises(steps: readonly CapacityStep[]): LatencyRise[] {
  const metric = headlineLatencyMetric(steps);
  const baselineUs = metric === undefined ? undefined : steps[0]?.latency[metric]?.corrected.p99Us;
  if (metric === undefined || baselineUs === undefined || baselineUs <= 0) return [];
  const p99Of = (step: CapacityStep): number | undefined => step.latency[metric]?.corrected.p99Us;
  const risen = (step: CapacityStep): boolean => (p99Of(step) ?? 0) > KNEE_LATENCY_FACTOR * baselineUs;
  const rises: LatencyRise[] = [];
  steps.forEach((step, position) => {
    if (step.outcome !== 'met' || !risen(step)) return;
    const following = steps[position + 1];
    const verdict = following === undefined ? 'unconfirmed' : following.outcome !== 'met' || risen(following) ? 'sustained' : 'recovered';
    rises.push({
      stepIndex: step.index,
      load: step.load,
      metric,
      p99Us: p99Of(step) ?? 0,
      baselineUs,
      verdict,
      ...(following !== undefined ? { next: { load: following.load, p99Us: p99Of(following), outcome: following.outcome } } : {}),
    });
  });
  return rises;
}

function ms(us: number): string {
  return `${(us / 1000).toFixed(1)} ms`;
}

/**
 * The knee: the first step that did not meet the objectives (a broken objective is re-measured before the run
 * stops, run-capacity.ts), or the first whose p99 of the headline metric is more than KNEE_LATENCY_FACTOR times
 * the first step's and stays so at the next step, whichever comes first. Undefined when every objective held and
 * no rise lasted (the knee is beyond the loads tried, or a rise at the last step is unconfirmed).
 */
export function findKnee(steps: readonly CapacityStep[], memoryLimitBytes: number): KneeFinding | undefined {
  const sustained = new Map(latencyRises(steps).filter((rise) => rise.verdict === 'sustained').map((rise) => [rise.stepIndex, rise]));
  for (const step of steps) {
    const rise = sustained.get(step.index);
    const reason: KneeReason | undefined = step.outcome !== 'met' ? step.outcome : rise !== undefined ? 'latency-rise' : undefined;
    if (reason === undefined) continue;
    const { limiting, evidence } = limitingResource(step, memoryLimitBytes, reason);
    const why: string[] = [];
    if (rise !== undefined && rise.next !== undefined) {
      const after =
        rise.next.outcome === 'met'
          ? `and stayed so at the next step (${rise.next.p99Us === undefined ? 'no samples' : ms(rise.next.p99Us)} at load ${rise.next.load})`
          : `and the next step (load ${rise.next.load}) did not meet the objectives`;
      why.push(`${rise.metric} latency p99 ${ms(rise.p99Us)} is more than ${KNEE_LATENCY_FACTOR}× the first step's ${ms(rise.baselineUs)}, ${after}`);
    }
    for (const slo of step.slos) if (!slo.passed) why.push(`objective broken: ${slo.message}`);
    if (step.firstMeasurement !== undefined) why.push(`confirmed by a re-measure at the same load (the first measurement broke: ${brokenText(step.firstMeasurement.slos)})`);
    if (step.failure !== undefined) why.push(`the step's run ${step.status}: ${step.failure.message}`);
    return { stepIndex: step.index, load: step.load, reason, limiting, evidence: [...evidence, ...why] };
  }
  return undefined;
}

/** The broken objectives among `slos`, as one phrase. */
export function brokenText(slos: readonly ThresholdEvaluation[]): string {
  return slos.filter((slo) => !slo.passed).map((slo) => slo.message).join('; ');
}
