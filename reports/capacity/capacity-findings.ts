/**
 * The answers of the capacity report in words and table cells, built once from a CapacityResult so that the
 * HTML and Markdown reports say the same thing. Plain text: each renderer escapes it for its own format.
 */
import type { CapacityResult } from '../../loadgen/capacity/capacity-result.js';
import type { CapacityStep } from '../../loadgen/capacity/capacity-step.js';
import { brokenText, headlineLatencyMetric, KNEE_LATENCY_FACTOR, latencyRises, type KneeReason, type LimitingResource } from '../../loadgen/capacity/find-knee.js';
import type { ProjectionBound } from '../../loadgen/capacity/project-processes.js';
import { formatStepIncrement } from '../../loadgen/capacity/capacity-schema.js';
import { formatBytes, formatCompact, formatDurationMs, formatInteger, formatLatencyUs, formatSignificant } from '../format.js';

/** A table as header cells and rows of cells. */
export interface TextTable {
  header: string[];
  /** Right-aligned columns (numbers), by index. */
  numeric: boolean[];
  rows: string[][];
}

/** Everything the capacity reports print. */
export interface CapacityFindings {
  title: string;
  /** One line: scenario, dimension, plan, machine. */
  context: string;
  /** The headline answer: highest sustainable load (or why there is none). */
  sustainable: string;
  /** Whether the answer is good news (some load met every objective and the stop was not the load generator). */
  sustainableFound: boolean;
  /** Why the steps stopped. */
  stop: string;
  knee: string;
  kneeEvidence: string[];
  costs: string[];
  projection?: { summary: string; table: TextTable; assumptions: string[] };
  steps: TextTable;
  /** One line per step warning worth reading (e.g. load generator saturation). */
  warnings: string[];
}

/** How a resource reads in a sentence. */
export function describeResource(resource: LimitingResource): string {
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

function loadText(result: CapacityResult, load: number): string {
  return `${formatSignificant(load, 6)} ${result.loadUnit}`;
}

function stepLabel(result: CapacityResult, step: CapacityStep): string {
  return `step ${step.index + 1} of ${result.plan.loads.length}`;
}

function stopText(result: CapacityResult): string {
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
      if (reason.kind === 'interrupted') return `Interrupted at ${at}.`;
      if (reason.kind === 'run-failed') return `Stopped at ${at}: the step's run failed${step?.failure === undefined ? '' : `: ${step.failure.message}`}.`;
      if (reason.kind === 'loadgen-saturated') {
        return `Stopped at ${at}: the load generator itself was saturated, so this step measured the load generator, not the server. The server's limit is at least the last sustainable step; measure further with more --workers or load generators on other machines.`;
      }
      const broken = step?.slos.filter((slo) => !slo.passed).map((slo) => slo.message) ?? [];
      return `Stopped at ${at}: ${broken.length === 1 ? 'an objective broke' : `${broken.length} objectives broke`}: ${broken.join('; ')}.`;
    }
  }
}

function fitText(fit: { n: number; r2: number; xMin: number; xMax: number }, xUnit: string): string {
  return `least squares over ${fit.n} server samples, r² ${fit.r2.toFixed(2)}, ${formatCompact(fit.xMin)}–${formatCompact(fit.xMax)} ${xUnit}`;
}

function boundCell(bound: ProjectionBound): string {
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
function boundDetail(name: 'cpu' | 'memory' | 'connections', bound: ProjectionBound): string {
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

const OUTCOME_TEXT: Readonly<Record<CapacityStep['outcome'], string>> = {
  met: 'met',
  'slo-broken': 'objective broken',
  'loadgen-saturated': 'load generator saturated',
  'run-failed': 'run failed',
};

function stepsTable(result: CapacityResult): TextTable {
  const metric = headlineLatencyMetric(result.steps);
  const header = ['step', `load (${result.loadUnit})`, 'outcome', 'offered/s', 'sent/s', 'deliveries/s'];
  if (metric !== undefined) header.push(`${metric} p50`, `${metric} p99`);
  header.push('server CPU', 'server rss', 'server loop p99', 'loadgen loop', ...result.slos);
  const rows = result.steps.map((step) => {
    const row = [
      String(step.index + 1),
      formatSignificant(step.load, 6),
      step.firstMeasurement === undefined ? OUTCOME_TEXT[step.outcome] : `${OUTCOME_TEXT[step.outcome]} (re-measured)`,
      formatCompact(step.offeredSendPerSec),
      formatCompact(step.sendPerSec),
      formatCompact(step.deliveriesPerSec),
    ];
    if (metric !== undefined) {
      const summary = step.latency[metric]?.corrected;
      row.push(summary === undefined || summary.count === 0 ? '-' : formatLatencyUs(summary.p50Us), summary === undefined || summary.count === 0 ? '-' : formatLatencyUs(summary.p99Us));
    }
    row.push(
      step.server === undefined ? '-' : `${step.server.cpuPercentMean.toFixed(0)}%`,
      step.server === undefined ? '-' : formatBytes(step.server.rssBytesMax),
      step.server === undefined ? '-' : formatLatencyUs(step.server.eventLoopDelayP99UsMax),
      step.loadgen === undefined ? '-' : `${Math.round(step.loadgen.eventLoopUtilization * 100)}% busy`,
      ...step.slos.map((slo) => `${slo.passed ? 'pass' : 'FAIL'}${slo.noSamples ? ' (no samples)' : `: ${formatSignificant(slo.actual, 4)}${slo.unit === 'count' || slo.unit === 'ratio' ? '' : slo.unit}`}`),
    );
    return row;
  });
  const numeric = header.map((_, index) => index !== 2 && index < header.length - result.slos.length);
  return { header, numeric, rows };
}

const KNEE_REASON_TEXT: Readonly<Record<KneeReason, string>> = {
  'latency-rise': `latency rose past ${KNEE_LATENCY_FACTOR}× the first step's and stayed there`,
  'slo-broken': 'objective broken',
  'loadgen-saturated': 'load generator saturated',
  'run-failed': 'run failed',
};

/** Why there is no knee, in words that match what the steps did (a rise that did not last is named). */
function noKneeText(result: CapacityResult): string {
  const held = result.steps.every((step) => step.outcome === 'met');
  const lead = held ? 'No knee within the loads tried: every objective held' : 'No knee within the loads tried';
  const rises = latencyRises(result.steps);
  if (rises.length === 0) return `${lead}, and ${headlineLatencyMetric(result.steps) ?? 'latency'} p99 stayed within ${KNEE_LATENCY_FACTOR}× the first step's.`;
  const told = rises.map((rise) => {
    const at = `${rise.metric} p99 ${formatLatencyUs(rise.p99Us)} at ${loadText(result, rise.load)}`;
    const over = `over ${KNEE_LATENCY_FACTOR}× the first step's ${formatLatencyUs(rise.baselineUs)}`;
    if (rise.verdict === 'unconfirmed') return `${at}, the last step, is ${over}, with no step after it to confirm a knee (raise --max)`;
    const next = rise.next;
    const after = next === undefined ? '' : `, ${next.p99Us === undefined ? 'no samples' : formatLatencyUs(next.p99Us)} at ${loadText(result, next.load)}`;
    return `${at} (${over}) did not last: the next step came back within it${after}`;
  });
  return `${lead}; ${told.join('; ')}.`;
}

/** The findings of `result`. */
export function buildCapacityFindings(result: CapacityResult): CapacityFindings {
  const { analysis, steps } = result;
  const env = result.environment;
  const context =
    `${result.scenario.name}: ${result.dimension} from ${formatSignificant(result.plan.loads[0] ?? 0, 6)} by ${formatStepIncrement(result.plan.step)} ` +
    `up to ${formatSignificant(result.plan.loads[result.plan.loads.length - 1] ?? 0, 6)} ${result.loadUnit}, ` +
    `each step measured over ${formatDurationMs(result.plan.holdPerStepMs)} of phase ${result.phase} after ${formatDurationMs(result.plan.warmupMs)} warm-up · ` +
    `${result.target.kind} target · ${env.cpuModel} × ${env.cpuCount}, ${formatBytes(env.totalMemoryBytes)} · Node ${env.nodeVersion} · sio-bench ${env.toolVersion}`;
  const sustainableStep = analysis.sustainableStepIndex === undefined ? undefined : steps[analysis.sustainableStepIndex];
  const sustainable =
    sustainableStep === undefined
      ? `No step met every objective: the first step (${loadText(result, result.plan.loads[0] ?? 0)}) already did not.`
      : `Highest sustainable load: ${loadText(result, sustainableStep.load)} (${stepLabel(result, sustainableStep)}) met every objective: ${result.slos.join(', ')}.`;
  const knee = analysis.knee;
  const kneeStep = knee === undefined ? undefined : steps[knee.stepIndex];
  const kneeText =
    knee === undefined || kneeStep === undefined
      ? noKneeText(result)
      : `Knee at ${loadText(result, knee.load)} (${stepLabel(result, kneeStep)}, ${KNEE_REASON_TEXT[knee.reason]}); first limit reached: ${describeResource(knee.limiting)}.`;
  const costs: string[] = [];
  const memory = analysis.costs.memory;
  costs.push(
    memory === undefined
      ? 'Memory per connected client: not fitted (the steps did not vary the connected clients).'
      : `Memory per connected client: ${formatBytes(memory.bytesPerClient)} (base rss ${formatBytes(memory.baseRssBytes)}; ${fitText(memory.fit, 'clients')}).`,
  );
  const cpu = analysis.costs.cpu;
  costs.push(
    cpu === undefined
      ? 'CPU per delivered message: not fitted (no steps with deliveries, or no spread in deliveries per second).'
      : `CPU per delivered message: ${formatSignificant(cpu.cpuUsPerDelivery)} µs of CPU (base ${cpu.baseCpuPercent.toFixed(1)}% of a core; ${fitText(cpu.fit, 'deliveries/s')}).`,
  );
  const projection = analysis.projection;
  const warnings = steps.flatMap((step) => [
    ...(step.hostStarvedSeconds > 0
      ? [
          `step ${step.index + 1}: in ${step.hostStarvedSeconds} of ${step.window.points} measured seconds the load generator's event loop was delayed while mostly idle: the host was short of CPU (other processes), so this step's latencies are noisy; measure on a quieter machine`,
        ]
      : []),
    ...(step.firstMeasurement !== undefined
      ? [
          step.outcome === 'met'
            ? `step ${step.index + 1}: the first measurement broke ${brokenText(step.firstMeasurement.slos)}; a re-measure at the same load met every objective, so the step counts as met and its figures are the re-measure's`
            : `step ${step.index + 1}: the first measurement broke ${brokenText(step.firstMeasurement.slos)}; a re-measure at the same load confirmed it (${OUTCOME_TEXT[step.outcome]}); its figures are the re-measure's`,
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
            summary:
              projection.processes === undefined
                ? `${formatInteger(projection.target.clients)} clients at ${projection.target.ratePerClientPerSec} msg/s each in rooms of ${projection.target.roomSize}: not reachable with processes of this kind (${(['cpu', 'memory'] as const).filter((name) => projection[name].kind === 'infeasible').map((name) => boundDetail(name, projection[name])).join('; ')}).`
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
