/**
 * Scrapes a target's Prometheus endpoints (`--server-metrics URL[,URL…]`, `target.serverMetrics`) about once a
 * second during a run and turns the scrapes into ServerSamples, so a run against any server that exposes
 * prom-client or prometheus_client metrics gets the same server panel, charts and capacity figures as the
 * built-in server. Several server endpoints are several processes: each gets its own samples (named by its
 * host:port) and their sum is the 'total'. A node_exporter endpoint adds the host's CPU to the total.
 * Tolerant as the JSON sampler is: failures are counted and worded once, never thrown.
 */
import { performance } from 'node:perf_hooks';
import { describeFetchError } from './fetch-error.js';
import type { ServerSample } from '../run-result.js';
import type { MetricsSampler, MetricsSamplerOptions, MetricsSamplerStats } from './metrics-sampler.js';
import { parsePrometheusText } from './prometheus-text.js';
import { describeMissing, readPrometheusScrape, type MappedFigure, type PrometheusReading } from './prometheus-reading.js';
import { computePrometheusSample, hostCpuPercent, totalOfSamples } from './prometheus-server-sample.js';

export interface PrometheusSamplerOptions extends Omit<MetricsSamplerOptions, 'url' | 'process'> {
  /** The endpoints, e.g. `http://127.0.0.1:9464/metrics`: one per server process, and optionally node_exporter's. */
  urls: readonly string[];
}

/** The label of one endpoint's own samples when there are several: `host:port`, plus the path when it is not /metrics. */
export function processNameFor(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname === '/metrics' ? parsed.host : `${parsed.host}${parsed.pathname}`;
}

/** Starts scraping at once (the first scrape of each URL is its baseline and its availability probe). */
export function startPrometheusSampler(options: PrometheusSamplerOptions): MetricsSampler {
  if (options.urls.length === 0) throw new RangeError('options.urls must name at least one Prometheus endpoint');
  for (const url of options.urls) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new RangeError(`options.urls: ${JSON.stringify(url)} is not an http(s) URL`);
  }
  const intervalMs = options.intervalMs ?? 1000;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) throw new RangeError('options.intervalMs must be a positive number of milliseconds');
  const requestTimeoutMs = options.requestTimeoutMs ?? Math.max(2000, 2 * intervalMs);
  const abort = new AbortController();
  const stats: MetricsSamplerStats = { state: 'probing', samples: 0, errors: 0, baselineResets: 0 };
  const warnings: string[] = [];
  /** Per endpoint, the figures no scrape has had yet (named in the warnings at the end). */
  const neverSeen = new Map<string, Set<MappedFigure>>();
  const noteMissing = (url: string, reading: PrometheusReading): void => {
    if (reading.kind !== 'process') return;
    const missing = new Set(reading.missing);
    const before = neverSeen.get(url);
    neverSeen.set(url, before === undefined ? missing : new Set([...before].filter((figure) => missing.has(figure))));
  };
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let callbackFailure: unknown;

  const scrape = async (url: string): Promise<PrometheusReading> => {
    const response = await fetch(url, {
      signal: AbortSignal.any([abort.signal, AbortSignal.timeout(requestTimeoutMs)]),
      headers: { accept: 'text/plain;version=0.0.4' },
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return readPrometheusScrape(parsePrometheusText(text), performance.now());
  };
  const scrapeAll = (urls: readonly string[]): Promise<PromiseSettledResult<PrometheusReading>[]> => Promise.allSettled(urls.map(scrape));

  const sleepUntil = (atMs: number): Promise<void> =>
    new Promise((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, Math.max(0, atMs - performance.now()));
    });

  const loop = async (): Promise<void> => {
    const startMs = performance.now();
    const probe = await scrapeAll(options.urls);
    if (abort.signal.aborted) return;
    const urls: string[] = [];
    const baseline = new Map<string, PrometheusReading>();
    probe.forEach((outcome, index) => {
      const url = options.urls[index]!;
      if (outcome.status === 'rejected') {
        warnings.push(`server metrics: ${url} did not answer (${describeFetchError(outcome.reason)}); its figures are missing from the result`);
        return;
      }
      urls.push(url);
      baseline.set(url, outcome.value);
      noteMissing(url, outcome.value);
    });
    const processUrls = urls.filter((url) => baseline.get(url)?.kind === 'process');
    if (processUrls.length === 0) {
      stats.state = 'unavailable';
      const reason = urls.length === 0 ? 'no endpoint answered' : 'only host (node_exporter) endpoints answered';
      options.onNotice?.(`server metrics: ${reason}; server figures will be missing from the result`);
      return;
    }
    stats.state = 'sampling';
    const named = processUrls.length > 1;
    for (let slot = 1; !abort.signal.aborted; slot += 1) {
      const slotMs = startMs + slot * intervalMs;
      // Slots are counted from the start, so a slow response delays one sample, not every later one.
      if (slotMs < performance.now()) continue;
      await sleepUntil(slotMs);
      if (abort.signal.aborted) return;
      const outcomes = await scrapeAll(urls);
      if (abort.signal.aborted) return;
      const tSec = options.clock() / 1000;
      const processSamples: ServerSample[] = [];
      let hostPercent: number | undefined;
      let complete = true;
      outcomes.forEach((outcome, index) => {
        const url = urls[index]!;
        if (outcome.status === 'rejected') {
          // A host endpoint that failed costs the total its host CPU only.
          if (baseline.get(url)?.kind === 'process') complete = false;
          stats.errors += 1;
          stats.lastError = `${url}: ${describeFetchError(outcome.reason)}`;
          options.onSampleError?.(stats.lastError, stats.errors);
          return;
        }
        const before = baseline.get(url);
        const now = outcome.value;
        baseline.set(url, now);
        noteMissing(url, now);
        if (before?.kind === 'host' && now.kind === 'host') {
          hostPercent = hostCpuPercent(before.cpu, now.cpu);
        } else if (before?.kind === 'process' && now.kind === 'process') {
          const sample = computePrometheusSample(before, now, { tSec, process: named ? processNameFor(url) : 'total' });
          if (sample === undefined) {
            stats.baselineResets += 1;
            complete = false;
          } else {
            processSamples.push(sample);
          }
        }
      });
      // A total short of a process would read as a drop in load: that second gets per-process samples only.
      if (named) for (const sample of processSamples) options.onSample(sample);
      if (!complete || processSamples.length !== processUrls.length) continue;
      const total = named ? totalOfSamples(processSamples, tSec) : processSamples[0]!;
      stats.samples += 1;
      options.onSample(hostPercent === undefined ? total : { ...total, hostCpuPercent: hostPercent });
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
      const missing = [...neverSeen]
        .filter(([, figures]) => figures.size > 0)
        .map(([url, figures]) => `server metrics: ${url} serves no ${describeMissing([...figures])}; those figures are 0 in the server samples`);
      const errors = stats.errors > 0 ? [`server metrics: ${stats.errors} scrapes failed during the run (last: ${stats.lastError})`] : [];
      return [...warnings, ...missing, ...errors];
    },
  };
}
