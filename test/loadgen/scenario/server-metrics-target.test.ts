import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';

const base = 'name: u\npopulation: {clients: 1}\nphases: [{kind: hold, duration: 1s}]\n';

test('target.serverMetrics: one Prometheus URL or a list of them, always a list after parsing', () => {
  assert.deepEqual(parseScenarioText(`${base}target: {url: 'http://127.0.0.1:3000', serverMetrics: 'http://127.0.0.1:9464/metrics'}\n`, 'u.yml').scenario.target, {
    kind: 'url',
    url: 'http://127.0.0.1:3000',
    serverMetrics: ['http://127.0.0.1:9464/metrics'],
  });
  assert.deepEqual(
    parseScenarioText(`${base}target: {url: 'http://127.0.0.1:3000', serverMetrics: ['http://10.0.0.1:9464/metrics', 'http://10.0.0.2:9100/metrics']}\n`, 'u.yml').scenario.target,
    { kind: 'url', url: 'http://127.0.0.1:3000', serverMetrics: ['http://10.0.0.1:9464/metrics', 'http://10.0.0.2:9100/metrics'] },
  );
});

test('target.serverMetrics that is not a URL or is an empty list is an error at its line', () => {
  for (const value of ["'9464'", '[]', "['http://a/metrics', 'ftp://b']"]) {
    assert.throws(() => parseScenarioText(`${base}target: {url: 'http://127.0.0.1:3000', serverMetrics: ${value}}\n`, 'u.yml'), (error: unknown) => {
      assert.match(String(error), /u\.yml:4:\d+ target/);
      return true;
    });
  }
});
