import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Counter, Registry } from 'prom-client';
import { parseListenAddress, startMetricsListener } from '../../../reports/prometheus/metrics-listener.js';

describe('parseListenAddress', () => {
  it('reads HOST:PORT with IPv4, names and bracketed IPv6', () => {
    assert.deepEqual(parseListenAddress('127.0.0.1:9464', '--x'), { host: '127.0.0.1', port: 9464 });
    assert.deepEqual(parseListenAddress('localhost:0', '--x'), { host: 'localhost', port: 0 });
    assert.deepEqual(parseListenAddress('[::1]:9464', '--x'), { host: '::1', port: 9464 });
  });

  it('refuses anything else, naming the option', () => {
    for (const bad of ['9464', ':9464', '127.0.0.1:', '127.0.0.1:65536', '::1:9464', 'a b:1']) {
      assert.throws(() => parseListenAddress(bad, '--metrics-listen'), { name: 'RangeError', message: `--metrics-listen must be HOST:PORT, e.g. 127.0.0.1:9464 or [::1]:9464 (got ${JSON.stringify(bad)})` });
    }
  });
});

describe('startMetricsListener', () => {
  it('serves the registry at /metrics (GET and HEAD), 404 elsewhere, 405 for other methods, and tells of each scrape', async () => {
    const registry = new Registry();
    new Counter({ name: 'things_total', help: 'Things.', registers: [registry] }).inc(3);
    const listener = await startMetricsListener({ host: '127.0.0.1', port: 0 }, registry);
    try {
      assert.match(listener.url, /^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const scraped = listener.nextScrape(5000);
      const response = await fetch(listener.url);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
      assert.match(await response.text(), /^things_total 3$/m);
      assert.equal(await scraped, true);
      assert.equal(listener.scrapes(), 1);
      assert.equal((await fetch(listener.url, { method: 'HEAD' })).status, 200);
      assert.equal((await fetch(listener.url.replace('/metrics', '/other'))).status, 404);
      assert.equal((await fetch(listener.url, { method: 'POST' })).status, 405);
      assert.equal(listener.scrapes(), 2, 'HEAD counts as a scrape; 404 and 405 do not');
      assert.equal(await listener.nextScrape(50), false, 'no scrape: resolved false at the timeout');
    } finally {
      await listener.close();
    }
  });
});
