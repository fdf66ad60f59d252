/** The comparison's table and Markdown, written out exactly for one repetitions comparison and one of single runs. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareResults } from '../../loadgen/compare/compare-results.js';
import { formatChange, formatMetricValue } from '../../reports/compare-format.js';
import { renderCompareMarkdown } from '../../reports/compare-markdown.js';
import { renderCompareTable } from '../../reports/compare-table.js';
import { echoRuns, handResult } from '../loadgen/compare/hand-results.js';
const METRICS = ['echo.latency.p50', 'throughput.sent', 'direct.delivery.lost'];
function repetitionsComparison() {
    return compareResults(handResult(echoRuns([1000, 1100, 1300])), handResult([{ echoP50Us: 21_000 }, { echoP50Us: 22_000, directLost: 3 }, { echoP50Us: 23_000 }]), { metrics: METRICS, baselineLabel: 'main.json', candidateLabel: 'pr.json' });
}
function singleComparison() {
    return compareResults(handResult([{ echoP50Us: 2000, events: 1000 }]), handResult([{ echoP50Us: 2100, events: 800, directLost: 5 }]), { metrics: METRICS });
}
const DECIDED = 'Decided over 3 baseline and 3 candidate repetitions: a change is a regression when it exceeds the tolerance of 10% and the 95% bootstrap interval of the difference of medians (4000 resamples, seed 1) excludes zero.';
const SINGLE = 'Single runs (the baseline and the candidate are one run): significance cannot be judged, so the ratio alone decides against the tolerance of 10%. Run both with --repeat 3 or more to test it.';
test('the table of a repetitions comparison, aligned, with interval, share, U test and outcome', () => {
    assert.equal(renderCompareTable(repetitionsComparison()), [
        'sio-bench compare: main.json (3 runs, commit d803a32) -> pr.json (3 runs, commit d803a32); medians over the repetitions',
        '',
        'metric                baseline  candidate  change           95% CI  p(worse)  U test p  verdict',
        '--------------------  --------  ---------  ------  ---------------  --------  --------  ----------',
        'echo.latency.p50         1.1ms       22ms  +1900%  +1791% … +2000%      100%       0.1  REGRESSION',
        'throughput.sent          100/s      100/s      0%          0% … 0%        0%         1  ok',
        'direct.delivery.lost        0%         0%      0%     0pp … +0.3pp     25.8%       0.5  ok',
        '',
        DECIDED,
        'Latency changes below 1ms are treated as within tolerance.',
        '',
        'FAIL: 1 regression beyond 10%: echo.latency.p50',
    ].join('\n'));
});
test('the table of single runs has no statistics columns and says why', () => {
    assert.equal(renderCompareTable(singleComparison()), [
        'sio-bench compare: baseline (1 run, commit d803a32) -> candidate (1 run, commit d803a32); whole-run figures',
        '',
        'metric                baseline  candidate  change  verdict',
        '--------------------  --------  ---------  ------  ----------',
        'echo.latency.p50           2ms      2.1ms     +5%  ok',
        'throughput.sent          100/s       80/s    -20%  REGRESSION',
        'direct.delivery.lost        0%       0.5%  +0.5pp  REGRESSION',
        '',
        SINGLE,
        'Latency changes below 1ms are treated as within tolerance.',
        '',
        'FAIL: 2 regressions beyond 10%: throughput.sent, direct.delivery.lost',
    ].join('\n'));
});
test('the Markdown puts the outcome first and regressions in bold', () => {
    assert.equal(renderCompareMarkdown(repetitionsComparison()), [
        '### ❌ sio-bench compare: hand',
        '',
        '**FAIL: 1 regression beyond 10%: echo.latency.p50**',
        '',
        'Baseline: main.json (3 runs, commit d803a32); candidate: pr.json (3 runs, commit d803a32); figures are medians over the repetitions.',
        '',
        '| Metric | Baseline | Candidate | Change | 95% CI | P(worse) | U test p | Verdict |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
        '| `echo.latency.p50` | 1.1ms | 22ms | +1900% | +1791% … +2000% | 100% | 0.1 | **REGRESSION** |',
        '| `throughput.sent` | 100/s | 100/s | 0% | 0% … 0% | 0% | 1 | ok |',
        '| `direct.delivery.lost` | 0% | 0% | 0% | 0pp … +0.3pp | 25.8% | 0.5 | ok |',
        '',
        `- ${DECIDED}`,
        '- Latency changes below 1ms are treated as within tolerance.',
        '',
    ].join('\n'));
    const passing = renderCompareMarkdown(compareResults(handResult(echoRuns([2000])), handResult(echoRuns([2000]))));
    assert.ok(passing.startsWith('### ✅ sio-bench compare: hand\n\n**PASS: no regression beyond 10%**\n'));
});
test('cells in their units', () => {
    assert.deepEqual([formatMetricValue(3104, 'us'), formatMetricValue(1500, 'perSec'), formatMetricValue(0.0012, 'fraction'), formatMetricValue(1536, 'bytes')], ['3.1ms', '1.5k/s', '0.12%', '1.5 KiB']);
    assert.deepEqual([formatChange(0.123), formatChange(-0.05), formatChange(0), formatChange(Number.POSITIVE_INFINITY)], ['+12.3%', '-5%', '0%', '+∞']);
});
//# sourceMappingURL=compare-reports.test.js.map