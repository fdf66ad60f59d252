/**
 * `sio-bench merge RESULT.json... --out DIR`: combines the results of every slice of a sharded run
 * (`run --shard i/n`, each with its ledger.bin.gz beside it) into one result.json and its reports, and
 * evaluates the scenario's thresholds on the merged figures, so a CI gate over a distributed run is as sound as
 * over a single one. Exit codes: 0 every threshold passed, 1 a threshold failed, 2 the inputs are not every
 * slice of one run (or cannot be read), 3 a slice's run failed, 130 a slice was interrupted.
 */
import type { Command } from 'commander';
import { loadSlices } from '../../loadgen/merge/load-slices.js';
import { mergeSliceResults } from '../../loadgen/merge/merge-results.js';
import { prepareOutputDir, writeResultAtomic } from '../../loadgen/result/write-result.js';
import { renderSummaryTable } from '../../reports/summary-table.js';
import { writeReports } from '../../reports/write-reports.js';
import { badInput } from '../../loadgen/user-error.js';
import type { RegisterCommand } from './register-command.js';
import { exitCodeOfRun } from '../exit-codes.js';

interface MergeFlags {
  out: string;
  html?: string;
  md?: string;
  junit?: string;
}

export const registerMerge: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('merge')
    .description('merge the results of every slice of a sharded run (run --shard i/n) and evaluate the thresholds')
    .argument('<results...>', "each slice's result.json (its ledger.bin.gz must be beside it)")
    .requiredOption('--out <dir>', 'output folder of the merged result.json and reports')
    .option('--html <file>', 'also write the HTML report here (default: report.html in the output folder)')
    .option('--md <file>', 'also write the Markdown summary here')
    .option('--junit <file>', 'also write JUnit XML (one test case per threshold) here')
    .action(async (files: string[], flags: MergeFlags) => {
      setExitCode(await mergeCommand(files, flags));
    });
};

async function mergeCommand(files: string[], flags: MergeFlags): Promise<number> {
  const { slices, scenario } = await loadSlices(files);
  let result;
  try {
    result = mergeSliceResults(slices, scenario);
  } catch (error) {
    // The ledgers contradict one another (e.g. two copies of one slice under different names).
    if (error instanceof RangeError) throw badInput(`cannot merge: the slices' ledgers disagree: ${error.message}`);
    throw error;
  }
  await prepareOutputDir(flags.out);
  const resultPath = await writeResultAtomic(flags.out, result);
  const written = await writeReports(result, flags.out, { html: flags.html ?? true, md: flags.md, junit: flags.junit });
  process.stdout.write(`${renderSummaryTable(result, { width: process.stdout.columns })}\n`);
  process.stderr.write(`sio-bench: merged ${slices.length} slices (start skew ${result.merged?.startSkewMs ?? 0} ms) into ${resultPath}\n`);
  for (const report of written) process.stderr.write(`sio-bench: ${report.kind} report written to ${report.path}\n`);
  return exitCodeOfRun(result);
}
