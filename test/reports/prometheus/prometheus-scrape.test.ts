/**
 * A real Prometheus scrapes `sio-bench run --metrics-listen` while the run goes on; queries through its HTTP API
 * then give the run's sent count and latencies exactly as result.json has them, and per-second latencies that are
 * the seconds of result.json's series.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { RunResult } from '../../../loadgen/run-result.js';
import { freePort, prometheusSkipReason, startPrometheus, type PrometheusHandle } from '../../helpers/prometheus-server.js';
import { sioBench } from '../../helpers/sio-bench-cli.js';

const skip = prometheusSkipReason();
const dir = mkdtempSync(join(tmpdir(), 'sio-bench-scrape-'));
let prometheus: PrometheusHandle | undefined;

after(async () => {
  await prometheus?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const SCENARIO = `
name: scraped
target: builtin
client: lean
transport: websocket
population: {clients: 20}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1s}
  - {name: steady, kind: hold, duration: 6s}
actions:
  - {kind: echo, rate: {perClient: 10}}
drain: 1s
`;

/** The single value of an instant query. */
async function scalar(promql: string): Promise<number> {
  const result = await prometheus!.query(promql);
  assert.equal(result.length, 1, `${promql}: ${JSON.stringify(result)}`);
  return Number(result[0]!.value[1]);
}

test('Prometheus scrapes a running load test: sent count and latencies as in result.json', { skip, timeout: 120_000 }, async () => {
  const listenPort = await freePort();
  prometheus = await startPrometheus([`127.0.0.1:${listenPort}`]);
  const scenarioFile = join(dir, 'scraped.yml');
  writeFileSync(scenarioFile, SCENARIO);
  const out = join(dir, 'run-1');
  const startSec = Date.now() / 1000;
  const outcome = await sioBench(['run', scenarioFile, '--no-tui', '--workers', '1', '--out', out, '--metrics-listen', `127.0.0.1:${listenPort}`]);
  const endSec = Date.now() / 1000;
  assert.equal(outcome.code, 0, outcome.stderr);
  assert.match(outcome.stderr, new RegExp(`live metrics at http://127\\.0\\.0\\.1:${listenPort}/metrics \\(scenario="scraped", run_id="run-1"\\)`));
  const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as RunResult;
  const run = 'scenario="scraped",run_id="run-1"';

  // Scraped while running (not only once at the end), then once more with the final figures.
  assert.ok((await scalar(`count_over_time(sio_bench_run_finished{${run}}[5m])`)) >= 6, 'scraped every 500 ms during the run');
  assert.equal(await scalar(`min_over_time(sio_bench_run_finished{${run}}[5m])`), 0, 'a scrape while the run was going');
  assert.equal(await scalar(`last_over_time(sio_bench_run_finished{${run}}[5m])`), 1, 'the last scrape had the final figures');
  assert.ok((await scalar(`min_over_time(sio_bench_connections{${run},state="open"}[5m])`)) <= 20);
  assert.equal(await scalar(`max_over_time(sio_bench_connections{${run},state="open"}[5m])`), 20);

  // The final figures equal result.json's.
  const sent = result.totals.counters.eventsSent;
  assert.ok(sent > 500, `echoes sent (${sent})`);
  assert.equal(await scalar(`last_over_time(sio_bench_events_sent_total{${run}}[5m])`), sent);
  assert.equal(await scalar(`last_over_time(sio_bench_events_received_total{${run}}[5m])`), result.totals.counters.eventsReceived);
  const echo = result.totals.latency.echo!;
  assert.equal(await scalar(`last_over_time(sio_bench_latency_samples{${run},metric="echo"}[5m])`), echo.corrected.count);
  assert.equal(await scalar(`last_over_time(sio_bench_latency_seconds{${run},metric="echo",measure="corrected",quantile="0.99"}[5m])`), echo.corrected.p99Us / 1e6);
  assert.equal(await scalar(`last_over_time(sio_bench_latency_seconds{${run},metric="echo",measure="uncorrected",quantile="1"}[5m])`), echo.uncorrected.maxUs / 1e6);
  // The sent count rose during the run: Prometheus saw it grow, not just its end.
  assert.ok((await scalar(`min_over_time(sio_bench_events_sent_total{${run}}[5m])`)) < sent);

  // The per-second latency series: every value Prometheus holds is the p99 of one of result.json's seconds.
  const [series] = await prometheus.queryRange(`sio_bench_interval_latency_seconds{${run},metric="echo",quantile="0.99"}`, startSec, endSec + 1, 0.25);
  assert.ok(series !== undefined, 'interval latency scraped');
  const secondsP99Us = new Set(result.series.map((point) => point.latency.echo?.corrected.p99Us));
  const scrapedP99Us = new Set(series.values.map(([, value]) => Math.round(Number(value) * 1e6)));
  assert.ok(scrapedP99Us.size >= 3, `several seconds seen (${[...scrapedP99Us].join(', ')})`);
  for (const p99Us of scrapedP99Us) assert.ok(secondsP99Us.has(p99Us), `${p99Us} µs is one of result.json's seconds (${[...secondsP99Us].join(', ')})`);
  process.stdout.write(`# figures: sent ${sent}, echo p99 ${echo.corrected.p99Us} µs, ${scrapedP99Us.size} distinct per-second p99s scraped\n`);
});
