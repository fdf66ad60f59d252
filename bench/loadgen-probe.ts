/**
 * Resource figures of a run of the real engine: a LiveReporter that, each time the coordinator merges a second,
 * reads the CPU time and RSS of the load-generator processes and of the server child (loadgen-process-tree.ts),
 * and the window arithmetic that turns two such readings and the run's series into per-phase figures (CPU per
 * delivered message, memory per connected client, disconnects). Readings follow the merge of second s by a
 * few ms at both edges of a window, so a window's CPU and its messages cover the same seconds.
 */
import type { RunResult, SeriesPoint } from '../loadgen/run-result.js';
import type { Scenario } from '../loadgen/scenario/schema.js';
import type { LiveReporter, LiveState } from '../loadgen/live-state.js';
import { loadAverage1m, loadgenTotals, readRunProcesses, type RunProcessesUsage } from './loadgen-process-tree.js';
import { readMemoryOutcome, type MemoryOutcome } from './memory-per-client.js';

/** The run's processes right after the coordinator merged second `tSec`. */
export interface ProbeSample {
  /** SeriesPoint.tSec of the second just merged (seconds since the run start). */
  tSec: number;
  /** Open connections at the end of that second, all load processes together. */
  open: number;
  usage: RunProcessesUsage;
  loadAverage1m: number;
}

/**
 * A reporter that keeps a ProbeSample per merged second and prints a progress line every `progressEverySec`;
 * given `memoryAtSec`, it also reads every load-generator thread's memory (memory-per-client.ts) right after
 * that second is merged.
 */
export class ResourceProbe implements LiveReporter {
  readonly samples: ProbeSample[] = [];
  private memoryReading: Promise<MemoryOutcome> | undefined;

  constructor(
    /** Prefix of the progress lines on stderr. */
    private readonly label: string,
    /** Seconds between progress lines. Default 5. */
    private readonly progressEverySec = 5,
    /** Second (since the run start) after whose merge the memory is read. Default: never. */
    private readonly memoryAtSec?: number,
  ) {}

  /** The memory read after second `memoryAtSec`; `not-reached` when the run never merged it. */
  memory(): Promise<MemoryOutcome> {
    return this.memoryReading ?? Promise.resolve({ type: 'not-reached' });
  }

  update(state: LiveState): void {
    const point = state.latest;
    if (point === undefined || this.samples.some((sample) => sample.tSec === point.tSec)) return;
    const sample: ProbeSample = { tSec: point.tSec, open: point.connections.open, usage: readRunProcesses(), loadAverage1m: loadAverage1m() };
    this.samples.push(sample);
    if (point.tSec === this.memoryAtSec) this.memoryReading = readMemoryOutcome(point.tSec, point.connections.open);
    if (point.tSec % this.progressEverySec === 0) {
      const earlier = this.at(point.tSec - this.progressEverySec);
      const cpu = (now: ProcessUsageLike | undefined, then: ProcessUsageLike | undefined): string =>
        now && then ? `${Math.round(((now.cpuUs - then.cpuUs) / (this.progressEverySec * 1_000_000)) * 100)}% CPU, ` : '';
      const server = sample.usage.server
        ? `, server ${cpu(sample.usage.server, earlier?.usage.server)}RSS ${mib(sample.usage.server.rssBytes)} MiB`
        : '';
      process.stderr.write(
        `  ${this.label}: t=${point.tSec}s ${point.phase} open=${point.connections.open} connecting=${point.connections.connecting} ` +
          `failed=${point.connections.failed}, load generator ${cpu(loadgenTotals(sample.usage), earlier && loadgenTotals(earlier.usage))}` +
          `RSS ${mib(loadgenTotals(sample.usage).rssBytes)} MiB${server}, load ${sample.loadAverage1m}\n`,
      );
    }
  }

  async finish(_result: RunResult): Promise<void> {
    return undefined;
  }

  onStopRequest(_callback: () => void): void {
    // A benchmark is never stopped from a keyboard.
  }

  /** The sample taken after second `tSec` was merged; undefined when the run never got there (it failed). */
  at(tSec: number): ProbeSample | undefined {
    return this.samples.find((candidate) => candidate.tSec === tSec);
  }
}

/** What the progress line needs of a process (or of several summed). */
type ProcessUsageLike = { cpuUs: number };

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

/** What happened between the samples after seconds `fromSec` and `toSec`. */
export interface WindowFigures {
  fromSec: number;
  toSec: number;
  /** CPU time of every load-generator process over the window, µs, and its kernel (system) part. */
  loadgenCpuUs: number;
  loadgenSystemUs: number;
  /** CPU time of the server child over the window, µs, and its kernel part (undefined without a built-in server). */
  serverCpuUs: number | undefined;
  serverSystemUs: number | undefined;
  /** Broadcast messages received by the clients in the seconds (fromSec, toSec]. */
  broadcastDeliveries: number;
  /** Client disconnects counted in those seconds. */
  disconnects: number;
  /** Least and last open connection count over those seconds. */
  minOpen: number;
  openAtEnd: number;
  /** RSS at the window's end minus at its start, load-generator processes together, bytes. */
  loadgenRssDeltaBytes: number;
  serverRssDeltaBytes: number | undefined;
  /** Busiest worker's event-loop utilisation in those seconds, 0..1 (undefined when not reported). */
  maxLoadgenUtilization: number | undefined;
  /** 1-minute load average at the window's end. */
  loadAverage1m: number;
}

/**
 * Window figures between the samples of seconds `fromSec` and `toSec` (fromSec < toSec); undefined when the run
 * did not reach both (a failed run's figures stop where it stopped).
 */
export function measureWindow(probe: ResourceProbe, series: readonly SeriesPoint[], fromSec: number, toSec: number): WindowFigures | undefined {
  if (!(fromSec < toSec)) throw new RangeError(`measureWindow: fromSec (${fromSec}) must be before toSec (${toSec})`);
  const from = probe.at(fromSec);
  const to = probe.at(toSec);
  if (from === undefined || to === undefined) return undefined;
  const points = series.filter((point) => point.tSec > fromSec && point.tSec <= toSec);
  const utilizations = points.flatMap((point) => (point.loadgen ? [point.loadgen.eventLoopUtilization] : []));
  const fromLoadgen = loadgenTotals(from.usage);
  const toLoadgen = loadgenTotals(to.usage);
  return {
    fromSec,
    toSec,
    loadgenCpuUs: toLoadgen.cpuUs - fromLoadgen.cpuUs,
    loadgenSystemUs: toLoadgen.systemUs - fromLoadgen.systemUs,
    serverCpuUs: from.usage.server && to.usage.server ? to.usage.server.cpuUs - from.usage.server.cpuUs : undefined,
    serverSystemUs: from.usage.server && to.usage.server ? to.usage.server.systemUs - from.usage.server.systemUs : undefined,
    broadcastDeliveries: points.reduce((sum, point) => sum + (point.delivery.broadcast?.received ?? 0), 0),
    disconnects: points.reduce((sum, point) => sum + point.counters.disconnects, 0),
    minOpen: Math.min(to.open, ...points.map((point) => point.connections.open)),
    openAtEnd: to.open,
    loadgenRssDeltaBytes: toLoadgen.rssBytes - fromLoadgen.rssBytes,
    serverRssDeltaBytes: from.usage.server && to.usage.server ? to.usage.server.rssBytes - from.usage.server.rssBytes : undefined,
    maxLoadgenUtilization: utilizations.length > 0 ? Math.max(...utilizations) : undefined,
    loadAverage1m: to.loadAverage1m,
  };
}

/** A phase's planned bounds in whole seconds since the run start (the benchmarks' phases last whole seconds). */
export function phaseSeconds(scenario: Pick<Scenario, 'phases'>, phaseName: string): { startSec: number; endSec: number } {
  let startMs = 0;
  for (const phase of scenario.phases) {
    if (phase.name === phaseName) return { startSec: Math.round(startMs / 1000), endSec: Math.round((startMs + phase.durationMs) / 1000) };
    startMs += phase.durationMs;
  }
  throw new Error(`the scenario has no phase '${phaseName}'`);
}
