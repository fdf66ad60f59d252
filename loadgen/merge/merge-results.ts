/**
 * `sio-bench merge`'s core: combines the results of every slice of a sharded run (`run --shard i/n`) into one
 * result, exactly: histograms added (never percentiles averaged), counters and receipts summed, expected
 * deliveries and fan-out completion recomputed from all slices' ledgers together, the series merged on
 * wall-clock seconds, and the scenario's thresholds evaluated on the merged totals. Pure: no I/O.
 */
import { fanoutMetricName } from '../engine/delivery-books.js';
import { planRun } from '../engine/run-plan.js';
import { channelsOf } from '../measure/delivery-channels.js';
import { RunAccumulator } from '../measure/run-accumulator.js';
import { summarizeEncoded } from '../measure/histogram-factory.js';
import { finishDelivery, type DeliveryTally } from '../measure/tallies.js';
import type { PhaseRecord, RunResult, RunStatus, ServerSample, ThresholdResult } from '../run-result.js';
import type { Scenario } from '../scenario/schema.js';
import type { ShardLedger } from '../shard/ledger-log.js';
import { runStartEpochMsOf } from '../shard/shard-result.js';
import { evaluateThresholds, thresholdResultOf } from '../thresholds/evaluate-thresholds.js';
import { mergeLedgers } from './merged-ledger.js';
import { mergeSeries } from './merge-series.js';
import { setDeliveryBySendSecond } from '../engine/series-delivery.js';

/** One slice to merge: its result (with `shard` set), its ledger, and the file it came from. */
export interface SliceInput {
  source: string;
  result: RunResult;
  ledger: ShardLedger;
}

/** Merges the slices (any order; checked beforehand by checkSlices) of a run of `scenario`. */
export function mergeSliceResults(slices: readonly SliceInput[], scenario: Scenario): RunResult {
  const ordered = [...slices].sort((a, b) => (a.result.shard?.position ?? 0) - (b.result.shard?.position ?? 0));
  const first = ordered[0]!.result;
  const starts = ordered.map((slice) => slice.result.shard?.runStartEpochMs ?? runStartEpochMsOf(slice.result));
  const startEpochMs = Math.min(...starts);
  const endEpochMs = Math.max(...ordered.map((slice, i) => starts[i]! + slice.result.durationMs));
  // The merged series' seconds, as mergeSeries lays them out: per-second delivery is recomputed over them.
  const seriesSeconds = Math.max(0, ...ordered.map((slice) => Math.round(((slice.result.series[slice.result.series.length - 1]?.epochMs ?? startEpochMs) - startEpochMs) / 1000)));
  const accounting = mergeLedgers(ordered.map((slice) => slice.ledger), channelsOf(scenario, planRun(scenario).totalClients), {
    originUs: startEpochMs * 1000,
    seconds: seriesSeconds,
  });
  const totals = RunAccumulator.mergeTotals(ordered.map((slice) => slice.result.totals));
  totals.delivery = {};
  for (const { metric, account } of accounting.accounts) {
    const tally: DeliveryTally = { expected: account.expected, received: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 };
    let seen = tally.expected > 0;
    for (const slice of ordered) {
      const receipts = slice.ledger.receipts[metric];
      if (receipts === undefined) continue;
      seen = true;
      tally.received += receipts.received;
      tally.duplicated += receipts.duplicated;
      tally.outOfOrder += receipts.outOfOrder;
      tally.unexpected += receipts.unexpected;
    }
    if (seen) totals.delivery[metric] = finishDelivery(tally, account);
  }
  const fanoutMetrics = accounting.fanouts.map(({ metric }) => fanoutMetricName(metric));
  for (const metric of fanoutMetrics) {
    delete totals.histograms[metric];
    delete totals.latency[metric];
    const encoded = accounting.fanoutCompletion.get(metric);
    if (encoded === undefined) continue;
    totals.histograms[metric] = encoded;
    totals.latency[metric] = { corrected: summarizeEncoded(encoded.corrected), uncorrected: summarizeEncoded(encoded.uncorrected) };
  }

  const durationMs = Math.max(0, endEpochMs - startEpochMs);
  const status = worstStatus(ordered.map((slice) => slice.result.status));
  const thresholds: ThresholdResult[] = evaluateThresholds(scenario.thresholds, totals, Math.max(1, durationMs)).map(thresholdResultOf);
  const warnings = ordered.flatMap((slice) =>
    slice.result.warnings
      // A slice's own partial-accounting notes do not hold for the merged whole, which recomputes them.
      .filter((warning) => !warning.startsWith(`shard ${slice.result.shard?.position}/`) && !/did not reach every expected member/.test(warning))
      .map((warning) => `shard ${slice.result.shard?.position}/${slice.result.shard?.count}: ${warning}`),
  );
  for (const { metric, incomplete } of accounting.fanouts) {
    const what = metric === 'broadcast' ? 'broadcasts' : `'${metric}' messages`;
    if (incomplete > 0) warnings.push(`${incomplete} ${what} did not reach every expected member (see ${metric}.delivery.lost)`);
  }

  const series = mergeSeries(
    ordered.map((slice, i) => ({ runStartEpochMs: starts[i]!, series: slice.result.series })),
    fanoutMetrics,
  );
  setDeliveryBySendSecond(series, accounting.bySendSecond);
  const merged: RunResult = {
    version: first.version,
    status,
    verdict: status === 'completed' && thresholds.every((threshold) => threshold.passed) ? 'passed' : 'failed',
    scenario: first.scenario,
    target: first.target,
    client: first.client,
    transport: first.transport,
    environment: first.environment,
    startedAt: new Date(Math.min(...ordered.map((slice) => Date.parse(slice.result.startedAt)))).toISOString(),
    endedAt: new Date(Math.max(...ordered.map((slice) => Date.parse(slice.result.endedAt)))).toISOString(),
    durationMs: Math.round(durationMs),
    phases: mergePhases(ordered.map((slice) => slice.result.phases)),
    totals,
    series,
    server: serverSamplesOf(first, starts[0]! - startEpochMs),
    thresholds,
    warnings,
    merged: { sources: ordered.map((slice) => slice.source), shardCount: ordered.length, startSkewMs: Math.max(...starts) - startEpochMs },
  };
  const failed = ordered.find((slice) => slice.result.failure !== undefined);
  if (failed?.result.failure) {
    merged.failure = { kind: failed.result.failure.kind, message: `shard ${failed.result.shard?.position}/${failed.result.shard?.count}: ${failed.result.failure.message}` };
  }
  return merged;
}

/** failed beats interrupted beats completed. */
function worstStatus(statuses: readonly RunStatus[]): RunStatus {
  if (statuses.includes('failed')) return 'failed';
  if (statuses.includes('interrupted')) return 'interrupted';
  return 'completed';
}

/** Every slice follows the same phases; one cut anywhere makes the merged phase cut. */
function mergePhases(lists: ReadonlyArray<readonly PhaseRecord[]>): PhaseRecord[] {
  const longest = lists.reduce<readonly PhaseRecord[]>((best, list) => (list.length > best.length ? list : best), []);
  return longest.map((phase) => ({
    ...phase,
    status: lists.some((list) => list.find((other) => other.name === phase.name)?.status === 'cut') ? 'cut' : phase.status,
  }));
}

/**
 * Every slice samples the same server, so the first slice's samples stand for all; shifted onto the merged
 * time line (`offsetMs` = that slice's start minus the earliest start).
 */
function serverSamplesOf(result: RunResult, offsetMs: number): ServerSample[] {
  return result.server.map((sample) => ({ ...sample, tSec: sample.tSec + offsetMs / 1000 }));
}
