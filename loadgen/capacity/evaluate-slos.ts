/**
 * Evaluates the capacity objectives on one step. Latency, throughput and per-second counters are read on the
 * measured hold window only (merged histograms, never averaged percentiles); errors and delivery counts on the
 * step's whole run, because the result carries errors only as run totals and loss is only exact after the drain.
 */
import type { RunResult } from '../run-result.js';
import { evaluateThresholds, type RunTotals, type ThresholdEvaluation } from '../thresholds/evaluate-thresholds.js';
import { isThresholdParseError, parseThreshold } from '../thresholds/parse-threshold.js';
import type { Threshold, ThresholdSubject } from '../thresholds/threshold.js';

/** Parses every objective; throws an Error naming each that does not parse (misuse, before anything runs). */
export function parseSlos(texts: readonly string[]): Threshold[] {
  const problems: string[] = [];
  const parsed: Threshold[] = [];
  for (const text of texts) {
    const threshold = parseThreshold(text);
    if (isThresholdParseError(threshold)) problems.push(`--slo '${text}': column ${threshold.column}: ${threshold.error}`);
    else parsed.push(threshold);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return parsed;
}

/** Whether an objective is read on the whole step run rather than on the hold window (see the file comment). */
export function readsWholeRun(subject: ThresholdSubject): boolean {
  switch (subject.kind) {
    case 'errorRate':
    case 'errorCount':
    case 'delivery':
      return true;
    case 'latency':
    case 'counter':
    case 'throughput':
    case 'peakConnections':
      return false;
  }
}

/** The window's figures in the shape thresholds read. */
export interface WindowTotals {
  totals: RunTotals;
  durationMs: number;
}

/** Each objective on one step, in the order given. */
export function evaluateSlos(slos: readonly Threshold[], window: WindowTotals, run: Pick<RunResult, 'totals' | 'durationMs'>): ThresholdEvaluation[] {
  return slos.map((slo) => {
    const [evaluation] = readsWholeRun(slo.subject)
      ? evaluateThresholds([slo], run.totals, run.durationMs)
      : evaluateThresholds([slo], window.totals, window.durationMs);
    if (evaluation === undefined) throw new Error('evaluateThresholds returned no evaluation for one threshold');
    return evaluation;
  });
}
