/**
 * One autocannon run, seen through a small typed facade. autocannon reports each response's time in
 * milliseconds with decimals (from process.hrtime) on its per-request `response` event; this converts each one
 * to integer microseconds as it comes, so the caller records exact HDR samples instead of reading autocannon's
 * own summary percentiles (which are whole-ms histograms that cannot be merged with ours).
 */
import { createRequire } from 'node:module';

/** What one autocannon run should do. */
export interface AutocannonOptions {
  url: string;
  method: string;
  headers?: Record<string, string>;
  body?: string;
  /** Concurrent connections. */
  connections: number;
  /** Requests per second over all connections; undefined: as fast as the connections go. */
  ratePerSec?: number;
  /** Stop after this many requests; undefined: run for durationSec. */
  amount?: number;
  /** How long to run, seconds (autocannon's unit, fractions allowed), when amount does not stop it first. */
  durationSec: number;
  /** Request timeout, ms. */
  timeoutMs: number;
}

/** Where each outcome goes, as it happens. */
export interface HttpSampleSink {
  /** One response: its status and its time from request written to response complete, integer µs. */
  response(statusCode: number, latencyUs: number): void;
  /** One request that failed without a response (connection error, timeout). */
  error(message: string): void;
}

/** A running autocannon job. */
export interface AutocannonRun {
  /** Resolves when it has ended (by duration, amount or stop()); rejects if autocannon itself fails. */
  done: Promise<void>;
  /** Ends it early. */
  stop(): void;
}

/** autocannon's ms-with-decimals response time as integer µs (the one conversion of this unit). */
export function responseTimeUs(responseTimeMs: number): number {
  return Math.round(responseTimeMs * 1000);
}

/** The part of autocannon's instance (an EventEmitter) that is used here. */
interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTimeMs: number) => void): void;
  on(event: 'reqError', listener: (error: Error) => void): void;
  on(event: 'done', listener: (result: unknown) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  stop(): void;
}
type AutocannonFactory = (options: Record<string, unknown>) => AutocannonInstance;

const require = createRequire(import.meta.url);

/** Starts autocannon with `options`, feeding `sink`. Throws at once for options autocannon refuses. */
export function startAutocannon(options: AutocannonOptions, sink: HttpSampleSink): AutocannonRun {
  // autocannon is CommonJS without type declarations: typed here, at the boundary.
  const autocannon = require('autocannon') as AutocannonFactory;
  const instance = autocannon({
    url: options.url,
    method: options.method,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.body !== undefined ? { body: options.body } : {}),
    // Never more connections than requests: autocannon refuses that outright.
    connections: options.amount !== undefined ? Math.min(options.connections, options.amount) : options.connections,
    ...(options.ratePerSec !== undefined ? { overallRate: options.ratePerSec } : {}),
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.durationSec }),
    timeout: Math.max(1, Math.ceil(options.timeoutMs / 1000)),
  });
  instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => sink.response(statusCode, responseTimeUs(responseTimeMs)));
  instance.on('reqError', (error) => sink.error(error.message));
  const done = new Promise<void>((resolve, reject) => {
    instance.on('done', () => resolve());
    instance.on('error', reject);
  });
  return { done, stop: () => instance.stop() };
}
