/**
 * JUnit XML of a run, so any CI shows failed thresholds natively: one test case per threshold (a <failure>
 * with the actual figure against the limit when it failed), plus one test case "run completed" that fails
 * when the run was interrupted and errors when it could not be carried out.
 */
import type { RunResult, ThresholdResult } from '../loadgen/run-result.js';
import { formatSignificant } from './format.js';
import { breachWords } from './threshold-state.js';

/** Characters XML 1.0 does not allow at all (control characters other than tab, newline, carriage return). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** `text` safe inside XML text and double- or single-quoted attributes; disallowed characters become U+FFFD. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * A threshold figure in its unit with 4 significant digits: (17.151, 'ms') -> "17.15 ms", (0.0437, '%') ->
 * "0.0437%", (3, 'count') -> "3" (a count needs no unit).
 */
export function formatThresholdFigure(value: number, unit: string): string {
  const number = formatSignificant(value, 4);
  if (unit === '%') return `${number}%`;
  if (unit === 'count' || unit === '') return number;
  return `${number} ${unit}`;
}

/** The one-line failure message of a threshold: actual against limit and since when, or why it had no samples. */
export function thresholdFailureMessage(threshold: ThresholdResult): string {
  if (threshold.noSamplesReason !== undefined) return `no samples: ${threshold.noSamplesReason}`;
  const breach = breachWords(threshold);
  return `actual ${formatThresholdFigure(threshold.actual, threshold.unit)}, limit ${formatThresholdFigure(threshold.limit, threshold.unit)}${breach === undefined ? '' : ` (${breach})`}`;
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

/** Renders the JUnit XML document of `result` (UTF-8, ends with a newline). */
export function renderJunit(result: RunResult): string {
  const classname = `sio-bench.${result.scenario.name}`;
  const timeSec = (result.durationMs / 1000).toFixed(3);
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;

  switch (result.status) {
    case 'completed':
      cases.push(`    <testcase${attributes({ classname, name: 'run completed', time: timeSec })}/>`);
      break;
    case 'interrupted':
      failures += 1;
      cases.push(
        `    <testcase${attributes({ classname, name: 'run completed', time: timeSec })}>\n` +
          `      <failure${attributes({ type: 'interrupted', message: result.failure?.message ?? 'the run was interrupted before its last phase ended' })}/>\n` +
          '    </testcase>',
      );
      break;
    case 'failed':
      errors += 1;
      cases.push(
        `    <testcase${attributes({ classname, name: 'run completed', time: timeSec })}>\n` +
          `      <error${attributes({ type: result.failure?.kind ?? 'failed', message: result.failure?.message ?? 'the run failed' })}/>\n` +
          '    </testcase>',
      );
      break;
  }
  for (const threshold of result.thresholds) {
    const open = `    <testcase${attributes({ classname, name: threshold.expression, time: '0' })}`;
    if (threshold.passed) {
      cases.push(`${open}/>`);
      continue;
    }
    failures += 1;
    const message = thresholdFailureMessage(threshold);
    cases.push(
      `${open}>\n` +
        `      <failure${attributes({ type: 'threshold', message })}>${escapeXml(`${threshold.expression}: ${message}`)}</failure>\n` +
        '    </testcase>',
    );
  }
  const counts = { tests: cases.length, failures, errors, skipped: 0, time: timeSec };
  const properties = {
    scenario: result.scenario.file,
    target: `${result.target.kind} ${result.target.url}`,
    client: result.client,
    transport: result.transport,
    verdict: result.verdict,
    toolVersion: result.environment.toolVersion,
    nodeVersion: result.environment.nodeVersion,
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'sio-bench', ...counts })}>`,
    `  <testsuite${attributes({ name: `sio-bench ${result.scenario.name}`, ...counts, timestamp: result.startedAt, hostname: result.environment.hostname })}>`,
    '    <properties>',
    ...Object.entries(properties).map(([name, value]) => `      <property${attributes({ name, value })}/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
