import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeXml, formatThresholdFigure, renderJunit } from '../../reports/junit.js';
import { smallResult } from './small-result.js';

test('escapeXml escapes markup and replaces characters XML forbids', () => {
  assert.equal(escapeXml(`a<b>&"c'\u0001\td`), 'a&lt;b&gt;&amp;&quot;c&apos;\uFFFD\td');
});

test('one test case per threshold, a failure with actual against limit, counts in both suites', () => {
  assert.equal(
    renderJunit(smallResult()),
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="sio-bench" tests="3" failures="1" errors="0" skipped="0" time="10.000">',
      '  <testsuite name="sio-bench rooms &lt;b&gt;&amp;&lt;/b&gt;" tests="3" failures="1" errors="0" skipped="0" time="10.000" timestamp="2026-11-26T10:00:00.000Z" hostname="bench-1">',
      '    <properties>',
      '      <property name="scenario" value="scenarios/rooms.yml"/>',
      '      <property name="target" value="builtin http://127.0.0.1:40123"/>',
      '      <property name="client" value="lean"/>',
      '      <property name="transport" value="websocket"/>',
      '      <property name="verdict" value="failed"/>',
      '      <property name="toolVersion" value="0.1.0"/>',
      '      <property name="nodeVersion" value="v20.20.2"/>',
      '    </properties>',
      '    <testcase classname="sio-bench.rooms &lt;b&gt;&amp;&lt;/b&gt;" name="run completed" time="10.000"/>',
      '    <testcase classname="sio-bench.rooms &lt;b&gt;&amp;&lt;/b&gt;" name="echo.latency p(99) &lt; 3ms" time="0">',
      '      <failure type="threshold" message="actual 3.104 ms, limit 3 ms (breached since 7s)">echo.latency p(99) &lt; 3ms: actual 3.104 ms, limit 3 ms (breached since 7s)</failure>',
      '    </testcase>',
      '    <testcase classname="sio-bench.rooms &lt;b&gt;&amp;&lt;/b&gt;" name="delivery.lost &lt; 1%" time="0"/>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n'),
  );
});

test('an interrupted run fails the run case, a failed run errors it', () => {
  const interrupted = renderJunit(smallResult({ status: 'interrupted', thresholds: [] }));
  assert.match(interrupted, /<testsuites name="sio-bench" tests="1" failures="1" errors="0"/);
  assert.match(interrupted, /<failure type="interrupted" message="the run was interrupted before its last phase ended"\/>/);
  const failed = renderJunit(smallResult({ status: 'failed', failure: { kind: 'target', message: 'ECONNREFUSED "127.0.0.1"' }, thresholds: [] }));
  assert.match(failed, /<testsuites name="sio-bench" tests="1" failures="0" errors="1"/);
  assert.match(failed, /<error type="target" message="ECONNREFUSED &quot;127.0.0.1&quot;"\/>/);
});

test('the document is well-formed: tags balance and no raw markup leaks from the result', () => {
  const xml = renderJunit(smallResult({ thresholds: [{ expression: '<x> & "y" ]]>', passed: false, actual: 1, limit: 0, unit: 'count' }] }));
  const stack: string[] = [];
  for (const match of xml.matchAll(/<(\/?)([A-Za-z?][^\s/>]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (name === undefined || name.startsWith('?') || selfClosing === '/') continue;
    if (closing === '/') assert.equal(stack.pop(), name);
    else stack.push(name);
  }
  assert.deepEqual(stack, []);
  assert.match(xml, /name="&lt;x&gt; &amp; &quot;y&quot; ]]&gt;"/);
});

test('formatThresholdFigure writes the unit the threshold uses, none for counts', () => {
  assert.equal(formatThresholdFigure(17.151, 'ms'), '17.15 ms');
  assert.equal(formatThresholdFigure(0.0437, '%'), '0.0437%');
  assert.equal(formatThresholdFigure(3, 'count'), '3');
  assert.equal(formatThresholdFigure(1200, '/s'), '1200 /s');
});
