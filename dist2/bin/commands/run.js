/**
 * `sio-bench run FILE`: loads and validates the scenario, runs it, shows it live, prints the summary, and writes
 * result.json (and the reports) to the output folder. Exit codes: 0 passed, 1 thresholds failed, 2 bad input,
 * 3 the run could not be carried out, 130 interrupted.
 */
import { Option } from 'commander';
import { defaultOutputDir, prepareOutputDir, writeResultAtomic } from '../../loadgen/result/write-result.js';
import { loadScenarioFile } from '../../loadgen/scenario/load-scenario.js';
import { createInkReporter } from '../../reports/live/ink-reporter.js';
import { createPlainReporter } from '../../reports/live/plain-reporter.js';
import { renderSummaryTable } from '../../reports/summary-table.js';
import { writeReports } from '../../reports/write-reports.js';
import { badInput, ExitCode } from '../exit-codes.js';
import { abortOnInterrupt } from '../interrupt-signals.js';
import { ShardRun, sliceExitCode } from '../../loadgen/shard/shard-run.js';
import { parseShardSpec } from '../../loadgen/shard/shard-spec.js';
import { parseStartAt } from '../../loadgen/shard/planned-start.js';
import { repeatedRunner } from '../../loadgen/compare/repeat-runs.js';
import { applyBaselineFlags, checkBaselineFlags } from './compare.js';
export const registerRun = (program, setExitCode) => {
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
        .option('--html <file>', 'also write the HTML report here (default: report.html in the output folder)')
        .option('--md <file>', 'also write the Markdown summary here')
        .option('--junit <file>', 'also write JUnit XML (one test case per threshold) here')
        .option('--repeat <n>', 'run the scenario n times (a fresh built-in server each time) into one result that keeps each run, for `compare`', positiveInteger('--repeat'), 1)
        .option('--save-baseline <name>', 'store the result as baseline <name> (in --baseline-dir)')
        .option('--baseline <name>', 'compare the result with baseline <name> after the run; exit 1 on a regression')
        .option('--baseline-dir <dir>', 'folder of the named baselines (default .sio-bench/baselines)')
        .option('--shard <i/n>', 'run slice i of n (1-based: clients c with c mod n = i-1) and keep its ledger for `sio-bench merge`', shardSpec)
        .option('--start-at <time>', 'start the run at this wall-clock time (epoch ms or ISO), e.g. the same for every slice', startAtTime)
        .action(async (file, flags) => {
        setExitCode(await runCommand(file, flags));
    });
};
async function runCommand(file, flags) {
    const overrides = [...flags.set];
    if (flags.target !== undefined)
        overrides.push(`target=${flags.target}`);
    if (flags.client !== undefined)
        overrides.push(`client=${flags.client}`);
    const loaded = await loadScenarioFile(file, overrides);
    const shardRun = flags.shard === undefined ? undefined : newShardRun(flags.shard, loaded.scenario);
    if (flags.repeat > 1 && flags.shard !== undefined)
        throw badInput('--repeat cannot be combined with --shard');
    checkBaselineFlags(flags);
    const outDir = flags.out ?? defaultOutputDir(loaded.scenario.name, new Date());
    await prepareOutputDir(outDir);
    const interactive = flags.tui && process.stdout.isTTY === true && process.stdin.isTTY === true;
    const reporter = interactive
        ? createInkReporter({ stdout: process.stdout, stdin: process.stdin })
        : createPlainReporter(process.stderr);
    const interrupt = abortOnInterrupt();
    let result;
    try {
        result = await repeatedRunner(flags.repeat)({
            loaded,
            workers: flags.workers,
            clientsPerProcess: flags.clientsPerProcess,
            reporter,
            signal: interrupt.signal,
            // The dashboard shows notices itself (writing to the terminal under it would tear its frame).
            notice: interactive ? undefined : (line) => process.stderr.write(`sio-bench: ${line}\n`),
            ...(shardRun ? { shard: shardRun.slice, onLedger: shardRun.log.add } : {}),
            startAtEpochMs: flags.startAt,
        });
    }
    finally {
        interrupt.dispose();
    }
    await shardRun?.finish(result, outDir);
    const resultPath = await writeResultAtomic(outDir, result);
    const written = await writeReports(result, outDir, { html: flags.html ?? true, md: flags.md, junit: flags.junit });
    await reporter.finish(result);
    process.stdout.write(`${renderSummaryTable(result, { width: process.stdout.columns })}\n`);
    process.stderr.write(`sio-bench: result written to ${resultPath}\n`);
    for (const report of written)
        process.stderr.write(`sio-bench: ${report.kind} report written to ${report.path}\n`);
    const runCode = shardRun ? sliceExitCode(result, ExitCode) : exitCodeOf(result);
    const gateCode = await applyBaselineFlags(result, flags, outDir);
    return runCode === ExitCode.ok ? gateCode : runCode;
}
/** The exit code of a finished run (see the file comment). */
export function exitCodeOf(result) {
    switch (result.status) {
        case 'failed':
            return ExitCode.runFailed;
        case 'interrupted':
            return ExitCode.interrupted;
        case 'completed':
            return result.verdict === 'passed' ? ExitCode.ok : ExitCode.thresholdsFailed;
    }
}
function shardSpec(value) {
    try {
        return parseShardSpec(value);
    }
    catch (error) {
        throw badInput(error instanceof Error ? error.message : String(error));
    }
}
function startAtTime(value) {
    try {
        return parseStartAt(value);
    }
    catch (error) {
        throw badInput(error instanceof Error ? error.message : String(error));
    }
}
function newShardRun(slice, scenario) {
    try {
        return new ShardRun(slice, scenario);
    }
    catch (error) {
        throw badInput(error instanceof Error ? error.message : String(error));
    }
}
function collect(value, previous) {
    return [...previous, value];
}
function positiveInteger(flag) {
    return (value) => {
        const parsed = Number(value);
        if (!Number.isInteger(parsed) || parsed < 1)
            throw badInput(`${flag} must be a positive integer (got ${JSON.stringify(value)})`);
        return parsed;
    };
}
//# sourceMappingURL=run.js.map