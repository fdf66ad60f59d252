/**
 * What a comparison reads from a run: its totals, its length and the server's resources. A single result gives
 * one source (its top level); a `--repeat N` result also gives one source per repetition. Also builds the
 * repetition summaries that `--repeat` keeps in the result.
 */
import type { RunTotals } from '../measure/run-accumulator.js';
import type { RepetitionSummary, RunResult, ServerFigures, ServerSample } from '../run-result.js';

/** One measured run as the comparison sees it. */
export interface MetricSource {
  totals: RunTotals;
  /** Measured duration of the run, ms. */
  durationMs: number;
  /** Absent when the server's metrics were not sampled. */
  server?: ServerFigures;
}

/**
 * The server's resources over a run from its samples of process 'total' (the sum over server processes):
 * mean CPU, CPU µs per message handled (mean CPU share x `durationMs` / (events the clients sent + received)),
 * peak RSS, and RSS per client at the sample with the most connected clients. Undefined without such samples.
 */
export function serverFigures(samples: readonly ServerSample[], counters: RunTotals['counters'], durationMs: number): ServerFigures | undefined {
  const totals = samples.filter((sample) => sample.process === 'total');
  if (totals.length === 0) return undefined;
  const cpuPercentMean = totals.reduce((sum, sample) => sum + sample.cpuPercent, 0) / totals.length;
  let busiest = totals[0]!;
  for (const sample of totals) if (sample.connectedClients > busiest.connectedClients) busiest = sample;
  const figures: ServerFigures = {
    cpuPercentMean,
    rssBytesPeak: Math.max(...totals.map((sample) => sample.rssBytes)),
    peakConnectedClients: busiest.connectedClients,
  };
  const messages = counters.eventsSent + counters.eventsReceived;
  if (messages > 0) figures.cpuUsPerMessage = ((cpuPercentMean / 100) * durationMs * 1000) / messages;
  if (busiest.connectedClients > 0) figures.rssBytesPerClient = busiest.rssBytes / busiest.connectedClients;
  return figures;
}

/** The top level of a result as one source. */
export function sourceOfResult(result: RunResult): MetricSource {
  const source: MetricSource = { totals: result.totals, durationMs: result.durationMs };
  const server = serverFigures(result.server, result.totals.counters, result.durationMs);
  if (server !== undefined) source.server = server;
  return source;
}

/** One source per repetition of a `--repeat` result, or undefined when the result holds a single run. */
export function sourcesOfRepetitions(result: RunResult): MetricSource[] | undefined {
  if (result.repetitions === undefined || result.repetitions.length === 0) return undefined;
  return result.repetitions.map((repetition) => {
    const source: MetricSource = {
      // A repetition keeps no disconnect reasons or peak: no compared metric reads them.
      totals: { ...repetition, disconnectReasons: {}, peakConnections: 0 },
      durationMs: repetition.durationMs,
    };
    if (repetition.server !== undefined) source.server = repetition.server;
    return source;
  });
}

/** The summary that a `--repeat` result keeps of one of its runs (`index` is 1-based). */
export function summarizeRepetition(result: RunResult, index: number): RepetitionSummary {
  const { totals, durationMs } = result;
  const seconds = durationMs / 1000;
  const summary: RepetitionSummary = {
    index,
    status: result.status,
    verdict: result.verdict,
    startedAt: result.startedAt,
    durationMs,
    latency: totals.latency,
    histograms: totals.histograms,
    counters: totals.counters,
    delivery: totals.delivery,
    errors: totals.errors,
    sendRatePerSec: seconds > 0 ? totals.counters.eventsSent / seconds : 0,
    receiveRatePerSec: seconds > 0 ? totals.counters.eventsReceived / seconds : 0,
  };
  const server = serverFigures(result.server, totals.counters, durationMs);
  if (server !== undefined) summary.server = server;
  if (result.conditions !== undefined) summary.conditions = result.conditions;
  return summary;
}
