/**
 * Does the regression gate stay quiet on an unchanged build, and does it see a real slowdown? Two experiments,
 * each of `comparisons` interleaved A/B comparisons (`compare --run`'s code path: runInterleaved, then
 * compareResults at its default settings, 3 runs a side):
 * - A/A: the same build against itself. Any regression is a false alarm; the share of comparisons with one is
 *   the gate's false-alarm rate, reported per metric too, with the largest change each metric showed (the
 *   run-to-run spread that loadgen/compare/metric-tolerances.ts is set from).
 * - Power: the candidate's server takes 30% longer on every reply (the reply-delay fault: 10 ms on the baseline,
 *   13 ms on the candidate). Detected when an echo latency row is a regression.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compareResults } from '../../loadgen/compare/compare-results.js';
import type { Comparison } from '../../loadgen/compare/comparison.js';
import { runInterleaved } from '../../loadgen/compare/interleaved-runs.js';
import { toleranceOf } from '../../loadgen/compare/metric-tolerances.js';
import type { LiveReporter } from '../../loadgen/live-state.js';
import { parseScenarioText } from '../../loadgen/scenario/load-scenario.js';
import type { BenchModule, BenchSettings } from '../bench-module.js';
import { gateScenarioText } from './gate-scenario.js';

/** Comparisons per experiment by default (the acceptance: at most 1 false alarm in 20, at least 16 of 20 detected). */
export const DEFAULT_COMPARISONS = 20;
const RUNS_PER_SIDE = 3;
const BASELINE_REPLY_DELAY_MS = 10;
const CANDIDATE_REPLY_DELAY_MS = 13;

const silent: LiveReporter = { update: () => undefined, finish: async () => undefined, onStopRequest: () => undefined };

/** Where each comparison's two results are kept, so that a changed rule can be judged again on the same runs. */
const RESULTS_DIR = path.join(os.tmpdir(), `sio-bench-gate-false-alarms-${process.pid}`);

async function compareOnce(baselineDelayMs: number, candidateDelayMs: number, label: string): Promise<Comparison> {
  const baseline = parseScenarioText(gateScenarioText(baselineDelayMs), 'gate-aa.yml');
  const candidate = parseScenarioText(gateScenarioText(candidateDelayMs), 'gate-aa.yml');
  const ran = await runInterleaved({
    baseline: { label: 'A', loaded: baseline },
    candidate: { label: 'B', loaded: candidate },
    repeat: RUNS_PER_SIDE,
    workers: 1,
    reporter: silent,
  });
  if (ran.baseline === undefined || ran.candidate === undefined || ran.baseline.status !== 'completed' || ran.candidate.status !== 'completed') {
    throw new Error(`${label}: a run did not complete (${ran.baseline?.failure?.message ?? ran.candidate?.failure?.message ?? 'stopped'})`);
  }
  const folder = path.join(RESULTS_DIR, label.replace(/[^a-z0-9]+/gi, '-'));
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'baseline.json'), JSON.stringify(ran.baseline));
  await writeFile(path.join(folder, 'candidate.json'), JSON.stringify(ran.candidate));
  return compareResults(ran.baseline, ran.candidate);
}

interface MetricSpread {
  alarms: number;
  notJudged: number;
  largestChange: number;
  changes: number[];
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function runBench(settings: BenchSettings): Promise<string> {
  const comparisons = settings.comparisons ?? (settings.quick === true ? 5 : DEFAULT_COMPARISONS);
  const spread = new Map<string, MetricSpread>();
  let falseAlarms = 0;
  let aaNotJudged = 0;
  const startedMs = Date.now();
  for (let index = 1; index <= comparisons; index++) {
    const comparison = await compareOnce(0, 0, `A/A ${index}`);
    if (comparison.regressions.length > 0) falseAlarms += 1;
    if (comparison.environmentDifferences.length > 0) aaNotJudged += 1;
    for (const row of comparison.rows) {
      const entry = spread.get(row.id) ?? { alarms: 0, notJudged: 0, largestChange: 0, changes: [] };
      if (row.verdict === 'regression') entry.alarms += 1;
      if (row.verdict === 'environment-differs') entry.notJudged += 1;
      if (row.change !== undefined && Number.isFinite(row.change)) {
        entry.changes.push(Math.abs(row.change));
        entry.largestChange = Math.max(entry.largestChange, Math.abs(row.change));
      }
      spread.set(row.id, entry);
    }
    process.stderr.write(`gate-false-alarms: A/A ${index}/${comparisons}: ${comparison.regressions.length === 0 ? 'quiet' : `FALSE ALARM ${comparison.regressions.join(', ')}`}${comparison.environmentDifferences.length > 0 ? ` (not judged: ${comparison.environmentDifferences.join('; ')})` : ''}\n`);
  }
  const aaSeconds = (Date.now() - startedMs) / 1000;
  let detected = 0;
  let powerNotJudged = 0;
  const echoChanges: number[] = [];
  for (let index = 1; index <= comparisons; index++) {
    const comparison = await compareOnce(BASELINE_REPLY_DELAY_MS, CANDIDATE_REPLY_DELAY_MS, `power ${index}`);
    const echo = comparison.rows.filter((row) => row.id.startsWith('echo.latency.'));
    const hit = echo.some((row) => row.verdict === 'regression');
    if (hit) detected += 1;
    if (comparison.environmentDifferences.length > 0) powerNotJudged += 1;
    const p50 = echo.find((row) => row.id === 'echo.latency.p50');
    if (p50?.change !== undefined) echoChanges.push(p50.change);
    process.stderr.write(`gate-false-alarms: power ${index}/${comparisons}: ${hit ? 'detected' : 'missed'} (echo p50 ${p50?.change === undefined ? '?' : percent(p50.change)}, ${p50?.verdict})\n`);
  }
  const lines = [
    `gate-false-alarms: ${comparisons} A/A and ${comparisons} power comparisons, each ${RUNS_PER_SIDE} + ${RUNS_PER_SIDE} interleaved runs of bench/gate-false-alarms/gate-scenario.ts at compare's defaults (${aaSeconds.toFixed(0)} s for A/A; results in ${RESULTS_DIR})`,
    '',
    `A/A false alarms: ${falseAlarms} of ${comparisons} comparisons (${percent(falseAlarms / comparisons)}) had a regression in any metric; ${aaNotJudged} were not judged (machine differed)`,
    `power (+${CANDIDATE_REPLY_DELAY_MS - BASELINE_REPLY_DELAY_MS} ms on a ${BASELINE_REPLY_DELAY_MS} ms reply, +30%): detected in ${detected} of ${comparisons}; echo p50 change median ${percent(quantile(echoChanges, 0.5))}; ${powerNotJudged} not judged`,
    '',
    'per metric in the A/A comparisons: false alarms, |change of medians| at the 50th and 95th percentile and the largest, the default tolerance',
    `${'metric'.padEnd(28)} ${'alarms'.padStart(6)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)} ${'tol'.padStart(6)}`,
  ];
  for (const [id, entry] of spread) {
    lines.push(
      `${id.padEnd(28)} ${String(entry.alarms).padStart(6)} ${percent(quantile(entry.changes, 0.5)).padStart(8)} ${percent(quantile(entry.changes, 0.95)).padStart(8)} ${percent(entry.largestChange).padStart(8)} ${percent(toleranceOf(id)).padStart(6)}`,
    );
  }
  return lines.join('\n');
}

export const gateFalseAlarmsBench: BenchModule = {
  name: 'gate-false-alarms',
  description: "the regression gate's false-alarm rate on an unchanged build (A/A) and its power on a 30% slower reply",
  run: runBench,
};
