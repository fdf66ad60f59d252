import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePrometheusText } from '../../../loadgen/target/prometheus-text.js';

describe('parsePrometheusText', () => {
  it('reads names, labels (escapes included), values and ignores comments and timestamps', () => {
    const text = [
      '# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.',
      '# TYPE process_cpu_seconds_total counter',
      'process_cpu_seconds_total 1.25',
      'nodejs_heap_space_size_used_bytes{space="new"} 1048576',
      'nodejs_heap_space_size_used_bytes{space="old",extra="a\\"b\\\\c\\nd"} 2e6',
      'socket_io_connected{namespace="/chat",} 7 1700000000000',
      'weird_values{x="1"} NaN',
      'weird_values{x="2"} +Inf',
      'weird_values{x="3"} -Inf',
      '# HELP socket_io_events_received_total Events received, by event name.',
      '# TYPE socket_io_events_received_total counter',
      '# EOF',
      '',
    ].join('\n');
    const samples = parsePrometheusText(text);
    assert.deepEqual([...samples.keys()], ['process_cpu_seconds_total', 'nodejs_heap_space_size_used_bytes', 'socket_io_connected', 'weird_values', 'socket_io_events_received_total']);
    // Declared, no event yet: present with no samples (so not reported missing).
    assert.deepEqual(samples.get('socket_io_events_received_total'), []);
    assert.deepEqual(samples.get('process_cpu_seconds_total'), [{ labels: {}, value: 1.25 }]);
    assert.deepEqual(samples.get('nodejs_heap_space_size_used_bytes'), [
      { labels: { space: 'new' }, value: 1048576 },
      { labels: { space: 'old', extra: 'a"b\\c\nd' }, value: 2_000_000 },
    ]);
    assert.deepEqual(samples.get('socket_io_connected'), [{ labels: { namespace: '/chat' }, value: 7 }]);
    const weird = samples.get('weird_values')!.map((s) => s.value);
    assert.ok(Number.isNaN(weird[0]));
    assert.deepEqual(weird.slice(1), [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
  });

  it('names the line of something that is not an exposition (an HTML page, JSON)', () => {
    assert.throws(() => parsePrometheusText('<html>\n<body>hi</body>'), { name: 'SyntaxError', message: /^line 1 is not a Prometheus sample \(no metric name\)/ });
    assert.throws(() => parsePrometheusText('ok 1\n{"a": 1}'), /^SyntaxError: line 2 /);
    assert.throws(() => parsePrometheusText('up{job="x} 1'), /unterminated value/);
    assert.throws(() => parsePrometheusText('up one'), /bad value "one"/);
  });
});
