/**
 * `sio-bench report RESULT.json [--html FILE] [--md FILE] [--junit FILE]`: regenerates reports from a result
 * without rerunning. With no flag it writes report.html next to the result. Prints one line per file written.
 * Exit codes: 0 written, 2 the result cannot be read or a report cannot be written.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { readResult } from '../../loadgen/result/write-result.js';
import { writeReports, type ReportTargets } from '../../reports/write-reports.js';
import { ExitCode } from '../exit-codes.js';
import { badInput } from '../../loadgen/user-error.js';
import type { RegisterCommand } from './register-command.js';

interface ReportFlags {
  html?: string;
  md?: string;
  junit?: string;
}

const REPORT_LABELS = { html: 'HTML report', md: 'Markdown summary', junit: 'JUnit XML' } as const;

export const registerReport: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('report')
    .description('regenerate reports from a result.json without rerunning (default: report.html next to it)')
    .argument('<result>', 'result.json of a run')
    .option('--html <file>', 'write the HTML report here')
    .option('--md <file>', 'write the Markdown summary here')
    .option('--junit <file>', 'write JUnit XML (one test case per threshold) here')
    .action(async (resultPath: string, flags: ReportFlags) => {
      await report(resultPath, flags);
      setExitCode(ExitCode.ok);
    });
};

async function report(resultPath: string, flags: ReportFlags): Promise<void> {
  const result = readResult(resultPath);
  const noFlag = flags.html === undefined && flags.md === undefined && flags.junit === undefined;
  const targets: ReportTargets = noFlag ? { html: true } : { html: flags.html, md: flags.md, junit: flags.junit };
  let written;
  try {
    written = await writeReports(result, path.dirname(resultPath), targets);
  } catch (error) {
    // The shape check of readResult does not reach every field (e.g. an encoded histogram): a result that
    // cannot be rendered, or a report that cannot be written, is bad input of this command, not a crash.
    throw badInput(`cannot write reports of ${resultPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const file of written) process.stdout.write(`${REPORT_LABELS[file.kind]} written to ${file.path}\n`);
}
