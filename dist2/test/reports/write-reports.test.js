import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { renderHtmlReport } from '../../reports/html/render-html-report.js';
import { renderJunit } from '../../reports/junit.js';
import { renderMarkdownSummary } from '../../reports/markdown.js';
import { writeReports } from '../../reports/write-reports.js';
import { smallResult } from './small-result.js';
test('true writes a report under its default name in the folder, a path writes it there, absent skips it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sio-bench-write-reports-'));
    const result = smallResult();
    const junitPath = path.join(dir, 'ci', 'nested', 'thresholds.xml');
    const written = await writeReports(result, dir, { html: true, md: false, junit: junitPath });
    assert.deepEqual(written, [
        { kind: 'html', path: path.join(dir, 'report.html') },
        { kind: 'junit', path: junitPath },
    ]);
    assert.equal(await readFile(path.join(dir, 'report.html'), 'utf8'), renderHtmlReport(result));
    assert.equal(await readFile(junitPath, 'utf8'), renderJunit(result));
    assert.deepEqual((await readdir(dir)).sort(), ['ci', 'report.html'], 'no temp files left behind');
    const md = await writeReports(result, dir, { md: true });
    assert.deepEqual(md, [{ kind: 'md', path: path.join(dir, 'summary.md') }]);
    assert.equal(await readFile(path.join(dir, 'summary.md'), 'utf8'), renderMarkdownSummary(result));
});
test('a report that cannot be written rejects naming the path', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sio-bench-write-reports-'));
    // The folder itself is in the way of the file.
    await assert.rejects(writeReports(smallResult(), dir, { md: dir }), (error) => error.message.includes(dir));
});
//# sourceMappingURL=write-reports.test.js.map