import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'ink-testing-library';
import { formatLatencyUs } from '../../../reports/format.js';
import { Dashboard } from '../../../reports/live/Dashboard.js';
import { DashboardApp } from '../../../reports/live/DashboardApp.js';
import type { LiveState } from '../../../loadgen/live-state.js';
import { liveStateAt } from '../../fixtures/make-live-state.js';
import { makeRunResult } from '../../fixtures/make-run-result.js';

const result = makeRunResult();
const ANSI = /\x1b\[[0-9;]*m/g;

function frameOf(state: LiveState, width: number, stopRequested = false, height = 24): string {
  const instance = render(<Dashboard state={state} width={width} height={height} stopRequested={stopRequested} />);
  const frame = (instance.lastFrame() ?? '').replace(ANSI, '');
  instance.unmount();
  return frame;
}

function longestLine(frame: string): number {
  return Math.max(...frame.split('\n').map((line) => Array.from(line).length));
}

test('the dashboard shows every panel with the figures of the snapshot', () => {
  const state = liveStateAt(result, 52);
  const frame = frameOf(state, 100);
  const latest = state.latest;
  assert.ok(latest !== undefined);
  const broadcast = latest.latency.broadcast;
  assert.ok(broadcast !== undefined);
  const expectedLines = [
    'sio-bench rooms · builtin http://127.0.0.1:40123 · client lean · websocket',
    'running  elapsed 0:52 of 1:00  remaining 0:08',
    `connections       target 500  open 500  connecting 0  failed 3  0 conn/s`,
    `delivery          expected ${state.delivery.expected.toLocaleString('en-US')}  received ${state.delivery.received.toLocaleString('en-US')}  lost ${state.delivery.lost}  duplicated 0`,
    '  ✗ broadcast.latency p(99) < 15ms  now 17.15 ms, breached since 50s',
    '  ✓ echo.latency p(99) < 50ms  now 12.58 ms',
    'press q or Ctrl-C to stop gracefully (the result is still written)',
  ];
  for (const line of expectedLines) assert.ok(frame.split('\n').includes(line), `missing line ${JSON.stringify(line)} in\n${frame}`);
  // Finished phases (static, above) and the running one with its time left.
  assert.match(frame, /^✓ ramp-up +ramp +█+ 0:06\/0:06$/m);
  assert.match(frame, /^✓ steady +hold +█+ 0:42\/0:42$/m);
  assert.match(frame, /^▶ spike +spike +█+░+ 0:04\/0:12  0:08 left$/m);
  const broadcastRow = frame.split('\n').find((line) => line.startsWith('  broadcast '));
  assert.ok(broadcastRow !== undefined);
  const cells = broadcastRow.trim().split(/ +/);
  assert.deepEqual(cells, [
    'broadcast',
    ...[broadcast.corrected.p50Us, broadcast.corrected.p90Us, broadcast.corrected.p99Us, broadcast.corrected.p999Us, broadcast.corrected.maxUs].map(formatLatencyUs),
    formatLatencyUs(broadcast.uncorrected.p99Us),
  ]);
  assert.match(frame, /^broadcast p99 1m +[▁▂▃▄▅▆▇█]{52} /m);
  assert.match(frame, /^errors +connect_error 3 last: connect_error: websocket error <ECONNRESET>$/m);
  assert.match(frame, /^server +CPU [\d.]+%  RSS [\d.]+ MiB  clients 500  loop p99 /m);
});

test('a threshold is green before its breach and red from it on', () => {
  assert.match(frameOf(liveStateAt(result, 30), 100), /^  ✓ broadcast\.latency p\(99\) < 15ms  now 12 ms$/m);
  assert.match(frameOf(liveStateAt(result, 50), 100), /^  ✗ broadcast\.latency p\(99\) < 15ms  now 17\.15 ms, breached since 50s$/m);
});

test('a threshold that holds again after a breach is shown recovered, never a ✓ beside a breach time', () => {
  const state = liveStateAt(result, 58);
  const recovered = {
    ...state,
    thresholds: [{ expression: 'echo.latency p(99) < 5ms', passed: true, actual: 3.2, limit: 5, unit: 'ms', firstBreachedAtSec: 10, lastBreachedAtSec: 14 }],
  };
  const frame = frameOf(recovered, 100);
  assert.match(frame, /^  ↺ echo\.latency p\(99\) < 5ms  now 3\.2 ms, holding again \(breached 10s–14s\)$/m);
  assert.doesNotMatch(frame, /✓.*breached/);
});

test('no line is longer than the terminal at 80 and 120 columns, even with long texts', () => {
  for (const width of [80, 120]) {
    for (const atSec of [1, 3, 30, 52, 60]) {
      const frame = frameOf(liveStateAt(result, atSec), width);
      assert.ok(longestLine(frame) <= width, `line longer than ${width} at ${atSec}s:\n${frame}`);
    }
    const long = liveStateAt(result, 52, {
      scenarioName: 'a-scenario-with-a-very-long-name-that-goes-on-and-on',
      target: { kind: 'url', url: `https://example.invalid/${'x'.repeat(120)}` },
      errors: { [`kind-${'y'.repeat(100)}`]: { count: 7, lastMessage: 'z'.repeat(300) } },
    });
    const frame = frameOf(long, width);
    assert.ok(longestLine(frame) <= width, `line longer than ${width}:\n${frame}`);
    assert.match(frame, /^sio-bench a-scenario-with-a-very-long-name/m);
    assert.match(frame, /…$/m);
  }
});

test('a stop request shows at once that the run is finishing, before the coordinator says so', () => {
  const frame = frameOf(liveStateAt(result, 20), 80, true);
  assert.match(frame, /^stopping  elapsed 0:20 of 1:00/m);
  assert.match(frame, /^stopping: finishing phases and writing the result$/m);
});

test('before the first second, and without server samples, the dashboard still draws', () => {
  const state = liveStateAt(result, 0);
  const { server: _server, ...withoutServer } = state;
  const frame = frameOf(withoutServer, 80);
  assert.match(frame, /^  no samples yet$/m);
  assert.match(frame, /^events +sent - {2}received -$/m);
  assert.doesNotMatch(frame, /^server /m);
  assert.match(frame, /^errors +none$/m);
});

test('latencySoFar, when given, replaces the last second in the latency table', () => {
  const state = liveStateAt(result, 52, { latencySoFar: result.totals.latency });
  const frame = frameOf(state, 100);
  const echo = result.totals.latency.echo;
  assert.ok(echo !== undefined);
  assert.match(frame, /^latency \(so far\)/m);
  assert.match(frame, new RegExp(`^  echo +${formatLatencyUs(echo.corrected.p50Us).replace('.', '\\.')} `, 'm'));
});

test('q in the app asks to stop', async () => {
  let stops = 0;
  const instance = render(<DashboardApp state={liveStateAt(result, 10)} width={80} onStop={() => (stops += 1)} />);
  // Ink subscribes to stdin in an effect: wait for the listener before typing.
  for (let i = 0; i < 50 && instance.stdin.listenerCount('readable') === 0; i++) await new Promise((resolve) => setImmediate(resolve));
  instance.stdin.write('q');
  assert.equal(stops, 1);
  instance.stdin.write('x');
  assert.equal(stops, 1);
  instance.unmount();
});

test('at 80×24 the frame fits the terminal: the title and status stay on screen, breached thresholds first', () => {
  const base = liveStateAt(result, 52);
  const someLatency = Object.values(base.latencySoFar ?? base.latest?.latency ?? {})[0];
  assert.ok(someLatency !== undefined);
  // The headline scenario's load: seven latency metrics, six thresholds (one breached), two error kinds, the server.
  const latencySoFar = Object.fromEntries(['connect', 'join', 'leave', 'echo', 'direct', 'broadcast', 'fanoutCompletion'].map((metric) => [metric, someLatency]));
  const thresholds = ['broadcast.latency p(99) < 250ms', 'direct.latency p(99) < 250ms', 'echo.latency p(99) < 250ms', 'connect.failed == 0', 'errors.rate < 0.1%', 'delivery.lost == 0'].map(
    (expression, index) => ({ expression, passed: index !== 4, actual: 1, limit: 2, unit: 'count' }),
  );
  const errors = { connect_error: { count: 3, lastMessage: 'websocket error' }, timeout: { count: 1, lastMessage: 'echo ack timed out' } };
  const state: LiveState = { ...base, latencySoFar, thresholds, errors };
  assert.ok(state.server !== undefined, 'the fixture has a server sample');
  const frame = frameOf(state, 80, false, 24);
  const lines = frame.split('\n');
  const finished = state.phases.filter((phase) => phase.status === 'done' || phase.status === 'cut').length;
  const live = lines.slice(finished);
  assert.ok(live.length <= 23, `${live.length} rows below the finished phases, more than 23:\n${frame}`);
  assert.ok(longestLine(frame) <= 80, `a line is longer than 80:\n${frame}`);
  assert.match(live[0] ?? '', /^sio-bench rooms · /);
  assert.match(live[1] ?? '', /^running  elapsed 0:52 of 1:00/);
  assert.equal(live.at(-1), 'press q or Ctrl-C to stop gracefully (the result is still written)');
  assert.ok(live.includes('  ✗ errors.rate < 0.1%  now 1'), `the breached threshold is shown:\n${frame}`);
  assert.match(frame, /^errors +connect_error 3 \(\+1 more kinds\) last: websocket error$/m);
  // A taller terminal shows every panel in full.
  const tall = frameOf(state, 80, false, 50).split('\n');
  assert.ok(tall.includes('thresholds') && tall.filter((line) => /^  [✓✗] /.test(line)).length === 6, tall.join('\n'));
  assert.ok(tall.some((line) => line.startsWith('server ')) && tall.some((line) => line.startsWith('  fanoutCompletion')));
});
