/**
 * `sio-bench run FILE`: loads and validates the scenario, runs it, shows it live, prints the summary, and writes
 * result.json (and the reports) to the output folder. Exit codes: 0 passed, 1 thresholds failed, 2 bad input,
 * 3 the run could not be carried out, 130 interrupted.
 */
import { Option, type Command } from 'commander';
import { runScenario } from '../../loadgen/engine/coordinator.js';
import { defaultOutputDir, prepareOutputDir, writeResultAtomic } from '../../loadgen/result/write-result.js';
import { loadScenarioFile } from '../../loadgen/scenario/load-scenario.js';
import type { RunResult } from '../../loadgen/run-result.js';
import { createInkReporter } from '../../reports/live/ink-reporter.js';
import { createPlainReporter } from '../../reports/live/plain-reporter.js';
import type { LiveReporter } from '../../reports/live/live-state.js';
import { renderSummaryTable } from '../../reports/summary-table.js';
import { writeReports } from '../../reports/write-reports.js';
import { badInput, ExitCode } from '../exit-codes.js';
import type { RegisterCommand } from './index.js';

interface RunFlags {
  target?: string;
  client?: string;
  set: string[];
  out?: string;
  workers?: number;
  clientsPerProcess?: number;
  tui: boolean;
  html?: string;
  md?: string;
  junit?: string;
}

export const registerRun: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('run')
    .description('run a scenario and write result.json and the reports')
    .argument('<file>', 'scenario YAML file')
    .option('--target <url>', 'run against this Socket.IO server instead of the scenario\'s target')
    .addOption(new Option('--client <kind>', 'client implementation').choices(['lean', 'official']))
    .option('--set <key=value>', 'override a scenario value, e.g. clients=20000 or duration=20s (repeatable)', collect, [])
    .option('--out <dir>', 'output folder (default results/<scenario>-<timestamp>/)')
    .option('--workers <n>', 'worker threads in total (default: the number of cores)', positiveInteger('--workers'))
    .option('--clients-per-process <n>', 'most clients one load process holds before another is started (default 15000 websocket, 7000 polling)', positiveInteger('--clients-per-process'))
    .option('--no-tui', 'plain progress lines on stderr instead of the live dashboard')
    .option('--html <file>', 'also write the HTML report here (default: report.html in the output folder)')
    .option('--md <file>', 'also write the Markdown summary here')
    .option('--junit <file>', 'also write JUnit XML (one test case per threshold) here')
    .action(async (file: string, flags: RunFlags) => {
      setExitCode(await runCommand(file, flags));
    });
};

async function runCommand(file: string, flags: RunFlags): Promise<number> {
  const overrides = [...flags.set];
  if (flags.target !== undefined) overrides.push(`target=${flags.target}`);
  if (flags.client !== undefined) overrides.push(`client=${flags.client}`);
  const loaded = await loadScenarioFile(file, overrides);
  const outDir = flags.out ?? defaultOutputDir(loaded.scenario.name, new Date());
  await prepareOutputDir(outDir);

  const interactive = flags.tui && process.stdout.isTTY === true && process.stdin.isTTY === true;
  const reporter: LiveReporter = interactive
    ? createInkReporter({ stdout: process.stdout, stdin: process.stdin })
    : createPlainReporter(process.stderr);
  const abort = new AbortController();
  let signals = 0;
  const onSignal = (): void => {
    signals += 1;
    // A second Ctrl-C means "now": the first one already asked the workers to stop and write the result.
    if (signals > 1) process.exit(ExitCode.interrupted);
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let result: RunResult;
  try {
    result = await runScenario({
      loaded,
      workers: flags.workers,
      clientsPerProcess: flags.clientsPerProcess,
      reporter,
      signal: abort.signal,
      notice: (line) => process.stderr.write(`sio-bench: ${line}\n`),
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const resultPath = await writeResultAtomic(outDir, result);
  const written = await writeReports(result, outDir, { html: flags.html ?? true, md: flags.md, junit: flags.junit });
  await reporter.finish(result);
  process.stdout.write(`${renderSummaryTable(result, { width: process.stdout.columns })}\n`);
  process.stderr.write(`sio-bench: result written to ${resultPath}\n`);
  for (const report of written) process.stderr.write(`sio-bench: ${report.kind} report written to ${report.path}\n`);
  return exitCodeOf(result);
}

/** The exit code of a finished run (see the file comment). */
export function exitCodeOf(result: RunResult): number {
  switch (result.status) {
    case 'failed':
      return ExitCode.runFailed;
    case 'interrupted':
      return ExitCode.interrupted;
    case 'completed':
      return result.verdict === 'passed' ? ExitCode.ok : ExitCode.thresholdsFailed;
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInteger(flag: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) throw badInput(`${flag} must be a positive integer (got ${JSON.stringify(value)})`);
    return parsed;
  };
}
