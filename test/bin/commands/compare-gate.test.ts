/**
 * The end-to-end proof of the regression gate, against the built-in reference server: two `--repeat 3` runs of
 * the same small scenario do not trip the gate, and a run whose server delays every reply by 20 ms (the
 * reference server's fault injection) does. Runs are kept small (50 clients, 3 s each, one worker thread): the
 * machine is shared. The gate compares the median echo latency with a 10 ms floor and 50% tolerance, which
 * ignores scheduler noise on a busy 2-core machine and still sees a 20 ms slowdown many times over.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { readResult } from '../../../loadgen/result/write-result.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const cli = path.join(repoRoot, 'bin', 'sio-bench.js');
const execFileAsync = promisify(execFile);

function scenario(target: string): string {
  return `
name: gate-echo
target: ${target}
client: lean
transport: websocket
population: {clients: 50, seed: 5}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1s}
  - {name: steady, kind: hold, duration: 2s}
actions:
  - kind: echo
    rate: {perClient: 2}
thresholds:
  - errors.rate < 5%
drain: 500ms
`;
}

async function sioBench(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [cli, ...args], { timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const RUN = ['--repeat', '3', '--set', 'duration=3s', '--workers', '1', '--no-tui'];
const GATE = ['--metric', 'echo.latency.p50', '--metric', 'errors.rate', '--tolerance', '50%', '--min-latency-change', '10ms'];

test('an unchanged build passes the gate and a build with injected latency fails it', { timeout: 300_000 }, async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'sio-bench-gate-'));
  const baselines = path.join(dir, 'baselines');
  const plain = path.join(dir, 'echo.yml');
  const slow = path.join(dir, 'echo-slow.yml');
  await writeFile(plain, scenario('builtin'));
  await writeFile(slow, scenario('{builtin: {faults: {replyDelayFraction: 1, replyDelay: 20ms}}}'));

  const main = await sioBench(['run', plain, ...RUN, '--out', path.join(dir, 'main'), '--save-baseline', 'main', '--baseline-dir', baselines]);
  assert.equal(main.code, 0, main.stderr);
  assert.match(main.stderr, /sio-bench: repetition 1\/3\n[^]*sio-bench: repetition 2\/3\n[^]*sio-bench: repetition 3\/3\n/);
  assert.match(main.stderr, new RegExp(`baseline main saved to ${path.join(baselines, 'main.json').replace(/[.]/g, '\\.')}`));
  const saved = readResult(path.join(baselines, 'main.json'));
  assert.equal(saved.repetitions?.length, 3);
  const perRun = saved.repetitions!.map((repetition) => repetition.latency.echo?.corrected.count ?? 0);
  assert.ok(perRun.every((count) => count > 0), `echo samples per repetition: ${perRun.join(', ')}`);
  assert.equal(saved.totals.latency.echo?.corrected.count, perRun.reduce((sum, count) => sum + count, 0), 'the top level merges every repetition');

  const again = await sioBench(['run', plain, ...RUN, '--out', path.join(dir, 'again')]);
  assert.equal(again.code, 0, again.stderr);
  const unchanged = await sioBench(['compare', '--baseline', 'main', '--baseline-dir', baselines, path.join(dir, 'again', 'result.json'), ...GATE]);
  assert.equal(unchanged.code, 0, `an unchanged build tripped the gate:\n${unchanged.stdout}`);
  assert.match(unchanged.stdout, /Decided over 3 baseline and 3 candidate repetitions/);

  // The slowed build, gated straight from `run --baseline` (default gate settings) and again with `compare`.
  const slowOut = path.join(dir, 'slow');
  const slowed = await sioBench(['run', slow, ...RUN, '--out', slowOut, '--baseline', 'main', '--baseline-dir', baselines]);
  // Runs minutes apart on a shared machine: the gate fails, or (when the machine's state differed, which the
  // result recorded) says it cannot judge and names the reading; it never passes the change as "ok".
  if (slowed.code === 0) assert.match(slowed.stdout, /echo\.latency\.p50 .* not judged: machine differed[^]*\nNOT JUDGED: the machine differed/);
  else assert.equal(slowed.code, 1, `the slowed build passed the gate:\n${slowed.stdout}\n${slowed.stderr}`);
  assert.ok(existsSync(path.join(slowOut, 'compare.md')));
  const gated = await sioBench(['compare', '--baseline', 'main', '--baseline-dir', baselines, path.join(slowOut, 'result.json'), ...GATE, '--no-environment-check', '--md', path.join(dir, 'gate.md')]);
  assert.equal(gated.code, 1, gated.stdout);
  assert.match(gated.stdout, /\nFAIL: 1 regression beyond 50%: echo\.latency\.p50\n$/);
  assert.match(await readFile(path.join(dir, 'gate.md'), 'utf8'), /\| `echo\.latency\.p50` \|.*\| \*\*REGRESSION\*\* \|/);
});

test('compare --run: a URL baseline and a checkout candidate run interleaved in one job; the slowed one fails the gate', { timeout: 300_000 }, async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'sio-bench-ab-'));
  const file = path.join(dir, 'echo.yml');
  await writeFile(file, scenario('builtin'));
  const serve = execFile(process.execPath, [cli, 'serve', '--port', '0', '--transports', 'websocket']);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      serve.stdout?.on('data', (chunk: Buffer) => {
        const match = /listening (http:\/\/\S+)/.exec(chunk.toString());
        if (match) resolve(match[1]!);
      });
      serve.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const out = path.join(dir, 'ab');
    const ab = await sioBench([
      'compare', '--run', file, '--baseline-target', url, '--candidate-target', repoRoot,
      '--candidate-set', 'target.builtin.faults.replyDelayFraction=1', '--candidate-set', 'target.builtin.faults.replyDelay=20ms',
      '--set', 'duration=3s', '--workers', '1', '--out', out, '--metric', 'echo.latency.p50',
    ]);
    assert.equal(ab.code, 1, `${ab.stdout}\n${ab.stderr}`);
    // Three runs a side by default, alternating.
    assert.match(ab.stderr, /run 1\/6: baseline http:[^\n]*\n[^]*run 2\/6: candidate built-in server of [^\n]*\n[^]*run 3\/6: baseline [^]*run 4\/6: candidate [^]*run 6\/6: candidate /);
    assert.match(ab.stdout, /Interleaved in one job \(A B A B A B\)/);
    assert.match(ab.stdout, /echo\.latency\.p50 .* 0\.05  REGRESSION\n/);
    for (const side of ['baseline', 'candidate']) assert.equal(readResult(path.join(out, side, 'result.json')).repetitions?.length, 3);
    assert.match(await readFile(path.join(out, 'compare.md'), 'utf8'), /\*\*REGRESSION\*\*/);
    // Each side's result is an ordinary --repeat result: compare reads them again, to the same verdict.
    const again = await sioBench(['compare', path.join(out, 'baseline', 'result.json'), path.join(out, 'candidate', 'result.json'), '--metric', 'echo.latency.p50']);
    assert.equal(again.code, 1, again.stdout);
  } finally {
    serve.kill('SIGKILL');
  }
});
