import { loadSlices } from '../../loadgen/merge/load-slices.js';
import { mergeSliceResults } from '../../loadgen/merge/merge-results.js';
import { prepareOutputDir, writeResultAtomic } from '../../loadgen/result/write-result.js';
import { renderSummaryTable } from '../../reports/summary-table.js';
import { writeReports } from '../../reports/write-reports.js';
import { badInput } from '../exit-codes.js';
import { exitCodeOf } from './run.js';
export const registerMerge = (program, setExitCode) => {
    program
        .command('merge')
        .description('merge the results of every slice of a sharded run (run --shard i/n) and evaluate the thresholds')
        .argument('<results...>', "each slice's result.json (its ledger.bin.gz must be beside it)")
        .requiredOption('--out <dir>', 'output folder of the merged result.json and reports')
        .option('--html <file>', 'also write the HTML report here (default: report.html in the output folder)')
        .option('--md <file>', 'also write the Markdown summary here')
        .option('--junit <file>', 'also write JUnit XML (one test case per threshold) here')
        .action(async (files, flags) => {
        setExitCode(await mergeCommand(files, flags));
    });
};
async function mergeCommand(files, flags) {
    const { slices, scenario } = await loadSlices(files);
    let result;
    try {
        result = mergeSliceResults(slices, scenario);
    }
    catch (error) {
        // The ledgers contradict one another (e.g. two copies of one slice under different names).
        if (error instanceof RangeError)
            throw badInput(`cannot merge: the slices' ledgers disagree: ${error.message}`);
        throw error;
    }
    await prepareOutputDir(flags.out);
    const resultPath = await writeResultAtomic(flags.out, result);
    const written = await writeReports(result, flags.out, { html: flags.html ?? true, md: flags.md, junit: flags.junit });
    process.stdout.write(`${renderSummaryTable(result, { width: process.stdout.columns })}\n`);
    process.stderr.write(`sio-bench: merged ${slices.length} slices (start skew ${result.merged?.startSkewMs ?? 0} ms) into ${resultPath}\n`);
    for (const report of written)
        process.stderr.write(`sio-bench: ${report.kind} report written to ${report.path}\n`);
    return exitCodeOf(result);
}
//# sourceMappingURL=merge.js.map