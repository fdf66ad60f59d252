/**
 * `sio-bench report RESULT.json [--html FILE | --no-html] [--md FILE] [--junit FILE]`: regenerates reports from a
 * result without rerunning. The HTML report is always written (report.html next to the result unless --html says
 * where) unless --no-html; --md and --junit add theirs. Prints one line per file written.
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
  /** A path, false for --no-html, undefined for the default place. */
  html?: string | false;
  md?: string;
  junit?: string;
}

const REPORT_LABELS = { html: 'HTML report', md: 'Markdown summary', junit: 'JUnit XML' } as const;

export const registerReport: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('report')
    .description('regenerate the reports of a result.json without rerunning it')
    .argument('<result>', 'result.json of a run')
    .option('--html <file>', 'write the HTML report here (default: report.html next to the result)')
    .option('--no-html', 'do not write the HTML report (e.g. with --md or --junit only)')
    .option('--md <file>', 'write the Markdown summary here')
    .option('--junit <file>', 'write JUnit XML (one test case per threshold) here')
    .action(async (resultPath: string, flags: ReportFlags) => {
      await report(resultPath, flags);
      setExitCode(ExitCode.ok);
    });
};

async function report(resultPath: string, flags: ReportFlags): Promise<void> {
  const result = readResult(resultPath);
  const targets: ReportTargets = { html: flags.html ?? true, md: flags.md, junit: flags.junit };
  if (Object.values(targets).every((target) => target === undefined || target === false)) {
    throw badInput('--no-html leaves nothing to write: add --md FILE or --junit FILE');
  }
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
