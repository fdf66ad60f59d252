/**
 * The figures of the facade-overhead benchmark, computed from the measured windows: throughput (acks/s) and
 * server CPU per message (µs) of each server, and the reference/bare ratios. Pure: no I/O, no clock.
 */
import type { WindowMeasurement } from './closed-loop-driver.js';

/** One server's totals over every round. */
export interface ServerFigures {
  acks: number;
  acksPerSec: number;
  cpuUsPerMessage: number;
}

export interface OverheadFigures {
  reference: ServerFigures;
  bare: ServerFigures;
  /** reference / bare throughput: below 1 means the facade is slower. */
  throughputRatio: number;
  /** reference / bare CPU per message: above 1 means the facade costs more CPU. */
  cpuPerMessageRatio: number;
  /** The same two ratios round by round, to show the noise. */
  throughputRatioByRound: number[];
  cpuPerMessageRatioByRound: number[];
  /** Medians of the per-round ratios: less swayed than the totals by one round disturbed by other load. */
  throughputRatioMedian: number;
  cpuPerMessageRatioMedian: number;
}

/** The median of a non-empty list (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** Totals of a list of windows: throughput over the summed time, CPU over the summed acks. */
export function serverFigures(windows: readonly WindowMeasurement[]): ServerFigures {
  let acks = 0;
  let elapsedMs = 0;
  let cpuUs = 0;
  for (const window of windows) {
    acks += window.acks;
    elapsedMs += window.elapsedMs;
    cpuUs += window.serverCpuUs;
  }
  return {
    acks,
    acksPerSec: elapsedMs > 0 ? (acks * 1000) / elapsedMs : 0,
    cpuUsPerMessage: acks > 0 ? cpuUs / acks : 0,
  };
}

/** Compares the reference server's windows with the bare server's, round by round (same index, same round). */
export function overheadFigures(reference: readonly WindowMeasurement[], bare: readonly WindowMeasurement[]): OverheadFigures {
  if (reference.length !== bare.length || reference.length === 0) {
    throw new RangeError(`need the same non-zero number of rounds for both servers (got ${reference.length} and ${bare.length})`);
  }
  const ref = serverFigures(reference);
  const base = serverFigures(bare);
  const throughputRatioByRound: number[] = [];
  const cpuPerMessageRatioByRound: number[] = [];
  for (let round = 0; round < reference.length; round += 1) {
    const refRound = serverFigures(reference.slice(round, round + 1));
    const bareRound = serverFigures(bare.slice(round, round + 1));
    throughputRatioByRound.push(refRound.acksPerSec / bareRound.acksPerSec);
    cpuPerMessageRatioByRound.push(refRound.cpuUsPerMessage / bareRound.cpuUsPerMessage);
  }
  return {
    reference: ref,
    bare: base,
    throughputRatio: ref.acksPerSec / base.acksPerSec,
    cpuPerMessageRatio: ref.cpuUsPerMessage / base.cpuUsPerMessage,
    throughputRatioByRound,
    cpuPerMessageRatioByRound,
    throughputRatioMedian: median(throughputRatioByRound),
    cpuPerMessageRatioMedian: median(cpuPerMessageRatioByRound),
  };
}

/** The facade's cost in percent from a ratio where 1 means equal: throughput 0.97 → 3.1 % (bare/ref − 1). */
export function costPercentFromThroughputRatio(ratio: number): number {
  return (1 / ratio - 1) * 100;
}

/** The facade's cost in percent from a CPU-per-message ratio: 1.04 → 4 %. */
export function costPercentFromCpuRatio(ratio: number): number {
  return (ratio - 1) * 100;
}
