/** What `--help` tells a new user: exit codes where a CI job gates on them, one default per option, one voice. */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { sioBench } from '../helpers/sio-bench-cli.js';

const ROOMS = fileURLToPath(new URL('../../../scenarios/rooms.yml', import.meta.url));

test('the top-level help lists every exit code and what it means', async () => {
  const { code, stdout } = await sioBench(['--help']);
  assert.equal(code, 0);
  assert.ok(
    stdout.endsWith(
      [
        'Exit codes:',
        '  0    done as asked (run: every threshold passed; compare: no regression)',
        '  1    a threshold failed, or compare found a regression',
        '  2    bad input (a scenario, a flag or a file); nothing was run',
        '  3    the run could not be carried out (target unreachable, server died, worker failed)',
        '  4    run: every threshold passed, but the load generator dropped over 1% of the scheduled actions',
        '  130  interrupted (SIGINT)',
        '',
      ].join('\n'),
    ),
    stdout,
  );
});

test('run, compare and capacity list their exit codes in their own terms', async () => {
  const run = await sioBench(['run', '--help']);
  assert.match(run.stdout, /\nExit codes:\n  0 {4}the run completed and every threshold passed .*\n  1 {4}a threshold failed, or --baseline found a regression\n  2 {4}.*\n  3 {4}.*\n  4 {4}every threshold passed, but the load generator dropped over 1% of the scheduled actions\n  130  interrupted \(SIGINT\); the result covers the part that ran\n$/);
  const compare = await sioBench(['compare', '--help']);
  assert.match(
    compare.stdout,
    /\nExit codes:\n  0 {4}no regression beyond the tolerance \(undecided or not-judged changes do not fail it\)\n  1 {4}a regression beyond the tolerance\n  2 {4}bad input .*results of different scenarios\)\n  3 {4}with --run: a run could not be carried out\n  130  with --run: interrupted \(Ctrl-C\)\n$/,
  );
  const capacity = await sioBench(['capacity', '--help']);
  assert.match(capacity.stdout, /\nExit codes:\n  0 {4}a sustainable load was found\n  1 {4}not even the first step met the objectives\n  2 {4}.*\n  3 {4}.*\n  130  .*\n$/);
});

test("capacity --slo states its default once", async () => {
  const { stdout } = await sioBench(['capacity', '--help']);
  const slo = stdout.slice(stdout.indexOf('--slo'), stdout.indexOf('--set'));
  assert.equal(slo.match(/default/g)?.length, 1, slo);
  assert.match(slo.replace(/\s+/g, ' '), /\(default: the scenario's thresholds\)/);
});

test('every command description in the top-level help starts lower-case and fits two lines, serve included', async () => {
  const { stdout } = await sioBench(['--help']);
  const commands = stdout.slice(stdout.indexOf('Commands:'), stdout.indexOf('Exit codes:')).split('\n').slice(1);
  const serve = commands.findIndex((line) => line.startsWith('  serve '));
  assert.ok(serve >= 0, stdout);
  assert.match(commands[serve]!, /^ {2}serve \[options\] +[a-z]/);
  // A description continues on lines indented past the command column; serve's takes at most one more.
  const continuation = commands.slice(serve + 1).findIndex((line) => !/^ {20,}\S/.test(line));
  assert.ok(continuation <= 1, commands.join('\n'));
  for (const line of commands.filter((text) => /^ {2}\S/.test(text))) assert.match(line, /^ {2}\S.*? {2,}[a-z]/, line);
});

test('a bad --target is reported under --target, with the value typed, not as --set target', async () => {
  const { code, stderr } = await sioBench(['run', ROOMS, '--target', '127.0.0.1:4100', '--no-tui']);
  assert.equal(code, 2);
  assert.equal(stderr, '--target 127.0.0.1:4100: expected an http:// or https:// URL\n');
});
