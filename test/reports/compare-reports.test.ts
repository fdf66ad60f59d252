/** The comparison's table and Markdown, written out exactly for one repetitions comparison and one of single runs. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareResults } from '../../loadgen/compare/compare-results.js';
import { formatChange, formatMetricValue } from '../../reports/compare-format.js';
import { renderCompareMarkdown } from '../../reports/compare-markdown.js';
import { renderCompareTable } from '../../reports/compare-table.js';
import { echoRuns, handResult } from '../loadgen/compare/hand-results.js';

const METRICS = ['echo.latency.p50', 'throughput.sent', 'direct.delivery.lost'];

function repetitionsComparison(): ReturnType<typeof compareResults> {
  return compareResults(
    handResult(echoRuns([1000, 1100, 1300])),
    handResult([{ echoP50Us: 21_000 }, { echoP50Us: 22_000, directLost: 3 }, { echoP50Us: 23_000 }]),
    { metrics: METRICS, baselineLabel: 'main.json', candidateLabel: 'pr.json' },
  );
}

function singleComparison(): ReturnType<typeof compareResults> {
  return compareResults(handResult([{ echoP50Us: 2000, events: 1000 }]), handResult([{ echoP50Us: 2100, events: 800, directLost: 5 }]), { metrics: METRICS });
}

const DECIDED =
  "Decided over 3 baseline and 3 candidate repetitions: a change is a regression when the medians differ by more than each metric's tolerance (column tol) and an exact permutation test shows the candidate worse by more than it at the 5% level (p <= 5%; noise alone flags one metric at most 5% of the time).";
const SINGLE =
  "Single runs (the baseline and the candidate are one run): noise cannot be told from change, so a change beyond each metric's tolerance (column tol) is undecided. Run both with --repeat 3 or more.";

test('the table of a repetitions comparison, aligned, with tolerance, each side\'s range, the exact p and the outcome', () => {
  assert.equal(
    renderCompareTable(repetitionsComparison()),
    [
      'sio-bench compare: main.json (3 runs, commit d803a32) -> pr.json (3 runs, commit d803a32); medians over the repetitions',
      '',
      'metric                baseline  candidate  change  tol  baseline runs  candidate runs     p  verdict',
      '--------------------  --------  ---------  ------  ---  -------------  --------------  ----  ----------',
      'echo.latency.p50         1.1ms       22ms  +1900%  15%      1ms–1.3ms       21ms–23ms  0.05  REGRESSION',
      'throughput.sent          100/s      100/s      0%   5%          100/s           100/s        ok',
      'direct.delivery.lost        0%         0%      0%  10%             0%         0%–0.3%        ok',
      '',
      DECIDED,
      'Latency changes below 1ms are treated as within tolerance.',
      '',
      "FAIL: 1 regression beyond each metric's tolerance: echo.latency.p50",
    ].join('\n'),
  );
});

test('the table of single runs has no statistics columns, and changes beyond tolerance are undecided', () => {
  assert.equal(
    renderCompareTable(singleComparison()),
    [
      'sio-bench compare: baseline (1 run, commit d803a32) -> candidate (1 run, commit d803a32); whole-run figures',
      '',
      'metric                baseline  candidate  change  tol  verdict',
      '--------------------  --------  ---------  ------  ---  -------------------------------',
      'echo.latency.p50           2ms      2.1ms     +5%  15%  ok',
      'throughput.sent          100/s       80/s    -20%   5%  undecided (needs 3 runs a side)',
      'direct.delivery.lost        0%       0.5%  +0.5pp  10%  undecided (needs 3 runs a side)',
      '',
      SINGLE,
      'Not enough repetitions to decide 2 metrics beyond tolerance (needs 3 per side at the 5% level).',
      'Latency changes below 1ms are treated as within tolerance.',
      '',
      "PASS (undecided): no regression shown; 2 changes beyond each metric's tolerance need 3 runs a side to decide",
    ].join('\n'),
  );
});

test('the Markdown puts the outcome first and regressions in bold', () => {
  assert.equal(
    renderCompareMarkdown(repetitionsComparison()),
    [
      '### ❌ sio-bench compare: hand',
      '',
      "**FAIL: 1 regression beyond each metric's tolerance: echo.latency.p50**",
      '',
      'Baseline: main.json (3 runs, commit d803a32); candidate: pr.json (3 runs, commit d803a32); figures are medians over the repetitions.',
      '',
      '| Metric | Baseline | Candidate | Change | Tolerance | Baseline runs | Candidate runs | p | Verdict |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      '| `echo.latency.p50` | 1.1ms | 22ms | +1900% | 15% | 1ms–1.3ms | 21ms–23ms | 0.05 | **REGRESSION** |',
      '| `throughput.sent` | 100/s | 100/s | 0% | 5% | 100/s | 100/s |  | ok |',
      '| `direct.delivery.lost` | 0% | 0% | 0% | 10% | 0% | 0%–0.3% |  | ok |',
      '',
      `- ${DECIDED.replace('<=', '\\<=')}`,
      '- Latency changes below 1ms are treated as within tolerance.',
      '',
    ].join('\n'),
  );
  const passing = renderCompareMarkdown(compareResults(handResult(echoRuns([2000])), handResult(echoRuns([2000]))));
  // A machine that differed, but changed no verdict, is a note and not a warning sign.
  const noted = compareResults(handResult(echoRuns([2000, 2100, 2200])), handResult(echoRuns([2000, 2100, 2200])));
  noted.environmentDifferences.push('the machine was 30% slower during the baseline');
  assert.ok(renderCompareMarkdown(noted).startsWith('### ✅ '));
  const unjudged = compareResults(handResult(echoRuns([1000, 1100, 1200])), handResult(echoRuns([9000, 9100, 9200])), { metrics: ['echo.latency.p50'] });
  unjudged.rows[0]!.verdict = 'environment-differs';
  unjudged.regressions = [];
  assert.ok(renderCompareMarkdown(unjudged).startsWith('### ⚠️ '));
  assert.ok(passing.startsWith("### ✅ sio-bench compare: hand\n\n**PASS: no regression beyond each metric's tolerance**\n"));
});

test('cells in their units', () => {
  assert.deepEqual(
    [formatMetricValue(3104, 'us'), formatMetricValue(1500, 'perSec'), formatMetricValue(0.0012, 'fraction'), formatMetricValue(1536, 'bytes')],
    ['3.1ms', '1.5k/s', '0.12%', '1.5 KiB'],
  );
  assert.deepEqual(
    [formatChange(0.123), formatChange(-0.05), formatChange(0), formatChange(Number.POSITIVE_INFINITY)],
    ['+12.3%', '-5%', '0%', '+∞'],
  );
});
