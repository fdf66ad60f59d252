import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPrometheusScrape, type PrometheusReading } from '../../../loadgen/target/prometheus-reading.js';
import { computePrometheusSample, hostCpuPercent, totalOfSamples } from '../../../loadgen/target/prometheus-server-sample.js';
import { parsePrometheusText } from '../../../loadgen/target/prometheus-text.js';

type ProcessReading = Extract<PrometheusReading, { kind: 'process' }>;

/** A prom-client style scrape with these values (delays in seconds, as prom-client serves them). */
function promClientText(v: { cpu: number; rss: number; heap: number; p50: number; p99: number; max: number; clients?: number[]; received?: number }): string {
  const lines = [
    '# TYPE process_cpu_seconds_total counter',
    `process_cpu_seconds_total ${v.cpu}`,
    `process_resident_memory_bytes ${v.rss}`,
    `nodejs_heap_size_used_bytes ${v.heap}`,
    `nodejs_eventloop_lag_p50_seconds ${v.p50}`,
    `nodejs_eventloop_lag_p99_seconds ${v.p99}`,
    `nodejs_eventloop_lag_max_seconds ${v.max}`,
  ];
  (v.clients ?? []).forEach((count, i) => lines.push(`socket_io_connected{namespace="/ns${i}"} ${count}`));
  if (v.received !== undefined) lines.push(`socket_io_events_received_total ${v.received}`);
  return lines.join('\n');
}

function processReading(text: string, atMs: number): ProcessReading {
  const reading = readPrometheusScrape(parsePrometheusText(text), atMs);
  assert.equal(reading.kind, 'process');
  return reading as ProcessReading;
}

describe('readPrometheusScrape', () => {
  it('maps the standard names, delays to integer µs, several samples of a gauge summed, and names what is missing', () => {
    const reading = processReading(promClientText({ cpu: 3, rss: 50e6, heap: 20e6, p50: 0.0101, p99: 0.0123456, max: 0.5, clients: [3, 4] }), 10);
    assert.deepEqual(reading.figures, {
      cpu: 3,
      rss: 50e6,
      heapUsed: 20e6,
      eventLoopDelayP50: 10_100,
      eventLoopDelayP99: 12_346,
      eventLoopDelayMax: 500_000,
      connectedClients: 7,
    });
    assert.deepEqual(reading.missing, ['eventLoopUtilization', 'rooms', 'eventsReceived', 'eventsEmitted']);
  });

  it('a declared family without samples is a 0, not a missing figure', () => {
    const reading = processReading(`${promClientText({ cpu: 1, rss: 1, heap: 1, p50: 0, p99: 0, max: 0 })}\n# TYPE socket_io_events_received_total counter\n`, 0);
    assert.equal(reading.figures.eventsReceived, 0);
    assert.ok(!reading.missing.includes('eventsReceived'));
  });

  it('takes a node_exporter scrape as the host: its own process_* figures are ignored', () => {
    const text = [
      'process_cpu_seconds_total 99',
      'node_cpu_seconds_total{cpu="0",mode="idle"} 100',
      'node_cpu_seconds_total{cpu="0",mode="user"} 20',
      'node_cpu_seconds_total{cpu="0",mode="iowait"} 5',
      'node_cpu_seconds_total{cpu="1",mode="idle"} 90',
      'node_cpu_seconds_total{cpu="1",mode="system"} 35',
    ].join('\n');
    assert.deepEqual(readPrometheusScrape(parsePrometheusText(text), 7), { kind: 'host', atMs: 7, cpu: { allSecondsTotal: 250, idleSecondsTotal: 195, cores: 2 } });
  });
});

describe('computePrometheusSample', () => {
  it('gives CPU percent of one core from the counter delta over the time between arrivals, and event rates', () => {
    const before = processReading(promClientText({ cpu: 1, rss: 1, heap: 1, p50: 0, p99: 0, max: 0, clients: [1], received: 100 }), 1000);
    const after = processReading(promClientText({ cpu: 1.75, rss: 64e6, heap: 30e6, p50: 0.001, p99: 0.002, max: 0.003, clients: [9], received: 400 }), 3000);
    assert.deepEqual(computePrometheusSample(before, after, { tSec: 4, process: 'total' }), {
      tSec: 4,
      process: 'total',
      cpuPercent: 37.5,
      rssBytes: 64e6,
      heapUsedBytes: 30e6,
      eventLoopDelayP50Us: 1000,
      eventLoopDelayP99Us: 2000,
      eventLoopDelayMaxUs: 3000,
      eventLoopUtilization: 0,
      connectedClients: 9,
      rooms: 0,
      eventsReceivedPerSec: 150,
      eventsEmittedPerSec: 0,
    });
  });

  it('gives no sample when the process restarted (a counter went back) or no time passed', () => {
    const a = processReading(promClientText({ cpu: 5, rss: 1, heap: 1, p50: 0, p99: 0, max: 0 }), 1000);
    const restarted = processReading(promClientText({ cpu: 0.2, rss: 1, heap: 1, p50: 0, p99: 0, max: 0 }), 2000);
    assert.equal(computePrometheusSample(a, restarted, { tSec: 1, process: 'total' }), undefined);
    assert.equal(computePrometheusSample(a, { ...a }, { tSec: 1, process: 'total' }), undefined);
  });
});

describe('totalOfSamples and hostCpuPercent', () => {
  it('sums CPU, memory, clients and rates; takes the largest event-loop figures and rooms', () => {
    const base = { tSec: 2, eventLoopUtilization: 0, eventsEmittedPerSec: 0 };
    const total = totalOfSamples(
      [
        { ...base, process: 'a:1', cpuPercent: 30, rssBytes: 100, heapUsedBytes: 10, eventLoopDelayP50Us: 5, eventLoopDelayP99Us: 50, eventLoopDelayMaxUs: 90, connectedClients: 3, rooms: 4, eventsReceivedPerSec: 10 },
        { ...base, process: 'a:2', cpuPercent: 45, rssBytes: 200, heapUsedBytes: 20, eventLoopDelayP50Us: 7, eventLoopDelayP99Us: 40, eventLoopDelayMaxUs: 95, connectedClients: 5, rooms: 2, eventsReceivedPerSec: 20 },
      ],
      2,
    );
    assert.deepEqual(total, {
      ...base,
      process: 'total',
      cpuPercent: 75,
      rssBytes: 300,
      heapUsedBytes: 30,
      eventLoopDelayP50Us: 7,
      eventLoopDelayP99Us: 50,
      eventLoopDelayMaxUs: 95,
      connectedClients: 8,
      rooms: 4,
      eventsReceivedPerSec: 30,
    });
    assert.throws(() => totalOfSamples([], 1), RangeError);
  });

  it('host CPU is the busy share of all cores times the cores, in percent of one core', () => {
    // Two cores over 1 s: 2 CPU-seconds in all, 0.5 of them idle: 1.5 cores busy.
    assert.equal(hostCpuPercent({ allSecondsTotal: 100, idleSecondsTotal: 80, cores: 2 }, { allSecondsTotal: 102, idleSecondsTotal: 80.5, cores: 2 }), 150);
    assert.equal(hostCpuPercent({ allSecondsTotal: 100, idleSecondsTotal: 80, cores: 2 }, { allSecondsTotal: 100, idleSecondsTotal: 80, cores: 2 }), undefined);
  });
});
