import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { UserError } from '../../../loadgen/user-error.js';
import { defaultOutputDir, outputDirError, prepareOutputDir, readResult, writeResultAtomic } from '../../../loadgen/result/write-result.js';
import { handBuiltResult } from '../../reports/fixtures/hand-built-result.js';

let root: string;
before(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'sio-bench-write-result-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Asserts that `promiseOrFn` fails with a UserError of exit code 2 whose message is exactly `message`. */
async function rejectsWith(action: () => unknown, message: string): Promise<void> {
  await assert.rejects(async () => action(), (error: unknown) => {
    assert.ok(error instanceof UserError, `expected a UserError, got ${String(error)}`);
    assert.equal(error.kind, 'badInput');
    assert.equal(error.message, message);
    return true;
  });
}

describe('defaultOutputDir', () => {
  it('is results/<scenario>-<YYYYMMDD-HHMMSS> in UTC', () => {
    assert.equal(defaultOutputDir('rooms', new Date(Date.UTC(2026, 10, 26, 9, 5, 7))), path.join('results', 'rooms-20261126-090507'));
  });
  it('makes any scenario name a safe folder name', () => {
    const startedAt = new Date(Date.UTC(2026, 0, 2, 23, 59, 0));
    assert.equal(defaultOutputDir('../my chat/room ✓', startedAt), path.join('results', 'my-chat-room-20260102-235900'));
    assert.equal(defaultOutputDir('...', startedAt), path.join('results', 'run-20260102-235900'));
  });
});

describe('prepareOutputDir', () => {
  it('creates missing parents and leaves the folder empty', async () => {
    const dir = path.join(root, 'a', 'b', 'c');
    await prepareOutputDir(dir);
    assert.deepEqual(await readdir(dir), []);
  });

  it('names the folder when a file is in the way', async () => {
    const file = path.join(root, 'plain-file');
    await writeFile(file, 'x');
    const dir = path.join(file, 'out');
    await rejectsWith(() => prepareOutputDir(dir), `cannot write results to ${dir}: a file that is not a folder is in the way (ENOTDIR); choose another folder with --out`);
  });

  it('names the folder when it is not writable (EACCES)', () => {
    // As root (CI) a read-only folder is still writable, so the error itself is made up, like ENOSPC below.
    const eacces = Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' });
    const error = outputDirError('/data/results/x', eacces);
    assert.equal(error.kind, 'badInput');
    assert.equal(error.message, 'cannot write results to /data/results/x: not writable (permission denied, EACCES); choose another folder with --out');
  });

  it('says the disk is full on ENOSPC', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const error = outputDirError('/data/results/x', enospc);
    assert.equal(error.kind, 'badInput');
    assert.equal(error.message, 'cannot write results to /data/results/x: the disk is full (ENOSPC); choose another folder with --out');
  });
});

describe('writeResultAtomic and readResult', () => {
  it('writes result.json that reads back equal, leaving no temp file', async () => {
    const dir = path.join(root, 'round-trip');
    await prepareOutputDir(dir);
    const written = await writeResultAtomic(dir, handBuiltResult());
    assert.equal(written, path.join(dir, 'result.json'));
    assert.deepEqual(await readdir(dir), ['result.json']);
    assert.deepEqual(readResult(written), handBuiltResult());
  });

  it('replaces an existing result.json whole, even a longer one', async () => {
    const dir = path.join(root, 'replace');
    await mkdir(dir);
    await writeFile(path.join(dir, 'result.json'), 'x'.repeat(200_000));
    await writeResultAtomic(dir, handBuiltResult());
    const text = await readFile(path.join(dir, 'result.json'), 'utf8');
    assert.equal(text, `${JSON.stringify(handBuiltResult(), null, 2)}\n`);
    assert.deepEqual(await readdir(dir), ['result.json']);
  });

  it('on a failed rename removes its temp file and keeps what was there', async () => {
    const dir = path.join(root, 'blocked');
    // A non-empty folder named result.json: the rename over it fails on every platform.
    await mkdir(path.join(dir, 'result.json'), { recursive: true });
    await writeFile(path.join(dir, 'result.json', 'keep'), 'kept');
    await assert.rejects(writeResultAtomic(dir, handBuiltResult()), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.match(error.message, new RegExp(`^cannot write results to ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      return true;
    });
    assert.deepEqual(await readdir(dir), ['result.json']);
    assert.equal(await readFile(path.join(dir, 'result.json', 'keep'), 'utf8'), 'kept');
  });

  it('refuses a result of an unknown version, naming both versions', async () => {
    const file = path.join(root, 'v2.json');
    await writeFile(file, JSON.stringify({ ...handBuiltResult(), version: 2 }));
    await rejectsWith(() => readResult(file), `${file} has result format version 2; this sio-bench reads version 1 only (upgrade sio-bench to read it)`);
    const unversioned = path.join(root, 'unversioned.json');
    await writeFile(unversioned, JSON.stringify({ status: 'completed' }));
    await rejectsWith(() => readResult(unversioned), `${unversioned} has result format no version number; this sio-bench reads version 1 only`);
  });

  it('lists every shape problem at once', async () => {
    const file = path.join(root, 'bad-shape.json');
    const { series: _series, ...withoutSeries } = handBuiltResult();
    await writeFile(file, JSON.stringify({ ...withoutSeries, verdict: 'maybe', totals: { ...handBuiltResult().totals, counters: null } }));
    await rejectsWith(
      () => readResult(file),
      `${file} is not a valid sio-bench result:\n  verdict: expected 'passed' or 'failed'\n  totals.counters: expected an object\n  series: expected an array`,
    );
  });

  it('says what is wrong with a file that is not JSON or not there', async () => {
    const file = path.join(root, 'not-json.json');
    await writeFile(file, '{"version": 1,');
    await assert.rejects(async () => readResult(file), (error: unknown) => error instanceof UserError && error.message.startsWith(`${file} is not valid JSON: `));
    const missing = path.join(root, 'missing.json');
    await rejectsWith(() => readResult(missing), `cannot read result ${missing}: no such file or folder (ENOENT)`);
  });
});
