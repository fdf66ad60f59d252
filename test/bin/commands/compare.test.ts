/** `sio-bench compare` on hand-built result files: exit codes, stdout, the Markdown file, named baselines. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { saveBaseline } from '../../../loadgen/baselines/baseline-store.js';
import type { RunResult } from '../../../loadgen/run-result.js';
import { echoRuns, handResult } from '../../loadgen/compare/hand-results.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const cli = path.join(repoRoot, 'bin', 'sio-bench.js');
const execFileAsync = promisify(execFile);

async function sioBench(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [cli, ...args], { timeout: 90_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

async function files(results: Record<string, RunResult>): Promise<{ dir: string; paths: Record<string, string> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sio-bench-compare-cmd-'));
  const paths: Record<string, string> = {};
  for (const [name, result] of Object.entries(results)) {
    paths[name] = path.join(dir, `${name}.json`);
    await writeFile(paths[name]!, JSON.stringify(result));
  }
  return { dir, paths };
}

const base = handResult(echoRuns([1000, 1100, 1300]));
const same = handResult(echoRuns([1200, 1050, 1250]));
const slow = handResult(echoRuns([21_000, 22_000, 23_000]));

test('exit 0 when nothing regressed, 1 on a regression, with the table on stdout and the Markdown in --md', async () => {
  const { dir, paths } = await files({ base, same, slow });
  const ok = await sioBench(['compare', paths.base!, paths.same!]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /^sio-bench compare: .*base\.json \(3 runs/);
  assert.match(ok.stdout, /\nPASS: no regression beyond each metric's tolerance\n$/);

  const md = path.join(dir, 'out', 'compare.md');
  const bad = await sioBench(['compare', paths.base!, paths.slow!, '--metric', 'echo.latency', '--md', md]);
  assert.equal(bad.code, 1, bad.stderr);
  assert.match(bad.stdout, /echo\.latency\.p50 .* REGRESSION/);
  assert.match(bad.stdout, /\nFAIL: 3 regressions beyond each metric's tolerance: echo\.latency\.p50, echo\.latency\.p90, echo\.latency\.p99\n$/);
  assert.equal(bad.stderr, `sio-bench: comparison written to ${md}\n`);
  assert.match(await readFile(md, 'utf8'), /^### ❌ sio-bench compare: hand\n/);

  // A tolerance wide enough lets the same change through, for all metrics or for one group.
  const tolerant = await sioBench(['compare', paths.base!, paths.slow!, '--tolerance', '5000%']);
  assert.equal(tolerant.code, 0, tolerant.stdout);
  const one = await sioBench(['compare', paths.base!, paths.slow!, '--tolerance-for', 'echo.latency=5000%']);
  assert.equal(one.code, 0, one.stdout);
  const byGroup = await sioBench(['compare', paths.base!, paths.slow!, '--tolerance-for', 'echo.latency.p99=5000%']);
  assert.match(byGroup.stdout, /\nFAIL: 2 regressions beyond each metric's tolerance: echo\.latency\.p50, echo\.latency\.p90\n$/);
});

test('single runs: undecided and exit 0, with how many runs would decide; --decide-by-ratio lets the ratio fail the gate', async () => {
  const { paths } = await files({ one: handResult(echoRuns([1000])), other: handResult(echoRuns([9000])) });
  const undecided = await sioBench(['compare', paths.one!, paths.other!, '--metric', 'echo.latency.p50']);
  assert.equal(undecided.code, 0, undecided.stdout);
  assert.match(undecided.stdout, /echo\.latency\.p50 .* undecided \(needs 3 runs a side\)\n/);
  assert.match(undecided.stdout, /\nPASS \(undecided\): no regression shown; 1 change beyond each metric's tolerance need 3 runs a side to decide\n$/);
  const byRatio = await sioBench(['compare', paths.one!, paths.other!, '--metric', 'echo.latency.p50', '--decide-by-ratio']);
  assert.equal(byRatio.code, 1, byRatio.stdout);
});

test('--baseline NAME takes the place of the first file', async () => {
  const { dir, paths } = await files({ slow });
  const baselineDir = path.join(dir, 'baselines');
  await saveBaseline(base, 'main', baselineDir);
  const outcome = await sioBench(['compare', '--baseline', 'main', '--baseline-dir', baselineDir, paths.slow!]);
  assert.equal(outcome.code, 1, outcome.stderr);
  assert.match(outcome.stdout, /^sio-bench compare: baseline main \(3 runs/);
  // run --baseline refuses, before it starts, a baseline of another scenario (hand, not rooms).
  const rooms = path.join(repoRoot, 'scenarios', 'rooms.yml');
  const refused = await sioBench(['run', rooms, '--baseline', 'main', '--baseline-dir', baselineDir, '--no-tui', '--out', path.join(dir, 'never')]);
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(refused.stderr, /--baseline main ran scenario hand, this run is rooms/);
});

test('bad input exits 2 with one line that says what is wrong', async () => {
  const { dir, paths } = await files({ base });
  const cases: Array<[string[], RegExp]> = [
    [['compare', paths.base!], /give two results, BASELINE\.json CANDIDATE\.json \(got 1\)/],
    [['compare', paths.base!, path.join(dir, 'absent.json')], /cannot read result .*absent\.json/],
    [['compare', paths.base!, paths.base!, '--tolerance', 'lots'], /--tolerance must be a percentage/],
    [['compare', paths.base!, paths.base!, '--confidence', '100%'], /--confidence must be a percentage between 50% and 100%/],
    [['compare', paths.base!, paths.base!, '--metric', 'nope'], /--metric "nope" names no metric/],
    [['compare', paths.base!, paths.base!, '--min-latency-change', 'soon'], /--min-latency-change must be a duration/],
    [['compare', paths.base!, paths.base!, '--tolerance-for', 'echo.latency'], /--tolerance-for needs METRIC=PERCENT/],
    [['compare', paths.base!, paths.base!, '--tolerance-for', 'echo.latency=much'], /--tolerance-for echo\.latency must be a percentage/],
    [['compare', paths.base!, paths.base!, '--baseline-target', 'http://127.0.0.1:1'], /--baseline-target needs --run SCENARIO/],
    [['compare', '--run', path.join(dir, 'absent.yml'), paths.base!], /with --run, give no result files/],
    [['compare', '--run', path.join(dir, 'absent.yml'), '--candidate-target', dir], /--candidate-target .* has no bin\/sio-bench\.js/],
    [['compare', '--run', path.join(dir, 'absent.yml'), '--repeat', '1'], /--repeat must be at least 2 with --run/],
    [['compare', '--baseline', 'main', '--baseline-dir', dir, paths.base!], /no baseline named "main"/],
  ];
  for (const [args, message] of cases) {
    const outcome = await sioBench(args);
    assert.equal(outcome.code, 2, `${args.join(' ')}: ${outcome.stderr}`);
    assert.match(outcome.stderr, message);
  }
});

test('results of different scenarios are refused with exit 2 and the reason, unless --allow-different-scenarios', async () => {
  const other: RunResult = { ...slow, scenario: { ...slow.scenario, name: 'fanout' } };
  const { paths } = await files({ base, other });
  const refused = await sioBench(['compare', paths.base!, paths.other!]);
  assert.deepEqual(refused, {
    code: 2,
    stdout: '',
    stderr:
      `sio-bench: the results ran different scenarios (${base.scenario.name} in ${paths.base}, fanout in ${paths.other}), ` +
      'so their figures do not measure the same load; pass --allow-different-scenarios to compare them anyway\n',
  });
  const allowed = await sioBench(['compare', paths.base!, paths.other!, '--allow-different-scenarios']);
  assert.equal(allowed.code, 1, allowed.stderr);
  assert.match(allowed.stdout, /different scenarios/);
});
