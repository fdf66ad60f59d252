/** Writes capacity.json, capacity.html and capacity.md into an output folder. */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderCapacityHtml } from './render-capacity-html.js';
import { renderCapacityMarkdown } from './render-capacity-markdown.js';
async function writeAtomic(file, text) {
    // Through a temporary name, so a reader never sees half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, file);
}
/** Writes the three files into `outDir` (created if needed) and returns their paths. */
export async function writeCapacityReports(result, outDir) {
    await mkdir(outDir, { recursive: true });
    const written = {
        json: path.join(outDir, 'capacity.json'),
        html: path.join(outDir, 'capacity.html'),
        md: path.join(outDir, 'capacity.md'),
    };
    await writeAtomic(written.json, `${JSON.stringify(result, null, 2)}\n`);
    await writeAtomic(written.html, renderCapacityHtml(result));
    await writeAtomic(written.md, renderCapacityMarkdown(result));
    return written;
}
//# sourceMappingURL=write-capacity-reports.js.map