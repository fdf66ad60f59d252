import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { createInkReporter } from '../../../reports/live/ink-reporter.js';
import { finishMessage } from '../../../reports/live/finish-message.js';
import { createPlainReporter } from '../../../reports/live/plain-reporter.js';
import { renderProgressLine } from '../../../reports/progress-line.js';
import { liveStateAt } from '../../fixtures/make-live-state.js';
import { makeRunResult } from '../../fixtures/make-run-result.js';

const result = makeRunResult();
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** A terminal stand-in: 80 columns, collects everything written. */
class FakeStdout extends EventEmitter {
  readonly columns = 80;
  constructor(readonly rows = 40) {
    super();
  }
  readonly isTTY = true;
  written = '';
  write(chunk: string): boolean {
    this.written += chunk;
    return true;
  }
}

/** Keys typed into the dashboard, as Ink reads them (readable + read()). */
class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private pending: string | null = null;
  type(text: string): void {
    this.pending = text;
    this.emit('readable');
  }
  read(): string | null {
    const text = this.pending;
    this.pending = null;
    return text;
  }
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

test('finishMessage names the verdict and the failed thresholds', () => {
  assert.equal(finishMessage(result), 'finished: failed (1 of 3 thresholds failed)');
  const kept = { ...result.totals, counters: { ...result.totals.counters, droppedSlots: 0 } };
  assert.equal(finishMessage({ ...result, verdict: 'passed', thresholds: result.thresholds.slice(1), totals: kept }), 'finished: passed (2 of 2 thresholds held)');
  const short = { ...result.totals, counters: { ...result.totals.counters, droppedSlots: 577, scheduledSlots: 9_577 } };
  assert.equal(
    finishMessage({ ...result, verdict: 'passed', thresholds: result.thresholds.slice(1), totals: short }),
    'finished: passed (2 of 2 thresholds held), but the load generator dropped 577 of 9,577 scheduled actions (6.02%): the load was lower than asked',
  );
  assert.equal(
    finishMessage({ ...result, status: 'failed', failure: { kind: 'target', message: 'target unreachable: ECONNREFUSED' } }),
    'run failed: target unreachable: ECONNREFUSED',
  );
});

test('the Ink reporter draws snapshots, turns q into a stop request and ends with the verdict', async () => {
  // A short terminal: a frame as tall as it would be drawn full-screen, without the newline after its last line.
  const stdout = new FakeStdout(14);
  const stdin = new FakeStdin();
  const reporter = createInkReporter({ stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream });
  let stops = 0;
  reporter.onStopRequest(() => (stops += 1));
  reporter.update(liveStateAt(result, 10));
  for (let i = 0; i < 50 && stdin.listenerCount('readable') === 0; i++) await new Promise((resolve) => setImmediate(resolve));
  stdin.type('q');
  stdin.type('q');
  assert.equal(stops, 1, 'one stop request however often q is pressed');
  reporter.update(liveStateAt(result, 11, { status: 'stopping' }));
  await reporter.finish({ ...result, status: 'interrupted' });
  const text = stdout.written.replace(ANSI, '');
  assert.match(text, /sio-bench rooms · builtin http:\/\/127\.0\.0\.1:40123/);
  assert.match(text, /^interrupted after 1m00s: 1 of 3 thresholds failed over the part that ran$/m);
  // The summary printed next must start on a line of its own, not after the last frame's status line.
  assert.match(text, /interrupted after 1m00s: 1 of 3 thresholds failed over the part that ran[^\n]*\n$/, 'the last frame ends with a newline');
  assert.equal(stdout.listenerCount('resize'), 0, 'finish stops listening for resizes');
});

test('the plain reporter prints one ANSI-free progress line per period and the end', async () => {
  const lines: string[] = [];
  const reporter = createPlainReporter({ write: (text: string) => lines.push(text) }, 5000);
  reporter.update(liveStateAt(result, 0));
  for (let second = 1; second <= 12; second++) reporter.update(liveStateAt(result, second));
  reporter.update(liveStateAt(result, 13, { status: 'stopping' }));
  await reporter.finish(result);
  const at = (second: number): string => {
    const state = liveStateAt(result, second);
    assert.ok(state.latest !== undefined);
    return `${renderProgressLine(state.latest, {
      phase: second < 6 ? 'ramp-up' : 'steady',
      phaseRemainingMs: (second < 6 ? 6 : 48) * 1000 - second * 1000,
      elapsedMs: second * 1000,
      totalMs: 60_000,
      connectionsTarget: state.connections.target,
      lost: state.delivery.lost,
      errorsTotal: second >= 2 ? 3 : 0,
    })}\n`;
  };
  assert.deepEqual(lines, [at(1), at(6), at(11), 'stopping: finishing phases and writing the result\n', 'finished: failed (1 of 3 thresholds failed)\n']);
  for (const line of lines) assert.doesNotMatch(line, /\x1b/);
});

test('the plain reporter starts over when run time goes back (the next repetition of --repeat)', () => {
  const lines: string[] = [];
  const reporter = createPlainReporter({ write: (text: string) => lines.push(text) }, 5000);
  for (const second of [1, 2, 6, 7]) reporter.update(liveStateAt(result, second));
  assert.equal(lines.length, 2, 'seconds 1 and 6 of the first run');
  for (const second of [1, 2, 6]) reporter.update(liveStateAt(result, second));
  assert.equal(lines.length, 4, 'seconds 1 and 6 of the second run as well');
  assert.equal(lines[2], lines[0]);
});
