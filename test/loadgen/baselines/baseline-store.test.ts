import assert from 'node:assert/strict';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { baselinePath, listBaselines, loadBaseline, saveBaseline } from '../../../loadgen/baselines/baseline-store.js';
import { UserError } from '../../../loadgen/user-error.js';
import { makeRunResult } from '../../fixtures/make-run-result.js';

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'sio-bench-baselines-'));
}

test('a saved baseline is read back as it was, under <dir>/<name>.json, and listed', async () => {
  const dir = path.join(await tempDir(), 'nested', 'baselines');
  const result = makeRunResult({ durationSec: 3 });
  const file = await saveBaseline(result, 'main', dir);
  assert.equal(file, path.join(dir, 'main.json'));
  assert.deepEqual(loadBaseline('main', dir), result);
  await saveBaseline({ ...result, durationMs: 1 }, 'main', dir);
  assert.equal(loadBaseline('main', dir).durationMs, 1, 'saving again replaces the baseline');
  await saveBaseline(result, 'pr-12', dir);
  assert.deepEqual(listBaselines(dir), ['main', 'pr-12']);
  assert.deepEqual((await readdir(dir)).sort(), ['main.json', 'pr-12.json'], 'no temp file is left behind');
});

test('a missing baseline is bad input that lists what the folder holds and says how to save one', async () => {
  const dir = await tempDir();
  await writeFile(path.join(dir, 'release.json'), '{}');
  assert.throws(
    () => loadBaseline('main', dir),
    (error: unknown) =>
      error instanceof UserError &&
      error.kind === 'badInput' &&
      error.message === `no baseline named "main" in ${dir} (it holds: release); save one with: sio-bench run SCENARIO --save-baseline main --baseline-dir ${dir}`,
  );
  assert.deepEqual(listBaselines(path.join(dir, 'absent')), []);
});

test('names that are not plain file names are refused', () => {
  for (const name of ['../main', '.hidden', 'a/b', '', 'x'.repeat(129)]) {
    assert.throws(() => baselinePath(name, 'dir'), /is not allowed/, name);
  }
  assert.equal(baselinePath('v1.2_rc-3', 'dir'), path.join('dir', 'v1.2_rc-3.json'));
});
