/**
 * `sio-bench capacity FILE --slo '...'`: raises the scenario's load step by step (clients, message rate or rooms)
 * until an objective breaks or the load generator saturates, and writes capacity.json, capacity.html and
 * capacity.md. Exit codes: 0 a sustainable load was found, 1 not even the first step met the objectives,
 * 2 bad input, 3 the first step's run could not be carried out, 130 interrupted.
 */
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { runCapacity, type CapacityPlanOverrides } from '../../loadgen/capacity/run-capacity.js';
import type { CapacityResult } from '../../loadgen/capacity/capacity-result.js';
import { CAPACITY_DIMENSIONS, parseStepIncrement, type CapacityDimension } from '../../loadgen/capacity/capacity-schema.js';
import type { ProjectionLimits } from '../../loadgen/capacity/project-processes.js';
import { runScenario } from '../../loadgen/engine/coordinator.js';
import { defaultOutputDir, prepareOutputDir } from '../../loadgen/result/write-result.js';
import { ScenarioError } from '../../loadgen/scenario/scenario-error.js';
import { parseByteSize, parseDurationMs } from '../../loadgen/units.js';
import { createPlainReporter } from '../../reports/live/plain-reporter.js';
import { buildCapacityFindings } from '../../reports/capacity/capacity-findings.js';
import { writeCapacityReports } from '../../reports/capacity/write-capacity-reports.js';
import { ExitCode, exitCodeOfCapacity, exitCodesHelp } from '../exit-codes.js';
import { badInput } from '../../loadgen/user-error.js';
import { abortOnInterrupt } from '../interrupt-signals.js';
import type { RegisterCommand } from './register-command.js';
import { collect, positiveInteger, positiveNumber } from './option-parsers.js';
import { flagOverrides, namingFlags } from './flag-overrides.js';

interface CapacityFlags {
  slo: string[];
  set: string[];
  target?: string;
  dimension?: CapacityDimension;
  start?: number;
  step?: string;
  max?: number;
  hold?: number;
  warmup?: number;
  out?: string;
  workers?: number;
  targetClients?: number;
  targetRate?: number;
  targetRoomSize?: number;
  cpuBudget?: number;
  memoryPerProcess?: number;
  connectionsPerProcess?: number;
}

export const registerCapacity: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('capacity')
    .description('raise the load step by step until an objective breaks; write the capacity report')
    .argument('<file>', 'scenario YAML file (its capacity: block sets the plan; flags override it)')
    // One default, stated once: commander would otherwise print the empty list beside the words.
    .addOption(
      new Option('--slo <objective>', "objective per step, threshold syntax, e.g. 'broadcast.latency p(99) < 100ms' (repeatable)")
        .argParser(collect)
        .default([], "the scenario's thresholds"),
    )
    .option('--set <key=value>', 'override a scenario value for every step (repeatable)', collect, [])
    .option('--target <url>', "run against this Socket.IO server instead of the scenario's target")
    .addOption(new Option('--dimension <what>', 'what the steps raise (default: capacity.dimension, else clients)').choices([...CAPACITY_DIMENSIONS]))
    .option('--start <load>', "load of the first step (default: capacity.start, else the scenario's own value)", positiveNumber('--start'))
    .option('--step <increment>', 'increment per step: an amount (100) or a factor (x2) (default: capacity.step, else x2)')
    .option('--max <load>', 'highest load tried (default: capacity.max, else start × 16)', positiveNumber('--max'))
    .option('--hold <duration>', 'measured hold per step, e.g. 20s (default: capacity.holdPerStep, else 20s)', duration('--hold', true))
    .option('--warmup <duration>', 'unmeasured start of each hold, e.g. 5s (default: capacity.warmup, else 5s)', duration('--warmup', false))
    .option('--out <dir>', 'output folder (default results/<scenario>-capacity-<timestamp>/)')
    .option('--workers <n>', 'worker threads in total (default: the cores, less one per server process on this machine: the built-in server, or a loopback target)', positiveInteger('--workers'))
    .option('--target-clients <n>', 'projection: clients to plan for', positiveInteger('--target-clients'))
    .option('--target-rate <rate>', 'projection: messages per client per second, e.g. 1/s or 0.5', rate)
    .option('--target-room-size <n>', 'projection: members per room, sender included', positiveInteger('--target-room-size'))
    .option('--cpu-budget <percent>', 'projection: CPU one process may use, % of a core (default 80)', positiveNumber('--cpu-budget'))
    .option('--memory-per-process <size>', 'projection: memory one process may use, e.g. 4GiB (default 2GiB)', byteSize)
    .option('--connections-per-process <n>', 'projection: connections one process may hold (default 20000)', positiveInteger('--connections-per-process'))
    .addHelpText(
      'after',
      exitCodesHelp([
        [ExitCode.ok, 'a sustainable load was found'],
        [ExitCode.thresholdsFailed, 'not even the first step met the objectives'],
        [ExitCode.badInput, 'bad input (the scenario, a flag, an objective); nothing was run'],
        [ExitCode.runFailed, "the first step's run could not be carried out"],
        [ExitCode.interrupted, 'interrupted (SIGINT); the report covers the steps that ran'],
      ]),
    )
    .action(async (file: string, flags: CapacityFlags) => {
      setExitCode(await capacityCommand(file, flags));
    });
};

function projectionOf(flags: CapacityFlags) {
  const given = [flags.targetClients, flags.targetRate, flags.targetRoomSize].filter((value) => value !== undefined).length;
  if (given === 0) return undefined;
  if (flags.targetClients === undefined || flags.targetRate === undefined || flags.targetRoomSize === undefined) {
    throw badInput('a projection needs all of --target-clients, --target-rate and --target-room-size');
  }
  const limits: Partial<ProjectionLimits> = {
    ...(flags.cpuBudget !== undefined ? { cpuBudgetPercent: flags.cpuBudget } : {}),
    ...(flags.memoryPerProcess !== undefined ? { memoryPerProcessBytes: flags.memoryPerProcess } : {}),
    ...(flags.connectionsPerProcess !== undefined ? { connectionsPerProcess: flags.connectionsPerProcess } : {}),
  };
  return { target: { clients: flags.targetClients, ratePerClientPerSec: flags.targetRate, roomSize: flags.targetRoomSize }, limits };
}

async function capacityCommand(file: string, flags: CapacityFlags): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw badInput(`${file}: cannot read the scenario: ${error instanceof Error ? error.message : String(error)}`);
  }
  const flagged = flagOverrides({ '--target': flags.target });
  const overrides = [...flags.set, ...flagged.map((flag) => flag.override)];
  let step: CapacityPlanOverrides['step'];
  if (flags.step !== undefined) {
    step = parseStepIncrement(flags.step);
    if (step === undefined) throw badInput(`--step must be an amount > 0 (100) or a factor > 1 (x2), got ${JSON.stringify(flags.step)}`);
  }
  const plan: CapacityPlanOverrides = {
    ...(flags.dimension !== undefined ? { dimension: flags.dimension } : {}),
    ...(flags.start !== undefined ? { start: flags.start } : {}),
    ...(step !== undefined ? { step } : {}),
    ...(flags.max !== undefined ? { max: flags.max } : {}),
    ...(flags.hold !== undefined ? { holdPerStepMs: flags.hold } : {}),
    ...(flags.warmup !== undefined ? { warmupMs: flags.warmup } : {}),
  };
  const projection = projectionOf(flags);
  const interrupt = abortOnInterrupt();
  let result: CapacityResult;
  let outDir = flags.out;
  try {
    result = await namingFlags(flagged, () => runCapacity({
      text,
      file,
      overrides,
      slos: flags.slo,
      plan,
      ...(projection !== undefined ? { projection } : {}),
      signal: interrupt.signal,
      runStep: async (loaded, index, count, remeasure) => {
        if (outDir === undefined) outDir = defaultOutputDir(`${loaded.scenario.name}-capacity`, new Date());
        if (index === 0) await prepareOutputDir(outDir);
        process.stderr.write(
          `sio-bench: capacity step ${index + 1} of ${count}${remeasure ? ' (re-measure: the first run broke an objective)' : ''}: ${loaded.overrides.slice(overrides.length).join(' ')}\n`,
        );
        return runScenario({
          loaded,
          workers: flags.workers,
          reporter: createPlainReporter(process.stderr),
          signal: interrupt.signal,
          notice: (line) => process.stderr.write(`sio-bench: ${line}\n`),
        });
      },
      onStep: (measured) => {
        const broken = measured.slos.filter((slo) => !slo.passed).map((slo) => slo.message);
        const again = measured.firstMeasurement === undefined ? '' : ' on re-measure';
        process.stderr.write(`sio-bench: step ${measured.index + 1} at ${measured.load}: ${measured.outcome}${again}${broken.length > 0 ? ` (${broken.join('; ')})` : ''}\n`);
      },
    }));
  } catch (error) {
    if (interrupt.signal.aborted) return ExitCode.interrupted;
    if (error instanceof ScenarioError) throw badInput(error.message);
    if (error instanceof RangeError || (error instanceof Error && error.message.startsWith('capacity'))) throw badInput(error.message);
    if (error instanceof Error && error.message.startsWith('--slo')) throw badInput(error.message);
    throw error;
  } finally {
    interrupt.dispose();
  }
  const written = await writeCapacityReports(result, outDir ?? defaultOutputDir(`${result.scenario.name}-capacity`, new Date()));
  const findings = buildCapacityFindings(result);
  process.stdout.write(`${findings.sustainable}\n${findings.stop}\n${findings.knee}\n${findings.projection?.summary ?? ''}\n`);
  process.stderr.write(`sio-bench: capacity report written to ${written.html}, ${written.md} and ${written.json}\n`);
  return exitCodeOfCapacity(result);
}

function duration(flag: string, positive: boolean): (value: string) => number {
  return (value) => {
    const ms = parseDurationMs(value);
    if (ms === undefined || !Number.isInteger(ms) || (positive ? ms <= 0 : ms < 0)) {
      throw badInput(`${flag} must be a duration such as 20s or 1500ms (got ${JSON.stringify(value)})`);
    }
    return ms;
  };
}

/** `1/s`, `0.5/s` or a bare number: messages per client per second. */
function rate(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:\/s)?\s*$/.exec(value);
  const parsed = match === null ? Number.NaN : Number(match[1]);
  if (!(parsed > 0)) throw badInput(`--target-rate must be messages per client per second such as 1/s or 0.5 (got ${JSON.stringify(value)})`);
  return parsed;
}

function byteSize(value: string): number {
  const bytes = parseByteSize(value);
  if (bytes === undefined || !(bytes > 0)) throw badInput(`--memory-per-process must be a size such as 2GiB (got ${JSON.stringify(value)})`);
  return bytes;
}
