import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import type { ServerSample } from '../../../loadgen/run-result.js';
import { processNameFor, startPrometheusSampler } from '../../../loadgen/target/prometheus-sampler.js';

/** Serves `body(n)` at /metrics for the n-th request (0-based); `undefined` answers HTTP 500. */
async function textServer(body: (request: number) => string | undefined): Promise<{ url: string; close: () => Promise<void> }> {
  let served = 0;
  const server = http.createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end('not here');
      return;
    }
    const text = body(served);
    served += 1;
    if (text === undefined) response.writeHead(500).end('broken');
    else response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(text);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/metrics`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A process whose CPU counter grows by `cpuPerScrape` each scrape and that reports `clients` connected. */
const processBody = (cpuPerScrape: number, clients: number, rss: number) => (n: number) =>
  [`process_cpu_seconds_total ${n * cpuPerScrape}`, `process_resident_memory_bytes ${rss}`, `socket_io_connected ${clients}`].join('\n');

/** A two-core host that is busy 0.5 core-seconds of each 2 core-seconds between scrapes. */
const hostBody = (n: number) =>
  [
    `node_cpu_seconds_total{cpu="0",mode="idle"} ${100 + n * 0.75}`,
    `node_cpu_seconds_total{cpu="0",mode="user"} ${10 + n * 0.25}`,
    `node_cpu_seconds_total{cpu="1",mode="idle"} ${100 + n * 0.75}`,
    `node_cpu_seconds_total{cpu="1",mode="system"} ${10 + n * 0.25}`,
  ].join('\n');

async function collect(urls: string[], count: (samples: ServerSample[]) => boolean): Promise<{ samples: ServerSample[]; warnings: string[]; notices: string[] }> {
  const samples: ServerSample[] = [];
  const notices: string[] = [];
  let enough!: () => void;
  const done = new Promise<void>((resolve) => {
    enough = resolve;
  });
  const timeout = setTimeout(enough, 3000);
  const sampler = startPrometheusSampler({
    urls,
    intervalMs: 40,
    clock: () => 1000,
    onSample: (sample) => {
      samples.push(sample);
      if (count(samples)) enough();
    },
    onNotice: (message) => {
      notices.push(message);
      enough();
    },
  });
  await done;
  clearTimeout(timeout);
  await sampler.stop();
  return { samples, warnings: sampler.warnings(), notices };
}

describe('startPrometheusSampler', () => {
  it('several server endpoints: a sample per process (named host:port) and their total, with the host CPU on the total', async () => {
    const a = await textServer(processBody(0.02, 3, 1000));
    const b = await textServer(processBody(0.01, 4, 2000));
    const host = await textServer(hostBody);
    try {
      const { samples, warnings } = await collect([a.url, b.url, host.url], (s) => s.filter((x) => x.process === 'total').length >= 3);
      const totals = samples.filter((s) => s.process === 'total');
      assert.ok(totals.length >= 3, `three totals (${samples.length} samples)`);
      for (const total of totals) {
        assert.equal(total.connectedClients, 7);
        assert.equal(total.rssBytes, 3000);
        assert.ok(total.cpuPercent > 0, 'CPU measured');
        assert.ok(Math.abs(total.hostCpuPercent! - 50) < 1e-9, `host CPU ${total.hostCpuPercent}`);
      }
      const names = new Set(samples.map((s) => s.process));
      assert.deepEqual([...names].sort(), [processNameFor(a.url), processNameFor(b.url), 'total'].sort());
      assert.deepEqual(samples.filter((s) => s.process === processNameFor(a.url)).map((s) => s.connectedClients).slice(0, 2), [3, 3]);
      // What neither endpoint serves is named once per endpoint; the host endpoint has nothing to miss.
      assert.equal(warnings.length, 2, warnings.join('\n'));
      assert.match(warnings[0]!, new RegExp(`^server metrics: ${a.url} serves no heapUsed \\(nodejs_heap_size_used_bytes\\), eventLoopDelayP50`));
    } finally {
      await Promise.all([a.close(), b.close(), host.close()]);
    }
  });

  it('a host endpoint that stops answering costs the total its host CPU only; the failures are counted', async () => {
    const a = await textServer(processBody(0.02, 3, 1000));
    const host = await textServer((n) => (n < 2 ? hostBody(n) : undefined));
    try {
      const { samples, warnings } = await collect([a.url, host.url], (s) => s.length >= 4);
      assert.ok(samples.length >= 4 && samples.every((s) => s.process === 'total'));
      assert.ok(Math.abs(samples[0]!.hostCpuPercent! - 50) < 1e-9, 'host CPU while it answered');
      assert.ok(samples.slice(1).every((s) => s.hostCpuPercent === undefined), 'none after');
      assert.match(warnings.at(-1)!, new RegExp(`^server metrics: \\d+ scrapes failed during the run \\(last: ${host.url}: HTTP 500\\)$`));
    } finally {
      await Promise.all([a.close(), host.close()]);
    }
  });

  it('a figure that appears after the first scrape (a lazily created metric) is not named missing', async () => {
    const late = await textServer((n) => `${processBody(0.01, 1, 10)(n)}\n${n >= 2 ? 'nodejs_heap_size_used_bytes 5' : ''}`);
    try {
      const { samples, warnings } = await collect([late.url], (s) => s.length >= 3);
      assert.equal(samples.at(-1)?.heapUsedBytes, 5);
      assert.equal(warnings.length, 1);
      assert.doesNotMatch(warnings[0]!, /heapUsed/);
      assert.match(warnings[0]!, /serves no eventLoopDelayP50/);
    } finally {
      await late.close();
    }
  });

  it('one endpoint is the total itself; an endpoint that does not answer is named in the warnings', async () => {
    const a = await textServer(processBody(0.04, 2, 10));
    try {
      const { samples, warnings } = await collect([a.url, 'http://127.0.0.1:1/metrics'], (s) => s.length >= 2);
      assert.ok(samples.length >= 2);
      assert.ok(samples.every((s) => s.process === 'total' && s.connectedClients === 2 && s.hostCpuPercent === undefined));
      assert.ok(warnings.some((w) => w.startsWith('server metrics: http://127.0.0.1:1/metrics did not answer (fetch failed')), warnings.join('\n'));
    } finally {
      await a.close();
    }
  });

  it('an endpoint that serves something else than Prometheus text leaves the run without server figures, said once', async () => {
    const page = await textServer(() => '<html><body>dashboard</body></html>');
    try {
      const { samples, warnings, notices } = await collect([page.url], () => false);
      assert.deepEqual(samples, []);
      assert.deepEqual(notices, ['server metrics: no endpoint answered; server figures will be missing from the result']);
      assert.match(warnings[0]!, /did not answer \(line 1 is not a Prometheus sample/);
    } finally {
      await page.close();
    }
  });

  it('refuses misuse at once, naming the option', () => {
    const base = { clock: () => 0, onSample: () => undefined };
    assert.throws(() => startPrometheusSampler({ ...base, urls: [] }), { message: 'options.urls must name at least one Prometheus endpoint' });
    assert.throws(() => startPrometheusSampler({ ...base, urls: ['ftp://x/metrics'] }), { message: 'options.urls: "ftp://x/metrics" is not an http(s) URL' });
    assert.throws(() => startPrometheusSampler({ ...base, urls: ['http://127.0.0.1:1/metrics'], intervalMs: -1 }), /options.intervalMs/);
  });
});
