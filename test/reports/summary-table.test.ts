import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunResult } from '../../loadgen/run-result.js';
import { renderSummaryTable } from '../../reports/summary-table.js';
import { counters, handBuiltResult } from './fixtures/hand-built-result.js';

describe('renderSummaryTable', () => {
  it('renders every section of a hand-built result exactly', () => {
    const expected = [
      'FAILED  rooms: completed in 1m00s; 1 of 2 thresholds failed',
      'target       builtin http://127.0.0.1:40123 · client lean · transport websocket',
      'measured on  sio-bench 0.1.0 · Node v20.20.2 · 2 x Test CPU',
      '',
      'latency (corrected for coordinated omission; uncorrected p99 beside)',
      'metric         count    p50    p90    p99  p99.9     max  p99 uncorr.',
      'connect        2,000  1.2ms  2.5ms  8.1ms   12ms  15.3ms        8.1ms',
      'echo               0      -      -      -      -       -            -',
      'broadcast  1,200,000  850µs  2.1ms  3.1ms   10ms   1.25s        2.9ms',
      '',
      'delivery',
      'metric      expected   received  lost  in flight  undeliverable  duplicated  reordered  unexpected',
      'broadcast  1,200,010  1,200,000    10          0              0           2          1           0',
      'lost: never arrived, though it had its drain · in flight: still in flight when the run was stopped',
      "undeliverable: in flight when the receiver's (or, reaching no one, the sender's) connection closed",
      '',
      'errors',
      'kind           count  latest message',
      'connect_error      4  Invalid namespace',
      'timeout            3  echo ack timed out after 5000 ms',
      '',
      'thresholds',
      '      expression                      actual  limit  breaches',
      'pass  broadcast.latency p(99) < 50ms   3.1ms   50ms',
      'FAIL  delivery.lost == 0                  10      0  breached since 12s',
      '',
      'connections  peak 2,000 · attempts 2,004 · failed 4',
      '             disconnects 12 (transport close 10, ping timeout 2) · reconnects 10',
      'throughput   sent 72,000 (1.2k/s) · received 2,880,000 (48k/s) · 12 MiB out · 480 MiB in',
      'schedule     dropped slots 5 · acks timed out 3',
      'server       cpu peak 87.5% · rss peak 120 MiB · event loop delay p99 peak 3.1ms',
      '             clients peak 2,000',
      '',
      'warning: load generator saturated at 41s (event loop delay 120ms)',
      '',
    ].join('\n');
    assert.equal(renderSummaryTable(handBuiltResult()), expected);
  });

  it('wraps fact lines and cuts table lines at the given width', () => {
    const lines = renderSummaryTable(handBuiltResult(), { width: 60 }).split('\n');
    assert.deepEqual(lines.slice(0, 4), [
      'FAILED  rooms: completed in 1m00s; 1 of 2 thresholds failed',
      'target       builtin http://127.0.0.1:40123 · client lean',
      '             transport websocket',
      'measured on  sio-bench 0.1.0 · Node v20.20.2 · 2 x Test CPU',
    ]);
    assert.equal(lines.find((line) => line.startsWith('broadcast  1,200,000')), 'broadcast  1,200,000  850µs  2.1ms  3.1ms   10ms   1.25s   …');
    assert.ok(lines.every((line) => line.length <= 60), 'no line is longer than the width');
  });

  it('prints a long warning whole, wrapped at words, with its remedy at the end', () => {
    const warning =
      'the load generator itself was saturated in 12 of 60 seconds (first in second 3; per second in series[].loadgen): latencies of those seconds include its own queueing and are not trustworthy as the server\'s; use more --workers, fewer clients per machine, or several machines (--shard)';
    const text = renderSummaryTable({ ...handBuiltResult(), warnings: [warning] }, { width: 80 });
    const lines = text.trimEnd().split('\n');
    const start = lines.findIndex((line) => line.startsWith('warning: '));
    assert.deepEqual(lines.slice(start), [
      'warning: the load generator itself was saturated in 12 of 60 seconds (first in',
      '         second 3; per second in series[].loadgen): latencies of those seconds',
      "         include its own queueing and are not trustworthy as the server's; use",
      '         more --workers, fewer clients per machine, or several machines',
      '         (--shard)',
    ]);
    assert.ok(lines.every((line) => line.length <= 80), 'no line is longer than the width');
  });

  it('says in the verdict that a pass was measured on fewer actions than scheduled', () => {
    const base = handBuiltResult();
    const thresholds = base.thresholds.map(({ firstBreachedAtSec: _first, lastBreachedAtSec: _last, ...threshold }) => ({ ...threshold, passed: true }));
    const result: RunResult = { ...base, verdict: 'passed', thresholds, totals: { ...base.totals, counters: counters({ droppedSlots: 577, scheduledSlots: 9_577 }) } };
    const lines = renderSummaryTable(result, { width: 100 }).split('\n');
    assert.deepEqual(lines.slice(0, 3), [
      'PASSED, on less load than asked  rooms: completed in 1m00s; 2 of 2 thresholds held',
      '  but the load generator dropped 577 of 9,577 scheduled actions (6.02%): the load was lower than',
      '  asked (exit code 4; a slots.dropped threshold sets how many are acceptable)',
    ]);
  });

  it('names the failure of a run that could not be carried out', () => {
    const result: RunResult = {
      ...handBuiltResult(),
      status: 'failed',
      failure: { kind: 'server_died', message: 'the built-in server exited with code 1' },
      durationMs: 12_345,
    };
    const lines = renderSummaryTable(result).split('\n');
    assert.deepEqual(lines.slice(0, 2), [
      'RUN FAILED  rooms: failed after 12.3s; over the part that ran, 1 of 2 thresholds failed',
      '  server_died: the built-in server exited with code 1',
    ]);
  });

  it('renders an interrupted run and a passed run without thresholds, errors, delivery or server samples', () => {
    const empty = handBuiltResult();
    const result: RunResult = {
      ...empty,
      verdict: 'passed',
      durationMs: 850,
      totals: { ...empty.totals, latency: {}, delivery: {}, errors: {}, disconnectReasons: {}, counters: counters(), peakConnections: 0 },
      server: [],
      thresholds: [],
      warnings: [],
    };
    assert.equal(
      renderSummaryTable(result),
      [
        'PASSED  rooms: completed in 850ms; no thresholds',
        'target       builtin http://127.0.0.1:40123 · client lean · transport websocket',
        'measured on  sio-bench 0.1.0 · Node v20.20.2 · 2 x Test CPU',
        '',
        'errors: none',
        '',
        'connections  peak 0 · attempts 0 · failed 0 · disconnects 0 · reconnects 0',
        'throughput   sent 0 (0/s) · received 0 (0/s) · 0 B out · 0 B in',
        'schedule     dropped slots 0 · acks timed out 0',
        '',
      ].join('\n'),
    );
    const interrupted = renderSummaryTable({ ...result, status: 'interrupted', verdict: 'failed', durationMs: 245_000 });
    assert.equal(interrupted.split('\n')[0], 'INTERRUPTED  rooms: stopped after 4m05s, before its phases ended');
  });

  it('an interrupted run says so and judges the part that ran: rows that held read pass, not FAIL', () => {
    const result: RunResult = {
      ...handBuiltResult(),
      status: 'interrupted',
      verdict: 'failed',
      failure: { kind: 'interrupted', message: 'the run was stopped before its phases ended' },
      durationMs: 6_910,
      thresholds: [
        { expression: 'broadcast.latency p(99) < 250ms', passed: true, actual: 54.6, limit: 250, unit: 'ms' },
        { expression: 'delivery.lost == 0', passed: true, actual: 0, limit: 0, unit: 'count' },
      ],
    };
    const text = renderSummaryTable(result);
    assert.deepEqual(text.split('\n').slice(0, 2), [
      'INTERRUPTED  rooms: stopped after 6.91s, before its phases ended; over the part that ran, 2 of 2',
      '  thresholds held',
    ]);
    assert.doesNotMatch(text, /FAIL/);
    assert.equal(text.slice(text.indexOf('thresholds\n')).split('\n\n')[0], [
      'thresholds',
      '      expression                       actual  limit',
      'pass  broadcast.latency p(99) < 250ms  54.6ms  250ms',
      'pass  delivery.lost == 0                    0      0',
    ].join('\n'));
  });

  it('a threshold with no samples says "no samples" and why, not a 0µs figure; a recovered one says when it broke', () => {
    const result: RunResult = {
      ...handBuiltResult(),
      thresholds: [
        {
          expression: 'broadcast.latency p(99) < 250ms',
          passed: false,
          actual: 0,
          limit: 250,
          unit: 'ms',
          noSamplesReason: 'no broadcast latency was recorded: no receiver was expected to get a broadcast message',
        },
        { expression: 'echo.latency p(99) < 5ms', passed: true, actual: 3.2, limit: 5, unit: 'ms', firstBreachedAtSec: 10, lastBreachedAtSec: 14 },
        { expression: 'delivery.lost == 0', passed: true, actual: 0, limit: 0, unit: 'count' },
      ],
    };
    const text = renderSummaryTable(result);
    assert.deepEqual(text.split('\n').slice(0, 2), [
      'FAILED  rooms: completed in 1m00s; 1 of 3 thresholds failed (1 with no samples, 1 recovered from a',
      '  breach)',
    ]);
    assert.equal(text.slice(text.indexOf('thresholds\n')).split('\n\n')[0], [
      'thresholds',
      '            expression                       actual  limit  breaches',
      'no samples  broadcast.latency p(99) < 250ms       -  250ms',
      'recovered   echo.latency p(99) < 5ms          3.2ms    5ms  breached 10s–14s',
      'pass        delivery.lost == 0                    0      0',
      'no samples for broadcast.latency p(99) < 250ms: no broadcast latency was recorded: no receiver was',
      '  expected to get a broadcast message',
    ].join('\n'));
  });

  it('a run that measured nothing prints the failure and what to check, and no table of zeros', () => {
    const empty = handBuiltResult();
    const result: RunResult = {
      ...empty,
      status: 'failed',
      verdict: 'failed',
      failure: { kind: 'run_failed', message: 'target http://127.0.0.1:4100 is unreachable (connect ECONNREFUSED 127.0.0.1:4100)' },
      target: { kind: 'url', url: 'http://127.0.0.1:4100' },
      scenario: { ...empty.scenario, effective: { path: '/socket.io/' } },
      durationMs: 0,
      totals: { ...empty.totals, latency: {}, delivery: {}, errors: {}, disconnectReasons: {}, counters: counters(), peakConnections: 0 },
      series: [],
      server: [],
    };
    assert.equal(
      renderSummaryTable(result),
      [
        'RUN FAILED  rooms: could not be carried out: nothing was measured',
        '  run_failed: target http://127.0.0.1:4100 is unreachable (connect ECONNREFUSED 127.0.0.1:4100)',
        '  check: is the server up and listening at http://127.0.0.1:4100? are the URL (scheme, host, port)',
        "    and the Socket.IO path right (the scenario's path: /socket.io/)? is it a Socket.IO server (v3 or",
        '    later, which speaks Engine.IO v4)?',
        'target       url http://127.0.0.1:4100 · client lean · transport websocket',
        'measured on  sio-bench 0.1.0 · Node v20.20.2 · 2 x Test CPU',
        '',
      ].join('\n'),
    );
  });
});
