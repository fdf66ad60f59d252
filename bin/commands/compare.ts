/**
 * `sio-bench compare BASELINE.json CANDIDATE.json` (or `compare --baseline NAME CANDIDATE.json`): compares two
 * results metric by metric, prints an aligned table on stdout and, with `--md FILE`, writes it as Markdown.
 * `compare --run SCENARIO` runs both sides itself, interleaved (compare-run.ts).
 * Exit codes: 0 no regression beyond tolerance, 1 a regression, 2 bad input (a file, a flag, a baseline name),
 * and with --run 3 a run failed, 130 interrupted.
 * Also the baseline half of `sio-bench run` (`--save-baseline`, `--baseline`), which calls applyBaselineFlags.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { baselinePath, DEFAULT_BASELINE_DIR, loadBaseline, saveBaseline } from '../../loadgen/baselines/baseline-store.js';
import { compareResults, DEFAULT_CONFIDENCE, RECOMMENDED_REPETITIONS, type CompareOptions } from '../../loadgen/compare/compare-results.js';
import { parseToleranceFor } from '../../loadgen/compare/metric-tolerances.js';
import { compareRunCommand, type CompareRunFlags } from './compare-run.js';
import type { Comparison } from '../../loadgen/compare/comparison.js';
import { parsePercent } from '../../loadgen/compare/parse-percent.js';
import { readResult } from '../../loadgen/result/write-result.js';
import type { RunResult } from '../../loadgen/run-result.js';
import { parseDurationMs } from '../../loadgen/units.js';
import { renderCompareMarkdown } from '../../reports/compare-markdown.js';
import { renderCompareTable } from '../../reports/compare-table.js';
import { ExitCode, exitCodeOfComparison, exitCodesHelp } from '../exit-codes.js';
import { badInput } from '../../loadgen/user-error.js';
import type { RegisterCommand } from './register-command.js';
import { collect, positiveInteger } from './option-parsers.js';

/** File name of the comparison's Markdown that `run --baseline` writes into the run's output folder. */
export const RUN_COMPARE_MARKDOWN_FILE = 'compare.md';

interface CompareFlags extends CompareRunFlags {
  metric: string[];
  tolerance?: string;
  toleranceFor: string[];
  confidence: string;
  minLatencyChange: string;
  decideByRatio?: boolean;
  environmentCheck: boolean;
  md?: string;
  baseline?: string;
  baselineDir?: string;
  run?: string;
  allowDifferentScenarios: boolean;
}

export const registerCompare: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('compare')
    .description('compare a candidate result with a baseline; exit 1 on a regression beyond tolerance')
    .argument('[results...]', 'BASELINE.json CANDIDATE.json, or only CANDIDATE.json with --baseline NAME (none with --run)')
    .option('--metric <id>', 'compare only this metric or group, e.g. broadcast.latency.p99, echo.latency, server (repeatable)', collect, [])
    .option('--tolerance <percent>', "one tolerance for every metric: changes within it are never regressions (default: each metric's own, see docs/ci.md)")
    .option('--tolerance-for <id=percent>', 'the tolerance of one metric or group, e.g. server.cpuPerMessage=50% (repeatable)', collect, [])
    .option('--confidence <percent>', 'noise alone calls a metric a regression at most 1 - this of the time (exact test over repetitions)', `${DEFAULT_CONFIDENCE * 100}%`)
    .option('--min-latency-change <duration>', 'latency changes smaller than this are never regressions', '1ms')
    .option('--decide-by-ratio', 'with single runs, let the ratio alone decide (no test of noise; false alarms likely)')
    .option('--no-environment-check', "call regressions even when the two sides' machines differed (load, speed, steal, saturation)")
    .option('--md <file>', 'also write the comparison as Markdown here')
    .option('--baseline <name>', 'compare with this named baseline instead of a BASELINE.json')
    .option('--baseline-dir <dir>', `folder of the named baselines (default ${DEFAULT_BASELINE_DIR})`)
    .option('--run <scenario>', 'run the scenario against --baseline-target and --candidate-target alternately (A B A B ...) and compare them')
    .option('--baseline-target <url|checkout>', "with --run: the baseline's server, a URL or a checkout of sio-bench whose built-in server runs (default: the scenario's target)")
    .option('--candidate-target <url|checkout>', "with --run: the candidate's server, likewise (default: the scenario's target)")
    .option('--set <key=value>', 'with --run: override a scenario value on both sides (repeatable)', collect, [])
    .option('--baseline-set <key=value>', 'with --run: override a scenario value on the baseline side only (repeatable)', collect, [])
    .option('--candidate-set <key=value>', 'with --run: override a scenario value on the candidate side only (repeatable)', collect, [])
    .option('--repeat <n>', 'with --run: runs per side', positiveInteger('--repeat'), RECOMMENDED_REPETITIONS)
    .option('--out <dir>', 'with --run: output folder (default results/<scenario>-ab-<timestamp>/)')
    .option('--workers <n>', 'with --run: worker threads in total', positiveInteger('--workers'))
    .option('--allow-different-scenarios', 'compare results of differently named scenarios (refused by default)', false)
    .addHelpText(
      'after',
      exitCodesHelp([
        [ExitCode.ok, 'no regression beyond the tolerance (undecided or not-judged changes do not fail it)'],
        [ExitCode.thresholdsFailed, 'a regression beyond the tolerance'],
        [ExitCode.badInput, 'bad input (a file, a flag, a baseline name, results of different scenarios)'],
        [ExitCode.runFailed, 'with --run: a run could not be carried out'],
        [ExitCode.interrupted, 'with --run: interrupted (Ctrl-C)'],
      ]),
    )
    .action(async (files: string[], flags: CompareFlags) => {
      setExitCode(await compareCommand(files, flags));
    });
};

/** The comparison options of `compare`'s flags; bad values are bad input naming the flag. */
export function compareOptionsOf(
  flags: Pick<CompareFlags, 'metric' | 'tolerance' | 'confidence' | 'minLatencyChange'> & Partial<Pick<CompareFlags, 'toleranceFor' | 'decideByRatio' | 'environmentCheck'>>,
): CompareOptions {
  const minLatencyChangeMs = parseDurationMs(flags.minLatencyChange);
  if (minLatencyChangeMs === undefined) throw badInput(`--min-latency-change must be a duration such as 1ms or 500us (got ${JSON.stringify(flags.minLatencyChange)})`);
  const options: CompareOptions = {
    metrics: flags.metric,
    toleranceByMetric: parseToleranceFor(flags.toleranceFor ?? []),
    confidence: parsePercent(flags.confidence, '--confidence', { min: 0.5, max: 1, exclusive: true }),
    minLatencyChangeUs: minLatencyChangeMs * 1000,
    decideByRatio: flags.decideByRatio === true,
  };
  if (flags.tolerance !== undefined) options.toleranceFraction = parsePercent(flags.tolerance, '--tolerance', { min: 0, max: 100 });
  if (flags.environmentCheck === false) options.environmentBounds = false;
  return options;
}

async function compareCommand(files: string[], flags: CompareFlags): Promise<number> {
  const options = compareOptionsOf(flags);
  if (flags.run !== undefined) {
    if (files.length > 0) throw badInput(`with --run, give no result files (got ${files.join(' ')}): both sides are run`);
    if (flags.baseline !== undefined) throw badInput('--run and --baseline cannot be combined: --run runs its own baseline (--baseline-target)');
    return compareRunCommand(flags.run, flags, options, async (comparison, mdFile) => {
      await printComparison(comparison, flags.md ?? mdFile);
      return exitCodeOfComparison(comparison);
    });
  }
  for (const flag of ['baselineTarget', 'candidateTarget', 'out'] as const) {
    if (flags[flag] !== undefined) throw badInput(`--${flag.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)} needs --run SCENARIO`);
  }
  if (flags.set.length + flags.baselineSet.length + flags.candidateSet.length > 0) throw badInput('--set, --baseline-set and --candidate-set need --run SCENARIO');
  let baseline: RunResult;
  let candidateFile: string;
  if (flags.baseline !== undefined) {
    if (files.length !== 1) throw badInput(`with --baseline, give one result to compare with it (got ${files.length})`);
    candidateFile = files[0]!;
    baseline = loadBaseline(flags.baseline, flags.baselineDir ?? DEFAULT_BASELINE_DIR);
    options.baselineLabel = `baseline ${flags.baseline}`;
  } else {
    if (files.length !== 2) throw badInput(`give two results, BASELINE.json CANDIDATE.json (got ${files.length}), or one with --baseline NAME`);
    baseline = readResult(files[0]!);
    options.baselineLabel = files[0]!;
    candidateFile = files[1]!;
  }
  options.candidateLabel = candidateFile;
  const candidate = readResult(candidateFile);
  if (!flags.allowDifferentScenarios) checkSameScenario(baseline, options.baselineLabel, candidate, candidateFile);
  const comparison = compareResults(baseline, candidate, options);
  await printComparison(comparison, flags.md);
  return exitCodeOfComparison(comparison);
}

/**
 * Refuses (bad input) results of differently named scenarios: their metrics measure different loads, so a
 * "regression" between them means nothing. A changed text under one name is still compared (the table says so).
 */
function checkSameScenario(baseline: RunResult, baselineLabel: string, candidate: RunResult, candidateLabel: string): void {
  if (baseline.scenario.name === candidate.scenario.name) return;
  throw badInput(
    `the results ran different scenarios (${baseline.scenario.name} in ${baselineLabel}, ${candidate.scenario.name} in ${candidateLabel}), ` +
      'so their figures do not measure the same load; pass --allow-different-scenarios to compare them anyway',
  );
}

/** Prints the table on stdout and writes the Markdown to `mdFile` when given (its folder is created). */
async function printComparison(comparison: Comparison, mdFile: string | undefined): Promise<void> {
  process.stdout.write(`${renderCompareTable(comparison)}\n`);
  if (mdFile === undefined) return;
  try {
    await mkdir(path.dirname(mdFile), { recursive: true });
    await writeFile(mdFile, renderCompareMarkdown(comparison), 'utf8');
  } catch (error) {
    throw badInput(`cannot write the Markdown comparison to ${mdFile}: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.stderr.write(`sio-bench: comparison written to ${mdFile}\n`);
}

/** The baseline flags of `sio-bench run`. */
export interface RunBaselineFlags {
  /** Store the finished run as this baseline. */
  saveBaseline?: string;
  /** Compare the finished run with this baseline (before any --save-baseline replaces it). */
  baseline?: string;
  /** Folder of the baselines; default DEFAULT_BASELINE_DIR. */
  baselineDir?: string;
}

/**
 * After a run: compares it with `--baseline` (table on stdout, Markdown as compare.md in `outDir`) and then
 * stores it as `--save-baseline`, so `--baseline main --save-baseline main` compares with the previous main and
 * rolls it forward. A run that did not complete is neither compared nor saved (a notice says so). Resolves to
 * the gate's exit code: 1 on a regression, else 0. A missing baseline is bad input (checked before the run by
 * checkBaselineFlags).
 */
export async function applyBaselineFlags(result: RunResult, flags: RunBaselineFlags, outDir: string): Promise<number> {
  const dir = flags.baselineDir ?? DEFAULT_BASELINE_DIR;
  if (result.status !== 'completed') {
    if (flags.baseline !== undefined || flags.saveBaseline !== undefined) {
      process.stderr.write(`sio-bench: the run did not complete (${result.status}): it is neither compared with nor saved as a baseline\n`);
    }
    return ExitCode.ok;
  }
  let code: number = ExitCode.ok;
  if (flags.baseline !== undefined) {
    const comparison = compareResults(loadBaseline(flags.baseline, dir), result, {
      baselineLabel: `baseline ${flags.baseline}`,
      candidateLabel: 'this run',
    });
    await printComparison(comparison, path.join(outDir, RUN_COMPARE_MARKDOWN_FILE));
    code = exitCodeOfComparison(comparison);
  }
  if (flags.saveBaseline !== undefined) {
    const saved = await saveBaseline(result, flags.saveBaseline, dir);
    process.stderr.write(`sio-bench: baseline ${flags.saveBaseline} saved to ${saved}\n`);
  }
  return code;
}

/** Checks the baseline flags before a run, so a typo fails in a second and not after the whole run. */
export function checkBaselineFlags(flags: RunBaselineFlags, scenarioName: string): void {
  const dir = flags.baselineDir ?? DEFAULT_BASELINE_DIR;
  if (flags.baseline !== undefined) {
    const baseline = loadBaseline(flags.baseline, dir);
    // As compare refuses results of different scenarios: a run that could only be compared with a wrong baseline is not started.
    if (baseline.scenario.name !== scenarioName) {
      throw badInput(
        `--baseline ${flags.baseline} ran scenario ${baseline.scenario.name}, this run is ${scenarioName}: their figures would not measure the same load ` +
          '(compare them anyway with sio-bench compare --allow-different-scenarios after the run)',
      );
    }
  }
  // baselinePath throws bad input for a name that is not a safe file name.
  if (flags.saveBaseline !== undefined) baselinePath(flags.saveBaseline, dir);
}

