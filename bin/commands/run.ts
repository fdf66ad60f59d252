/**
 * `sio-bench run FILE`: loads and validates the scenario, runs it, shows it live, prints the summary, and writes
 * result.json (and the reports) to the output folder. Exit codes: 0 passed, 1 thresholds failed, 2 bad input,
 * 3 the run could not be carried out, 4 passed on less load than scheduled (dropped slots), 130 interrupted.
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { defaultOutputDir, prepareOutputDir, writeResultAtomic } from '../../loadgen/result/write-result.js';
import { loadScenarioFile, type LoadedScenario } from '../../loadgen/scenario/load-scenario.js';
import type { RunResult } from '../../loadgen/run-result.js';
import { createPlainReporter } from '../../reports/live/plain-reporter.js';
import type { LiveReporter } from '../../loadgen/live-state.js';
import { renderSummaryTable } from '../../reports/summary-table.js';
import { writeReports } from '../../reports/write-reports.js';
import { parseListenAddress, type ListenAddress } from '../../reports/prometheus/metrics-listener.js';
import { serveLiveMetrics, type LiveMetricsEndpoint } from '../../reports/prometheus/serve-live-metrics.js';
import { ExitCode, exitCodeOfRun, exitCodesHelp } from '../exit-codes.js';
import { badInput } from '../../loadgen/user-error.js';
import { abortOnInterrupt } from '../interrupt-signals.js';
import type { ShardSlice } from '../../loadgen/engine/messages.js';
import type { Scenario } from '../../loadgen/scenario/schema.js';
import { ShardRun } from '../../loadgen/shard/shard-run.js';
import { parseShardSpec } from '../../loadgen/shard/shard-spec.js';
import { parseStartAt } from '../../loadgen/shard/planned-start.js';
import { repeatedRunner } from '../../loadgen/compare/repeat-runs.js';
import { applyBaselineFlags, checkBaselineFlags } from './compare.js';
import type { RegisterCommand } from './register-command.js';
import { collect, positiveInteger } from './option-parsers.js';
import { flagOverrides, namingFlags } from './flag-overrides.js';

interface RunFlags {
  target?: string;
  client?: string;
  set: string[];
  out?: string;
  workers?: number;
  clientsPerProcess?: number;
  tui: boolean;
  /** A path, false for --no-html, undefined for the default place. */
  html?: string | false;
  md?: string;
  junit?: string;
  repeat: number;
  saveBaseline?: string;
  baseline?: string;
  baselineDir?: string;
  shard?: ShardSlice;
  startAt?: number;
  serverMetrics?: string[];
  metricsListen?: ListenAddress;
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
    .option('--workers <n>', 'worker threads in total (default: the cores, less one per server process on this machine: the built-in server, or a loopback target)', positiveInteger('--workers'))
    .option('--clients-per-process <n>', 'most clients one load process holds before another is started (default 15000 websocket, 7000 polling)', positiveInteger('--clients-per-process'))
    .option('--no-tui', 'plain progress lines on stderr instead of the live dashboard')
    .option('--html <file>', 'write the HTML report here (default: report.html in the output folder)')
    .option('--no-html', 'do not write the HTML report')
    .option('--md <file>', 'also write the Markdown summary here')
    .option('--junit <file>', 'also write JUnit XML (one test case per threshold) here')
    .option('--repeat <n>', 'run the scenario n times (a fresh built-in server each time) into one result that keeps each run, for `compare`', positiveInteger('--repeat'), 1)
    .option('--save-baseline <name>', 'store the result as baseline <name> (in --baseline-dir)')
    .option('--baseline <name>', 'compare the result with baseline <name> after the run; exit 1 on a regression')
    .option('--baseline-dir <dir>', 'folder of the named baselines (default .sio-bench/baselines)')
    .option('--shard <i/n>', 'run slice i of n (1-based: clients c with c mod n = i-1) and keep its ledger for `sio-bench merge`', shardSpec)
    .option('--start-at <time>', 'start the run at this wall-clock time (epoch ms or ISO), e.g. the same for every slice', startAtTime)
    .option('--server-metrics <urls>', "scrape these Prometheus endpoints for the server figures (comma-separated: one per server process, summed; a node_exporter adds the host's CPU)", urlList('--server-metrics'))
    .option('--metrics-listen <host:port>', "serve the run's own figures in Prometheus text at http://HOST:PORT/metrics while it runs", listenAddress)
    .addHelpText(
      'after',
      exitCodesHelp([
        [ExitCode.ok, 'the run completed and every threshold passed (with --shard: the slice completed)'],
        [ExitCode.thresholdsFailed, 'a threshold failed, or --baseline found a regression'],
        [ExitCode.badInput, 'bad input (the scenario, a flag, a baseline name); nothing was run'],
        [ExitCode.runFailed, 'the run could not be carried out (target unreachable, server died, worker failed)'],
        [ExitCode.loadShortfall, 'every threshold passed, but the load generator dropped over 1% of the scheduled actions'],
        [ExitCode.interrupted, 'interrupted (SIGINT); the result covers the part that ran'],
      ]),
    )
    .action(async (file: string, flags: RunFlags) => {
      setExitCode(await runCommand(file, flags));
    });
};

async function runCommand(file: string, flags: RunFlags): Promise<number> {
  const flagged = flagOverrides({ '--target': flags.target, '--client': flags.client });
  const overrides = [...flags.set, ...flagged.map((flag) => flag.override)];
  const loaded = withServerMetrics(await namingFlags(flagged, () => loadScenarioFile(file, overrides)), flags.serverMetrics);
  const shardRun = flags.shard === undefined ? undefined : newShardRun(flags.shard, loaded.scenario);
  if (flags.repeat > 1 && flags.shard !== undefined) throw badInput('--repeat cannot be combined with --shard');
  checkBaselineFlags(flags, loaded.scenario.name);
  const outDir = flags.out ?? defaultOutputDir(loaded.scenario.name, new Date());
  await prepareOutputDir(outDir);

  const live = flags.metricsListen === undefined ? undefined : await listenForMetrics(flags.metricsListen, loaded.scenario.name, path.basename(outDir));
  let reported = false;
  try {
    const code = await runAndReport(flags, loaded, outDir, shardRun, live);
    reported = true;
    return code;
  } finally {
    // reporter.finish set the final figures: a scraper gets one chance to read them.
    await live?.close({ awaitFinalScrape: reported });
  }
}

async function runAndReport(flags: RunFlags, loaded: LoadedScenario, outDir: string, shardRun: ShardRun | undefined, live: LiveMetricsEndpoint | undefined): Promise<number> {
  const interactive = flags.tui && process.stdout.isTTY === true && process.stdin.isTTY === true;
  // Ink and React take about half a second to load: only a dashboard loads them.
  const display: LiveReporter = interactive
    ? (await import('../../reports/live/ink-reporter.js')).createInkReporter({ stdout: process.stdout, stdin: process.stdin })
    : createPlainReporter(process.stderr);
  const reporter = live?.wrap(display) ?? display;
  const interrupt = abortOnInterrupt();
  let result: RunResult;
  try {
    result = await repeatedRunner(flags.repeat)({
      loaded,
      workers: flags.workers,
      clientsPerProcess: flags.clientsPerProcess,
      reporter,
      signal: interrupt.signal,
      // The dashboard shows notices itself (writing to the terminal under it would tear its frame).
      notice: interactive ? undefined : (line) => process.stderr.write(`sio-bench: ${line}\n`),
      // Before the first merged second nothing is drawn, so the steps go to stderr in both modes, dashboard or not.
      onStartup: (step) => process.stderr.write(`sio-bench: ${step}\n`),
      ...(shardRun ? { shard: shardRun.slice, onLedger: shardRun.log.add } : {}),
      startAtEpochMs: flags.startAt,
    });
  } finally {
    interrupt.dispose();
  }
  await shardRun?.finish(result, outDir);
  const resultPath = await writeResultAtomic(outDir, result);
  const written = await writeReports(result, outDir, { html: flags.html ?? true, md: flags.md, junit: flags.junit });
  await reporter.finish(result);
  process.stdout.write(`${renderSummaryTable(result, { width: process.stdout.columns })}\n`);
  process.stderr.write(`sio-bench: result written to ${resultPath}\n`);
  for (const report of written) process.stderr.write(`sio-bench: ${report.kind} report written to ${report.path}\n`);
  const runCode = exitCodeOfRun(result, { slice: shardRun !== undefined });
  const gateCode = await applyBaselineFlags(result, flags, outDir);
  return runCode === ExitCode.ok ? gateCode : runCode;
}

function shardSpec(value: string): ShardSlice {
  try {
    return parseShardSpec(value);
  } catch (error) {
    throw badInput(error instanceof Error ? error.message : String(error));
  }
}

function startAtTime(value: string): number {
  try {
    return parseStartAt(value);
  } catch (error) {
    throw badInput(error instanceof Error ? error.message : String(error));
  }
}

function newShardRun(slice: ShardSlice, scenario: Scenario): ShardRun {
  try {
    return new ShardRun(slice, scenario);
  } catch (error) {
    throw badInput(error instanceof Error ? error.message : String(error));
  }
}

/** The scenario with `--server-metrics` as its target's Prometheus endpoints; the target must be a URL. */
function withServerMetrics(loaded: LoadedScenario, urls: string[] | undefined): LoadedScenario {
  if (urls === undefined) return loaded;
  const { target } = loaded.scenario;
  if (target.kind !== 'url') throw badInput("--server-metrics needs a URL target (--target or the scenario's target.url); the built-in server's figures come from its /metrics.json");
  return { ...loaded, scenario: { ...loaded.scenario, target: { ...target, serverMetrics: urls } } };
}

async function listenForMetrics(address: ListenAddress, scenario: string, runId: string): Promise<LiveMetricsEndpoint> {
  try {
    const endpoint = await serveLiveMetrics(address, { scenario, runId });
    process.stderr.write(`sio-bench: live metrics at ${endpoint.url} (scenario="${scenario}", run_id="${runId}")\n`);
    return endpoint;
  } catch (error) {
    throw badInput(`--metrics-listen ${address.host}:${address.port} cannot be served: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function urlList(flag: string): (value: string) => string[] {
  return (value) => {
    const urls = value.split(',').map((url) => url.trim()).filter((url) => url !== '');
    const bad = urls.filter((url) => !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol));
    if (urls.length === 0 || bad.length > 0) throw badInput(`${flag} must be http(s) URLs separated by commas (got ${JSON.stringify(value)})`);
    return urls;
  };
}

function listenAddress(value: string): ListenAddress {
  try {
    return parseListenAddress(value, '--metrics-listen');
  } catch (error) {
    throw badInput(error instanceof Error ? error.message : String(error));
  }
}

