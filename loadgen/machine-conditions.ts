/**
 * The state of the machine while a run ran, so that `compare` can tell a change of the build from a change of the
 * machine (loadgen/compare/environment-check.ts). Three independent readings:
 * - a fixed calibration task timed before the target starts and after it stops, when none of the run's own
 *   processes are busy, fastest of 7 rounds: it slows down only when something else keeps the cores (or the CPU
 *   is throttled);
 * - the 1-minute load average, sampled every second during the run;
 * - CPU steal from /proc/stat over the run (Linux; absent elsewhere): time the hypervisor gave to other guests.
 * The coordinator adds the seconds in which the load generator was saturated.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { median } from './compare/sample-statistics.js';
import type { MachineConditions } from './run-result.js';

/**
 * Times the calibration task is run at each end; the fastest is kept: a burst of another process slows some
 * rounds, and only a machine that stays busier (or slower) slows them all.
 */
const CALIBRATION_ROUNDS = 7;

/** Iterations of the calibration task: about 10 ms on a 2020s core. */
const CALIBRATION_ITERATIONS = 2_000_000;

/** Interval of the load-average samples, ms. */
const LOAD_SAMPLE_INTERVAL_MS = 1000;

/**
 * One round of the calibration task: integer and floating-point work with a data dependency the JIT cannot
 * remove, ms. The figure is only ever compared with another taken on the same build of sio-bench.
 */
export function calibrationRoundMs(iterations = CALIBRATION_ITERATIONS): number {
  const started = performance.now();
  let state = 0x9e3779b9;
  let sum = 0;
  for (let index = 0; index < iterations; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    sum += Math.sqrt((state >>> 0) + index);
  }
  const elapsedMs = performance.now() - started;
  // Keep `sum` observable, so the loop is not dead code.
  if (sum === -1) throw new Error('unreachable');
  return elapsedMs;
}

/** The fastest of `rounds` rounds (default CALIBRATION_ROUNDS), ms. */
export function calibrateMs(rounds = CALIBRATION_ROUNDS, iterations = CALIBRATION_ITERATIONS): number {
  return Math.min(...Array.from({ length: rounds }, () => calibrationRoundMs(iterations)));
}

/** Jiffies of the aggregate `cpu` line of /proc/stat: total, idle (idle + iowait) and steal. */
interface CpuJiffies {
  total: number;
  idle: number;
  steal: number;
}

/** Parses the aggregate `cpu` line of /proc/stat's text; undefined when it has none. */
export function parseProcStatCpu(text: string): CpuJiffies | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith('cpu '));
  if (line === undefined) return undefined;
  // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already inside user.
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (fields.length < 4 || fields.some((value) => !Number.isFinite(value))) return undefined;
  return {
    total: fields.reduce((sum, value) => sum + value, 0),
    idle: (fields[3] ?? 0) + (fields[4] ?? 0),
    steal: fields[7] ?? 0,
  };
}

async function readCpuJiffies(): Promise<CpuJiffies | undefined> {
  try {
    return parseProcStatCpu(await readFile('/proc/stat', 'utf8'));
  } catch (error) {
    // Not Linux (or /proc not mounted): steal is then simply not known.
    if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EACCES')) return undefined;
    throw error;
  }
}

/** Samples the conditions between begin() (before the target starts) and end() (after it stopped). */
export class MachineConditionsSampler {
  private calibrationBeforeMs = 0;
  private startJiffies: CpuJiffies | undefined;
  private readonly loadSamples: number[] = [];
  private timer: NodeJS.Timeout | undefined;

  /** Calibrates, reads /proc/stat and starts the load-average samples. */
  async begin(): Promise<void> {
    this.calibrationBeforeMs = calibrateMs();
    this.startJiffies = await readCpuJiffies();
    this.loadSamples.push(os.loadavg()[0] ?? 0);
    this.timer = setInterval(() => this.loadSamples.push(os.loadavg()[0] ?? 0), LOAD_SAMPLE_INTERVAL_MS);
    this.timer.unref();
  }

  /** Stops sampling, calibrates again, and returns the conditions with the coordinator's `saturatedSeconds`. */
  async end(saturatedSeconds: number): Promise<MachineConditions> {
    clearInterval(this.timer);
    const endJiffies = await readCpuJiffies();
    const conditions: MachineConditions = {
      calibrationBeforeMs: round3(this.calibrationBeforeMs),
      calibrationAfterMs: round3(calibrateMs()),
      loadAverageMean: round3(this.loadSamples.reduce((sum, value) => sum + value, 0) / Math.max(1, this.loadSamples.length)),
      loadAverageMax: round3(Math.max(0, ...this.loadSamples)),
      cpuCount: os.availableParallelism(),
      saturatedSeconds,
    };
    if (this.startJiffies !== undefined && endJiffies !== undefined) {
      const total = endJiffies.total - this.startJiffies.total;
      if (total > 0) {
        conditions.stealFraction = round3((endJiffies.steal - this.startJiffies.steal) / total);
        conditions.busyFraction = round3(1 - (endJiffies.idle - this.startJiffies.idle) / total);
      }
    }
    return conditions;
  }
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * The conditions of several runs in a row (the repetitions of one side) as one: the median calibration before
 * and after (one busy moment does not stand for the whole side), load averages' mean of means and highest, steal
 * and busy shares averaged, saturated seconds summed. Undefined when no run recorded its conditions.
 */
export function combineConditions(list: ReadonlyArray<MachineConditions | undefined>): MachineConditions | undefined {
  const known = list.filter((conditions): conditions is MachineConditions => conditions !== undefined);
  const first = known[0];
  if (first === undefined) return undefined;
  const mean = (values: number[]): number => round3(values.reduce((sum, value) => sum + value, 0) / values.length);
  const combined: MachineConditions = {
    calibrationBeforeMs: round3(median(known.map((conditions) => conditions.calibrationBeforeMs))),
    calibrationAfterMs: round3(median(known.map((conditions) => conditions.calibrationAfterMs))),
    loadAverageMean: mean(known.map((conditions) => conditions.loadAverageMean)),
    loadAverageMax: Math.max(...known.map((conditions) => conditions.loadAverageMax)),
    cpuCount: first.cpuCount,
    saturatedSeconds: known.reduce((sum, conditions) => sum + conditions.saturatedSeconds, 0),
  };
  const steal = known.flatMap((conditions) => (conditions.stealFraction === undefined ? [] : [conditions.stealFraction]));
  if (steal.length > 0) combined.stealFraction = mean(steal);
  const busy = known.flatMap((conditions) => (conditions.busyFraction === undefined ? [] : [conditions.busyFraction]));
  if (busy.length > 0) combined.busyFraction = mean(busy);
  return combined;
}
