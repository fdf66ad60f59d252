import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { readResult } from '../../../loadgen/result/write-result.js';
import { renderJunit } from '../../../reports/junit.js';
import { renderMarkdownSummary } from '../../../reports/markdown.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const cli = path.join(repoRoot, 'bin', 'sio-bench.js');
const fixture = path.join(repoRoot, 'test', 'fixtures', 'run-result-60s.json');
const execFileAsync = promisify(execFile);

interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function sioBench(args: string[]): Promise<CliOutcome> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [cli, ...args], { timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

async function resultInTempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sio-bench-report-cmd-'));
  const file = path.join(dir, 'result.json');
  await copyFile(fixture, file);
  return file;
}

test('with no flag, report.html is written next to the result and the command says where', async () => {
  const file = await resultInTempDir();
  const outcome = await sioBench(['report', file]);
  const htmlPath = path.join(path.dirname(file), 'report.html');
  assert.deepEqual(outcome, { code: 0, stdout: `HTML report written to ${htmlPath}\n`, stderr: '' });
  assert.match(await readFile(htmlPath, 'utf8'), /^<!DOCTYPE html>/);
});

test('--md and --junit write exactly the rendered reports, and the HTML report still goes to its default place', async () => {
  const file = await resultInTempDir();
  const dir = path.dirname(file);
  const md = path.join(dir, 'out', 'summary.md');
  const junit = path.join(dir, 'junit.xml');
  const outcome = await sioBench(['report', file, '--md', md, '--junit', junit]);
  assert.equal(outcome.code, 0, outcome.stderr);
  const htmlPath = path.join(dir, 'report.html');
  assert.equal(outcome.stdout, `HTML report written to ${htmlPath}\nMarkdown summary written to ${md}\nJUnit XML written to ${junit}\n`);
  const result = readResult(file);
  assert.equal(await readFile(md, 'utf8'), renderMarkdownSummary(result));
  assert.equal(await readFile(junit, 'utf8'), renderJunit(result));
  assert.match(await readFile(htmlPath, 'utf8'), /^<!DOCTYPE html>/);
});

test('--no-html writes only the reports asked for, and alone it is refused as leaving nothing to write', async () => {
  const file = await resultInTempDir();
  const dir = path.dirname(file);
  const md = path.join(dir, 'summary.md');
  const outcome = await sioBench(['report', file, '--no-html', '--md', md]);
  assert.deepEqual(outcome, { code: 0, stdout: `Markdown summary written to ${md}\n`, stderr: '' });
  assert.equal(existsSync(path.join(dir, 'report.html')), false);
  const alone = await sioBench(['report', file, '--no-html']);
  assert.deepEqual(alone, { code: 2, stdout: '', stderr: 'sio-bench: --no-html leaves nothing to write: add --md FILE or --junit FILE\n' });
});

test('a missing, unknown-version or broken result exits 2 with a clear message', async () => {
  const dir = path.dirname(await resultInTempDir());
  const missing = path.join(dir, 'missing.json');
  assert.deepEqual(await sioBench(['report', missing]), {
    code: 2,
    stdout: '',
    stderr: `sio-bench: cannot read result ${missing}: no such file or folder (ENOENT)\n`,
  });
  const future = path.join(dir, 'future.json');
  await writeFile(future, JSON.stringify({ version: 99 }));
  const futureOutcome = await sioBench(['report', future]);
  assert.equal(futureOutcome.code, 2);
  assert.match(futureOutcome.stderr, /has result format version 99; this sio-bench reads version 1 only/);
  // Shape-valid but with a histogram that does not decode: the renderer's failure is reported as bad input.
  const broken = path.join(dir, 'broken.json');
  const text = await readFile(path.join(dir, 'result.json'), 'utf8');
  const parsed = JSON.parse(text) as { totals: { histograms: { echo: { corrected: string } } } };
  parsed.totals.histograms.echo.corrected = 'not-a-histogram';
  await writeFile(broken, JSON.stringify(parsed));
  const brokenOutcome = await sioBench(['report', broken]);
  assert.equal(brokenOutcome.code, 2, brokenOutcome.stderr);
  assert.match(brokenOutcome.stderr, new RegExp(`^sio-bench: cannot write reports of ${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
});
