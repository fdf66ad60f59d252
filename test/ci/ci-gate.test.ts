/**
 * Runs docs/examples/ci-gate.sh for real, as a CI job would: on "main" it saves a baseline, on a "pull request"
 * of the same build it runs again and compares. A small scenario (50 clients, 3 s, 2 repetitions, one worker
 * thread), since the machine is shared.
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

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const script = path.join(repoRoot, 'docs', 'examples', 'ci-gate.sh');
const cli = path.join(repoRoot, 'bin', 'sio-bench.js');
const execFileAsync = promisify(execFile);

const SCENARIO = `
name: ci-echo
target: builtin
population: {clients: 50, seed: 9}
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

async function gate(args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync('sh', [script, ...args], { cwd, env: { ...process.env, ...env }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

test('ci-gate.sh saves a baseline on main, then gates a rerun of the same build: exit 0 and the Markdown written', { timeout: 300_000 }, async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'sio-bench-ci-gate-'));
  await writeFile(path.join(dir, 'echo.yml'), SCENARIO);
  const summary = path.join(dir, 'step-summary.md');
  const env = {
    SIO_BENCH: `${process.execPath} ${cli}`,
    REPEAT: '2',
    BASELINE_DIR: path.join(dir, 'baselines'),
    GATE_FLAGS: '--metric echo.latency.p50 --metric errors.rate --tolerance 50% --min-latency-change 10ms',
    GITHUB_STEP_SUMMARY: summary,
  };
  const run = ['--set', 'duration=3s', '--workers', '1'];

  // A pull request before main has a baseline: bad input (2) that says how to make one.
  const cold = await gate(['gate', 'echo.yml', ...run], { ...env, OUT_DIR: 'cold' }, dir);
  assert.equal(cold.code, 2, cold.stderr);
  assert.equal(cold.stderr, `ci-gate: no baseline named main in ${env.BASELINE_DIR}; run '${script} baseline echo.yml' on main first\n`);
  assert.equal(existsSync(path.join(dir, 'cold')), false, 'nothing was run');

  const main = await gate(['baseline', 'echo.yml', ...run], { ...env, OUT_DIR: 'main' }, dir);
  assert.equal(main.code, 0, main.stderr);
  assert.ok(existsSync(path.join(dir, 'baselines', 'main.json')));

  const pr = await gate(['gate', 'echo.yml', ...run], { ...env, OUT_DIR: 'pr' }, dir);
  assert.equal(pr.code, 0, `${pr.stdout}\n${pr.stderr}`);
  assert.match(pr.stdout, /\nPASS: no regression beyond 50%\n/);
  const markdown = await readFile(path.join(dir, 'pr', 'compare.md'), 'utf8');
  assert.match(markdown, /^### ✅ sio-bench compare: ci-echo\n/);
  assert.equal(await readFile(summary, 'utf8'), markdown, 'the step summary holds the comparison');
  assert.ok(existsSync(path.join(dir, 'pr', 'report.html')), 'the HTML report is there to upload');

  const usage = await gate(['deploy'], env, dir);
  assert.equal(usage.code, 2);
});

test('the GitHub Actions example parses and runs the same commands as the script', async () => {
  const { parse } = await import('yaml');
  const workflow = parse(await readFile(path.join(repoRoot, 'docs', 'examples', 'sio-bench.yml'), 'utf8')) as {
    jobs: { bench: { steps: Array<{ run?: string; uses?: string }> }; ab: { steps: Array<{ run?: string; uses?: string; with?: { path?: string } }> } };
  };
  const runs = workflow.jobs.bench.steps.map((step) => step.run ?? '').join('\n');
  const shell = await readFile(script, 'utf8');
  for (const command of ['--repeat', '--save-baseline main', 'compare --baseline', '--md ', 'GITHUB_STEP_SUMMARY']) {
    assert.ok(runs.includes(command), `the workflow runs ${command}`);
    assert.ok(shell.includes(command.replace('--save-baseline main', '--save-baseline')), `the script runs ${command}`);
  }
  assert.ok(workflow.jobs.bench.steps.some((step) => step.uses?.startsWith('actions/upload-artifact') === true), 'the workflow uploads the reports');
  // The interleaved job: main checked out beside the pull request, both built, compared by compare --run.
  const abRuns = workflow.jobs.ab.steps.map((step) => step.run ?? '').join('\n');
  assert.ok(workflow.jobs.ab.steps.some((step) => step.uses?.startsWith('actions/checkout') === true && step.with?.path === 'main'));
  assert.match(abRuns, /compare --run "\$SCENARIO" --baseline-target main --candidate-target \./);
  assert.match(shell, /compare --run "\$scenario" --baseline-target "\$main_checkout" --candidate-target \./);
});
