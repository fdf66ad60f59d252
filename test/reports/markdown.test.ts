import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeMarkdown, renderMarkdownSummary } from '../../reports/markdown.js';
import { smallResult } from './small-result.js';

test('escapeMarkdown neutralises emphasis, code, links, HTML and table pipes', () => {
  assert.equal(escapeMarkdown('a*b_c`d[e](f)<g>|h~i\\j'), 'a\\*b\\_c\\`d\\[e\\](f)\\<g\\>\\|h\\~i\\\\j');
  assert.equal(escapeMarkdown('one\ntwo\r\nthree'), 'one two three');
});

test('the summary has the verdict, failed thresholds, context, delivery, errors and one table', () => {
  assert.equal(
    renderMarkdownSummary(smallResult()),
    [
      '### ❌ sio-bench rooms \\<b\\>&\\</b\\>: failed',
      '',
      'Completed in 10s; 1 of 2 thresholds failed:',
      '- echo.latency p(99) \\< 3ms: actual 3.104 ms, limit 3 ms (breached since 7s)',
      '',
      'builtin target http://127.0.0.1:40123 · lean client · websocket · 10s · peak 1,234 connections · 0.1.0 on Node v20.20.2',
      '',
      '**Delivery**: 10,000 expected, 9,990 received, 10 lost (0.1%), 0 in flight at stop, 0 undeliverable, 2 duplicated, 1 out of order',
      '',
      '**Errors**: ack\\|timeout 5, connect\\_error 3',
      '',
      '| metric | samples | p50 | p90 | p99 | p99.9 | max | p99 uncorrected |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
      '| echo | 1,200 | 850µs | 1.5ms | 3.1ms | 12.3ms | 20ms | 2ms |',
      '',
    ].join('\n'),
  );
});

test('a passing run without delivery, errors or samples says so in few lines', () => {
  const result = smallResult({ verdict: 'passed', thresholds: [] });
  const counters = { ...result.totals.counters, droppedSlots: 0 };
  const text = renderMarkdownSummary({ ...result, totals: { ...result.totals, counters, latency: {}, delivery: {}, errors: {} } });
  assert.equal(
    text,
    [
      '### ✅ sio-bench rooms \\<b\\>&\\</b\\>: passed',
      '',
      'Completed in 10s; no thresholds.',
      '',
      'builtin target http://127.0.0.1:40123 · lean client · websocket · 10s · peak 1,234 connections · 0.1.0 on Node v20.20.2',
      '',
      '**Errors**: none',
      '',
    ].join('\n'),
  );
});

test('a pass on fewer actions than scheduled says how many were dropped', () => {
  const result = smallResult({ verdict: 'passed', thresholds: [] });
  const counters = { ...result.totals.counters, droppedSlots: 577, scheduledSlots: 9_577 };
  const lines = renderMarkdownSummary({ ...result, totals: { ...result.totals, counters } }).split('\n');
  assert.equal(lines[2], '**Passed on less load than asked**: the load generator dropped 577 of 9,577 scheduled actions (6.02%): the load was lower than asked.');
});

test('an interrupted or failed run is named before the thresholds', () => {
  const text = renderMarkdownSummary(smallResult({ status: 'failed', failure: { kind: 'target', message: 'server died: exit code 1' } }));
  assert.equal(text.split('\n')[2], '**Run failed**: server died: exit code 1');
});

test('an interrupted run reads interrupted, judged over the part that ran, not failed with no failures', () => {
  const held = smallResult().thresholds.map(({ firstBreachedAtSec: _breach, ...threshold }) => ({ ...threshold, passed: true, actual: 1 }));
  const text = renderMarkdownSummary(smallResult({ status: 'interrupted', verdict: 'failed', thresholds: held }));
  assert.deepEqual(text.split('\n').slice(0, 3), [
    '### ⏹️ sio-bench rooms \\<b\\>&\\</b\\>: interrupted',
    '',
    'Stopped after 10s, before its phases ended; over the part that ran, 2 of 2 thresholds held.',
  ]);
});
