/**
 * Writes the file reports of a result (HTML, Markdown, JUnit): `run` calls it after writing result.json, and
 * `sio-bench report` to regenerate them from a result without rerunning.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunResult } from '../loadgen/run-result.js';
import { renderHtmlReport } from './html/render-html-report.js';
import { renderJunit } from './junit.js';
import { renderMarkdownSummary } from './markdown.js';

/** The kinds of file report. */
export type ReportKind = 'html' | 'md' | 'junit';

/** File names of the reports when they go to the output folder under their default name. */
export const DEFAULT_REPORT_FILE_NAMES: Record<ReportKind, string> = {
  html: 'report.html',
  md: 'summary.md',
  junit: 'junit.xml',
};

/**
 * Which reports to write: a path (relative to the current directory) writes it there, `true` writes it into the
 * output folder under its default name, `false` or absent skips it.
 */
export type ReportTargets = Partial<Record<ReportKind, string | boolean>>;

/** A report that was written. */
export interface WrittenReport {
  kind: ReportKind;
  /** Absolute path of the file. */
  path: string;
}

const RENDERERS: Record<ReportKind, (result: RunResult) => string> = {
  html: (result) => renderHtmlReport(result),
  md: renderMarkdownSummary,
  junit: renderJunit,
};

/**
 * Renders and writes the chosen reports of `result`, in the order html, md, junit. Each file is written to a
 * temp name and renamed, so a reader never sees half a report. Creates missing parent folders. Resolves to the
 * reports written; rejects with the file system's error (naming the path) when one cannot be written.
 */
export async function writeReports(result: RunResult, dir: string, targets: ReportTargets): Promise<WrittenReport[]> {
  const written: WrittenReport[] = [];
  for (const kind of ['html', 'md', 'junit'] as const) {
    const target = targets[kind];
    if (target === undefined || target === false) continue;
    const filePath = path.resolve(target === true ? path.join(dir, DEFAULT_REPORT_FILE_NAMES[kind]) : target);
    const text = RENDERERS[kind](result);
    await mkdir(path.dirname(filePath), { recursive: true });
    const tempPath = `${filePath}.${process.pid}.tmp`;
    await writeFile(tempPath, text, 'utf8');
    await rename(tempPath, filePath);
    written.push({ kind, path: filePath });
  }
  return written;
}
