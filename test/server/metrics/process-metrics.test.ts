import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ServerMetricsJson } from '../../../server/metrics/metrics-json.js';
import { renderProcessesPrometheusText, totalOfProcesses, type ProcessMetricsJson } from '../../../server/metrics/process-metrics.js';

function snapshot(process: string, pid: number, fields: Partial<ServerMetricsJson>): ProcessMetricsJson {
  return {
    schemaVersion: 1,
    timestampMs: 1000,
    uptimeSeconds: 10,
    connectedClients: 0,
    namespaces: [],
    eventsReceivedTotal: 0,
    eventsReceivedByEvent: {},
    eventsEmittedTotal: 0,
    eventsEmittedByEvent: {},
    packetsReceivedTotal: 0,
    packetsSentTotal: 0,
    bytesReceivedTotal: 0,
    bytesSentTotal: 0,
    refusedTotal: 0,
    refusedByKind: {},
    eventLoopDelayP50Us: 0,
    eventLoopDelayP99Us: 0,
    eventLoopDelayMaxUs: 0,
    eventLoopUtilizationRatio: 0,
    eventLoopWindowMs: 1000,
    cpuSecondsTotal: 0,
    cpuUserSecondsTotal: 0,
    cpuSystemSecondsTotal: 0,
    rssBytes: 0,
    heapUsedBytes: 0,
    heapTotalBytes: 0,
    ...fields,
    process,
    pid,
  };
}

const primary = snapshot('primary', 100, { timestampMs: 5000, uptimeSeconds: 42, cpuSecondsTotal: 0.5, cpuUserSecondsTotal: 0.4, cpuSystemSecondsTotal: 0.1, rssBytes: 50, heapUsedBytes: 5, heapTotalBytes: 8, eventLoopDelayP99Us: 900 });
const one = snapshot('worker-1', 101, {
  uptimeSeconds: 40,
  connectedClients: 3,
  namespaces: [{ namespace: '/', connectedClients: 3, rooms: 6 }],
  eventsReceivedTotal: 7,
  eventsReceivedByEvent: { join: 3, broadcast: 4 },
  eventsEmittedTotal: 4,
  eventsEmittedByEvent: { broadcast: 4 },
  packetsReceivedTotal: 10,
  packetsSentTotal: 20,
  bytesReceivedTotal: 100,
  bytesSentTotal: 200,
  refusedTotal: 1,
  refusedByKind: { 'parse-error': 1 },
  eventLoopDelayP50Us: 30,
  eventLoopDelayP99Us: 400,
  eventLoopDelayMaxUs: 2000,
  eventLoopUtilizationRatio: 0.25,
  cpuSecondsTotal: 2,
  cpuUserSecondsTotal: 1.5,
  cpuSystemSecondsTotal: 0.5,
  rssBytes: 1000,
  heapUsedBytes: 300,
  heapTotalBytes: 500,
});
const two = snapshot('worker-2', 102, {
  uptimeSeconds: 39,
  connectedClients: 2,
  namespaces: [{ namespace: '/', connectedClients: 2, rooms: 5 }, { namespace: '/chat', connectedClients: 0, rooms: 0 }],
  eventsReceivedTotal: 5,
  eventsReceivedByEvent: { join: 2, direct: 3 },
  eventsEmittedTotal: 3,
  eventsEmittedByEvent: { direct: 3 },
  packetsReceivedTotal: 1,
  packetsSentTotal: 2,
  bytesReceivedTotal: 10,
  bytesSentTotal: 20,
  eventLoopDelayP50Us: 50,
  eventLoopDelayP99Us: 300,
  eventLoopDelayMaxUs: 1000,
  eventLoopUtilizationRatio: 0.5,
  cpuSecondsTotal: 3,
  cpuUserSecondsTotal: 2,
  cpuSystemSecondsTotal: 1,
  rssBytes: 2000,
  heapUsedBytes: 400,
  heapTotalBytes: 600,
});

test('the total sums counters, clients, CPU and memory, takes the largest event-loop figures and room counts', () => {
  const total = totalOfProcesses([primary, one, two], ['worker-3']);
  const { processes, unansweredProcesses, ...figures } = total;
  assert.deepEqual(figures, {
    schemaVersion: 1,
    timestampMs: 5000,
    uptimeSeconds: 42,
    connectedClients: 5,
    namespaces: [
      { namespace: '/', connectedClients: 5, rooms: 6 },
      { namespace: '/chat', connectedClients: 0, rooms: 0 },
    ],
    eventsReceivedTotal: 12,
    eventsReceivedByEvent: { join: 5, broadcast: 4, direct: 3 },
    eventsEmittedTotal: 7,
    eventsEmittedByEvent: { broadcast: 4, direct: 3 },
    packetsReceivedTotal: 11,
    packetsSentTotal: 22,
    bytesReceivedTotal: 110,
    bytesSentTotal: 220,
    refusedTotal: 1,
    refusedByKind: { 'parse-error': 1 },
    eventLoopDelayP50Us: 50,
    eventLoopDelayP99Us: 900,
    eventLoopDelayMaxUs: 2000,
    eventLoopUtilizationRatio: 0.5,
    eventLoopWindowMs: 1000,
    cpuSecondsTotal: 5.5,
    cpuUserSecondsTotal: 3.9,
    cpuSystemSecondsTotal: 1.6,
    rssBytes: 3050,
    heapUsedBytes: 705,
    heapTotalBytes: 1108,
  });
  assert.deepEqual(processes, [primary, one, two]);
  assert.deepEqual(unansweredProcesses, ['worker-3']);
  assert.throws(() => totalOfProcesses([]), /at least one process/);
});

test('Prometheus text: each family once, one sample per process under a process label, no total sample', async () => {
  const text = await renderProcessesPrometheusText([primary, one, two]);
  assert.equal(text.match(/^# TYPE socket_io_connected gauge$/gm)?.length, 1);
  const clientLines = text.split('\n').filter((line) => line.startsWith('socket_io_connected{'));
  assert.deepEqual(clientLines, [
    'socket_io_connected{namespace="/",process="worker-1"} 3',
    'socket_io_connected{namespace="/",process="worker-2"} 2',
    'socket_io_connected{namespace="/chat",process="worker-2"} 0',
  ]);
  const cpuLines = text.split('\n').filter((line) => line.startsWith('process_cpu_seconds_total{'));
  assert.deepEqual(cpuLines, [
    'process_cpu_seconds_total{process="primary"} 0.5',
    'process_cpu_seconds_total{process="worker-1"} 2',
    'process_cpu_seconds_total{process="worker-2"} 3',
  ]);
  assert.equal(text.match(/^# TYPE process_cpu_seconds_total counter$/gm)?.length, 1);
  assert.doesNotMatch(text, /process="total"/);
});

test('the faults of the processes are summed, the drop ledger counts field by field', () => {
  const faults = (base: number): NonNullable<ServerMetricsJson['faults']> => ({
    ackDelays: { count: 0, valuesUs: [] },
    forwardDelays: { count: 0, valuesUs: [] },
    droppedForwards: base,
    stalls: 0,
    disconnects: {
      disconnectedClients: 0,
      undeliverableBroadcastsCertain: 0,
      undeliverableBroadcastsAmbiguous: 0,
      undeliverableDirectsCertain: 0,
      undeliverableDirectsAmbiguous: 0,
    },
    drops: {
      broadcastsCertain: base + 1,
      broadcastsAmbiguous: base + 2,
      broadcastsNotExpected: base + 3,
      directsCertain: base + 4,
      directsAmbiguous: base + 5,
      directsNotExpected: base + 6,
      unsettledDeliveries: base + 7,
    },
  });
  const total = totalOfProcesses([snapshot('worker 1', 201, { faults: faults(0) }), snapshot('worker 2', 202, { faults: faults(10) })]);
  assert.equal(total.faults?.droppedForwards, 10);
  assert.deepEqual(total.faults?.drops, {
    broadcastsCertain: 12,
    broadcastsAmbiguous: 14,
    broadcastsNotExpected: 16,
    directsCertain: 18,
    directsAmbiguous: 20,
    directsNotExpected: 22,
    unsettledDeliveries: 24,
  });
});
