/**
 * `npm run bench`: runs every benchmark in `benchmarks` in order and prints each report to stdout (progress to
 * stderr), headed by the machine it ran on. A later benchmark is added with one line in the list below.
 *
 * Usage: node dist/bench/run-all.js [NAME ...] [--quick] [--only NAME[,NAME]] [--rounds N] [--measure-ms MS] [--warmup-ms MS] [--clients N] [--comparisons N]
 */
import { Command } from 'commander';
import type { BenchModule, BenchSettings } from './bench-module.js';
import { describeMachine, machineInfo } from './machine-info.js';
import { facadeOverheadBench } from './facade-overhead/facade-overhead-bench.js';
import { clientCostBench } from './client-cost/client-cost-bench.js';
import { measureHistogramBench } from './measure-histogram.js';
import { loadgenClientKindsBench } from './loadgen-client-kinds-bench.js';
import { loadgenHoldBench } from './loadgen-hold-bench.js';
import { clusterScalingBench } from './cluster-scaling/cluster-scaling-bench.js';
import { clusterHoldBench } from './cluster-hold-bench.js';
import { rawFloorBench } from './raw-floor/raw-floor-bench.js';
import { gateFalseAlarmsBench } from './gate-false-alarms/gate-false-alarms-bench.js';
import { positiveInteger } from '../bin/commands/option-parsers.js';

const benchmarks: BenchModule[] = [
  facadeOverheadBench,
  clientCostBench,
  measureHistogramBench,
  loadgenClientKindsBench,
  loadgenHoldBench,
  rawFloorBench,
  clusterScalingBench,
  clusterHoldBench,
  gateFalseAlarmsBench,
];

/** Defaults sized for a small shared machine: about 35 s for facade-overhead. */
const DEFAULT_SETTINGS: BenchSettings = { measureMs: 3000, warmupMs: 1000, rounds: 4, clients: 32 };

async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('run-all')
    .argument('[names...]', 'benchmarks to run (same as --only); default: all')
    .option('--quick', 'shorter holds and phases (noisier figures)', false)
    .option('--only <names>', `comma-separated benchmarks to run (${benchmarks.map((b) => b.name).join(', ')})`)
    .option('--rounds <n>', 'rounds per benchmark', positiveInteger('--rounds'), DEFAULT_SETTINGS.rounds)
    .option('--measure-ms <ms>', 'measured time per server per round', positiveInteger('--measure-ms'), DEFAULT_SETTINGS.measureMs)
    .option('--warmup-ms <ms>', 'unmeasured warm-up before each measurement', positiveInteger('--warmup-ms'), DEFAULT_SETTINGS.warmupMs)
    .option('--clients <n>', 'concurrent load clients', positiveInteger('--clients'), DEFAULT_SETTINGS.clients)
    .option('--comparisons <n>', 'comparisons per experiment of gate-false-alarms (default 20, 5 with --quick)', positiveInteger('--comparisons'))
    .parse([...argv]);
  const flags = program.opts<{ only?: string; quick: boolean; rounds: number; measureMs: number; warmupMs: number; clients: number; comparisons?: number }>();
  const settings: BenchSettings = { rounds: flags.rounds, measureMs: flags.measureMs, warmupMs: flags.warmupMs, clients: flags.clients, quick: flags.quick };
  if (flags.comparisons !== undefined) settings.comparisons = flags.comparisons;
  const named = [...(program.processedArgs[0] as string[]), ...(flags.only?.split(',') ?? [])].map((name) => name.trim()).filter((name) => name !== '');
  const wanted = named.length > 0 ? named : undefined;
  const unknown = wanted?.filter((name) => !benchmarks.some((b) => b.name === name)) ?? [];
  if (unknown.length > 0) {
    process.stderr.write(`run-all: unknown benchmark(s) ${unknown.join(', ')}; known: ${benchmarks.map((b) => b.name).join(', ')}\n`);
    return 2;
  }
  process.stdout.write(`machine: ${describeMachine(machineInfo())}\n\n`);
  for (const bench of benchmarks) {
    if (wanted !== undefined && !wanted.includes(bench.name)) continue;
    process.stderr.write(`${bench.name}: ${bench.description}\n`);
    process.stdout.write(`${await bench.run(settings)}\n\n`);
  }
  return 0;
}

process.exitCode = await main(process.argv);
