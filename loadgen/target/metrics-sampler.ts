/**
 * Samples a server's `/metrics.json` about once a second during a run, so the result can put the server's CPU,
 * memory and event-loop delay beside the client-side latency. Tolerant by design: a target that serves no
 * /metrics.json is probed once and then left alone (one notice, no error spam), and failed samples while the run
 * goes on (the server died, a slow response) are counted, never thrown; noticing a dead server is the
 * coordinator's job (BuiltinServer.exited).
 */
import { performance } from 'node:perf_hooks';
import { describeFetchError } from './fetch-error.js';
import type { ServerSample } from '../run-result.js';
import { computeProcessSamples, parseProcessReadings } from './process-samples.js';
import { computeServerSample, parseMetricsReading, type MetricsReading } from './server-sample.js';

export interface MetricsSamplerOptions {
  /** Full URL of the metrics document, e.g. `http://127.0.0.1:3000/metrics.json` (see metricsUrlFor). */
  url: string;
  /** Time between samples, ms. Default 1000. */
  intervalMs?: number;
  /** Longest wait for one response, ms. Default twice the interval, at least 2000 (a busy server answers late). */
  requestTimeoutMs?: number;
  /** The run's clock: milliseconds since the run start. Stamps each sample's tSec. */
  clock: () => number;
  /**
   * Receives each sample (the first reading is only a baseline, so the first sample comes one interval later).
   * A multi-process server gives one sample per process (named as the server names them: 'primary',
   * 'worker-1', ...) and then its total, labelled 'total', last.
   */
  onSample: (sample: ServerSample) => void;
  /** Receives the one-time message when the target serves no usable /metrics.json. Default: ignored. */
  onNotice?: (message: string) => void;
  /** Called after each failed request once sampling has begun, with its reason and the count so far. Default: ignored. */
  onSampleError?: (message: string, errorCount: number) => void;
  /** ServerSample.process of the (total) samples. Default 'total' (a single-process server is its own total). */
  process?: string;
}

/** Where the sampler is: probing (first request), sampling, unavailable (the probe failed), stopped. */
export type MetricsSamplerState = 'probing' | 'sampling' | 'unavailable' | 'stopped';

export interface MetricsSamplerStats {
  state: MetricsSamplerState;
  /** Samples delivered to onSample. */
  samples: number;
  /** Requests that failed after the probe succeeded (connection refused, timeout, bad body). */
  errors: number;
  lastError?: string;
  /** Times the server's counters started again (a restarted server), each costing one interval's sample. */
  baselineResets: number;
}

export interface MetricsSampler {
  /** Stops sampling; resolves once the request in flight is aborted. Rejects if a callback threw. */
  stop(): Promise<void>;
  stats(): MetricsSamplerStats;
  /** What the result should say about the sampled figures (e.g. metrics the target does not serve); read after stop. */
  warnings(): string[];
}

/** The metrics document of a Socket.IO server at `baseUrl` (any path of baseUrl is replaced): `<origin>/metrics.json`. */
export function metricsUrlFor(baseUrl: string): string {
  return new URL('/metrics.json', baseUrl).href;
}

/** Starts sampling `options.url` at once (the first reading is the baseline and the availability probe). */
export function startMetricsSampler(options: MetricsSamplerOptions): MetricsSampler {
  const intervalMs = options.intervalMs ?? 1000;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) throw new RangeError('options.intervalMs must be a positive number of milliseconds');
  const requestTimeoutMs = options.requestTimeoutMs ?? Math.max(2000, 2 * intervalMs);
  const processLabel = options.process ?? 'total';
  const abort = new AbortController();
  const stats: MetricsSamplerStats = { state: 'probing', samples: 0, errors: 0, baselineResets: 0 };
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let callbackFailure: unknown;

  const read = async (): Promise<{ total: MetricsReading; processes: Map<string, MetricsReading> }> => {
    const response = await fetch(options.url, {
      signal: AbortSignal.any([abort.signal, AbortSignal.timeout(requestTimeoutMs)]),
      headers: { accept: 'application/json' },
    });
    if (!response.ok) {
      // Drain the body so the keep-alive connection is reused rather than leaked.
      await response.arrayBuffer();
      throw new Error(`HTTP ${response.status}`);
    }
    const body: unknown = await response.json();
    const reading = parseMetricsReading(body);
    if (typeof reading === 'string') throw new Error(reading);
    return { total: reading, processes: parseProcessReadings(body) };
  };

  const sleepUntil = (atMs: number): Promise<void> =>
    new Promise((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, Math.max(0, atMs - performance.now()));
    });

  const loop = async (): Promise<void> => {
    const startMs = performance.now();
    let baseline: { total: MetricsReading; processes: Map<string, MetricsReading> };
    try {
      baseline = await read();
    } catch (error) {
      if (abort.signal.aborted) return;
      stats.state = 'unavailable';
      options.onNotice?.(`target serves no /metrics.json (${options.url}: ${describeFetchError(error)}); server figures will be missing from the result`);
      return;
    }
    stats.state = 'sampling';
    // Slots are counted from the start, so a slow response delays one sample, not every later one.
    for (let slot = 1; !abort.signal.aborted; slot += 1) {
      const slotMs = startMs + slot * intervalMs;
      if (slotMs < performance.now()) continue;
      await sleepUntil(slotMs);
      if (abort.signal.aborted) return;
      let reading: { total: MetricsReading; processes: Map<string, MetricsReading> };
      try {
        reading = await read();
      } catch (error) {
        if (abort.signal.aborted) return;
        stats.errors += 1;
        stats.lastError = describeFetchError(error);
        options.onSampleError?.(stats.lastError, stats.errors);
        continue;
      }
      const tSec = options.clock() / 1000;
      const sample = computeServerSample(baseline.total, reading.total, { tSec, process: processLabel });
      const processSamples = computeProcessSamples(baseline.processes, reading.processes, tSec);
      baseline = reading;
      for (const processSample of processSamples) options.onSample(processSample);
      if (sample === undefined) {
        stats.baselineResets += 1;
        continue;
      }
      stats.samples += 1;
      options.onSample(sample);
    }
  };

  const running = loop().catch((error: unknown) => {
    // Only the callbacks can throw here (request errors are counted above): keep it for stop() to report.
    callbackFailure = error;
  });

  return {
    async stop(): Promise<void> {
      if (stats.state !== 'unavailable') stats.state = 'stopped';
      abort.abort();
      if (timer !== undefined) clearTimeout(timer);
      wake?.();
      await running;
      if (callbackFailure !== undefined) throw callbackFailure;
    },
    stats(): MetricsSamplerStats {
      return { ...stats };
    },
    warnings(): string[] {
      // The one-time notice already says when the target serves no /metrics.json; the JSON has every figure.
      return [];
    },
  };
}
