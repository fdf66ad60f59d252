/**
 * A real Prometheus server (the Debian `prometheus` package) for the observability tests: started on a free
 * loopback port with a throw-away data folder, scraping the given targets every 500 ms, queried through its HTTP
 * API. Tests call `prometheusSkipReason()` first (it fails instead of skipping in CI, see require-service.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { skipUnlessAvailable } from './require-service.js';

const PROMETHEUS = '/usr/bin/prometheus';
/** Longest wait for Prometheus to be ready, ms. */
const READY_TIMEOUT_MS = 30_000;

export interface PrometheusHandle {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** An instant query's result vector (`/api/v1/query`); rejects on an API error. */
  query(promql: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>>;
  /** A range query's result matrix (`/api/v1/query_range`), times in epoch seconds. */
  queryRange(promql: string, startSec: number, endSec: number, stepSec: number): Promise<Array<{ metric: Record<string, string>; values: Array<[number, string]> }>>;
  /** SIGTERM, then SIGKILL after 5 s; removes the data folder. */
  stop(): Promise<void>;
}

/** For `test(name, { skip: prometheusSkipReason() }, ...)`. */
export function prometheusSkipReason(): string | false {
  const probe = spawnSync(PROMETHEUS, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return skipUnlessAvailable(probe.status === 0, 'prometheus', 'apt-get install prometheus');
}

/** A port of 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts Prometheus scraping `targets` (`HOST:PORT`, path /metrics) every 500 ms. */
export async function startPrometheus(targets: readonly string[]): Promise<PrometheusHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'sio-bench-prometheus-'));
  const config = [
    'global: {scrape_interval: 500ms, scrape_timeout: 400ms, evaluation_interval: 1s}',
    'scrape_configs:',
    '  - job_name: sio-bench',
    `    static_configs: [{targets: [${targets.map((t) => JSON.stringify(t)).join(', ')}]}]`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'prometheus.yml'), config);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    PROMETHEUS,
    [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`prometheus exited (code ${child.exitCode}): ${output.slice(-2000)}`);
    }
    const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus was not ready within ${READY_TIMEOUT_MS} ms: ${output.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const api = async <T>(path: string, params: Record<string, string>): Promise<T> => {
    const response = await fetch(`${url}${path}?${new URLSearchParams(params)}`);
    const body = (await response.json()) as { status: string; data?: { result: T }; error?: string };
    if (body.status !== 'success' || body.data === undefined) throw new Error(`prometheus ${path} ${JSON.stringify(params)}: ${body.error ?? response.status}`);
    return body.data.result;
  };
  return {
    url,
    query: (promql) => api('/api/v1/query', { query: promql }),
    queryRange: (promql, startSec, endSec, stepSec) => api('/api/v1/query_range', { query: promql, start: String(startSec), end: String(endSec), step: String(stepSec) }),
    stop,
  };
}
