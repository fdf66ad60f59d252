/**
 * Writes the file reports of a result (HTML, Markdown, JUnit): `run` calls it after writing result.json, and
 * `sio-bench report` to regenerate them from a result without rerunning.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderHtmlReport } from './html/render-html-report.js';
import { renderJunit } from './junit.js';
import { renderMarkdownSummary } from './markdown.js';
/** File names of the reports when they go to the output folder under their default name. */
export const DEFAULT_REPORT_FILE_NAMES = {
    html: 'report.html',
    md: 'summary.md',
    junit: 'junit.xml',
};
const RENDERERS = {
    html: (result) => renderHtmlReport(result),
    md: renderMarkdownSummary,
    junit: renderJunit,
};
/**
 * Renders and writes the chosen reports of `result`, in the order html, md, junit. Each file is written to a
 * temp name and renamed, so a reader never sees half a report. Creates missing parent folders. Resolves to the
 * reports written; rejects with the file system's error (naming the path) when one cannot be written.
 */
export async function writeReports(result, dir, targets) {
    const written = [];
    for (const kind of ['html', 'md', 'junit']) {
        const target = targets[kind];
        if (target === undefined || target === false)
            continue;
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
//# sourceMappingURL=write-reports.js.map