import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeLabelValue, renderPrometheusText, renderValue } from '../../../server/metrics/prometheus-text.js';
const snapshot = {
    schemaVersion: 1,
    timestampMs: 1_700_000_000_000,
    uptimeSeconds: 12.5,
    connectedClients: 3,
    namespaces: [
        { namespace: '/', connectedClients: 2, rooms: 1 },
        { namespace: '/chat', connectedClients: 1, rooms: 0 },
    ],
    eventsReceivedTotal: 7,
    eventsReceivedByEvent: { echo: 5, 'say "hi"': 2 },
    eventsEmittedTotal: 0,
    eventsEmittedByEvent: {},
    packetsReceivedTotal: 9,
    packetsSentTotal: 11,
    bytesReceivedTotal: 400,
    bytesSentTotal: 900,
    refusedTotal: 1,
    refusedByKind: { 'parse-error': 1 },
    eventLoopDelayP50Us: 10_123,
    eventLoopDelayP99Us: 20_000,
    eventLoopDelayMaxUs: 31_250,
    eventLoopUtilizationRatio: 0.25,
    eventLoopWindowMs: 1_000,
    cpuSecondsTotal: 1.5,
    cpuUserSecondsTotal: 1.25,
    cpuSystemSecondsTotal: 0.25,
    rssBytes: 50_000_000,
    heapUsedBytes: 10_000_000,
    heapTotalBytes: 20_000_000,
};
test('renders every family with HELP and TYPE, labels escaped, times in seconds', () => {
    assert.equal(renderPrometheusText(snapshot), `# HELP sio_bench_uptime_seconds Seconds since the server started.
# TYPE sio_bench_uptime_seconds gauge
sio_bench_uptime_seconds 12.5
# HELP sio_bench_connected_clients Clients connected, by namespace.
# TYPE sio_bench_connected_clients gauge
sio_bench_connected_clients{namespace="/"} 2
sio_bench_connected_clients{namespace="/chat"} 1
# HELP sio_bench_rooms Rooms, by namespace, not counting each client's personal room.
# TYPE sio_bench_rooms gauge
sio_bench_rooms{namespace="/"} 1
sio_bench_rooms{namespace="/chat"} 0
# HELP sio_bench_events_received_total Events received from clients, by event name.
# TYPE sio_bench_events_received_total counter
sio_bench_events_received_total{event="echo"} 5
sio_bench_events_received_total{event="say \\"hi\\""} 2
# HELP sio_bench_events_emitted_total Emit operations by the server (one per emit, whatever the number of recipients), by event name.
# TYPE sio_bench_events_emitted_total counter
# HELP sio_bench_packets_received_total Engine.IO packets received.
# TYPE sio_bench_packets_received_total counter
sio_bench_packets_received_total 9
# HELP sio_bench_packets_sent_total Engine.IO packets sent.
# TYPE sio_bench_packets_sent_total counter
sio_bench_packets_sent_total 11
# HELP sio_bench_received_bytes_total Bytes of Engine.IO packets received, before decompression, without transport framing.
# TYPE sio_bench_received_bytes_total counter
sio_bench_received_bytes_total 400
# HELP sio_bench_sent_bytes_total Bytes of Engine.IO packets sent, before compression, without transport framing.
# TYPE sio_bench_sent_bytes_total counter
sio_bench_sent_bytes_total 900
# HELP sio_bench_refused_total Inputs refused or dropped, by kind.
# TYPE sio_bench_refused_total counter
sio_bench_refused_total{kind="parse-error"} 1
# HELP sio_bench_event_loop_delay_p50_seconds Median event-loop delay over the last window.
# TYPE sio_bench_event_loop_delay_p50_seconds gauge
sio_bench_event_loop_delay_p50_seconds 0.010123
# HELP sio_bench_event_loop_delay_p99_seconds 99th percentile event-loop delay over the last window.
# TYPE sio_bench_event_loop_delay_p99_seconds gauge
sio_bench_event_loop_delay_p99_seconds 0.02
# HELP sio_bench_event_loop_delay_max_seconds Largest event-loop delay over the last window.
# TYPE sio_bench_event_loop_delay_max_seconds gauge
sio_bench_event_loop_delay_max_seconds 0.03125
# HELP sio_bench_event_loop_utilization_ratio Share of the last window in which the event loop was busy (0 to 1).
# TYPE sio_bench_event_loop_utilization_ratio gauge
sio_bench_event_loop_utilization_ratio 0.25
# HELP sio_bench_process_cpu_seconds_total CPU time of the server process, user and system.
# TYPE sio_bench_process_cpu_seconds_total counter
sio_bench_process_cpu_seconds_total 1.5
# HELP sio_bench_process_cpu_user_seconds_total User CPU time of the server process.
# TYPE sio_bench_process_cpu_user_seconds_total counter
sio_bench_process_cpu_user_seconds_total 1.25
# HELP sio_bench_process_cpu_system_seconds_total System CPU time of the server process.
# TYPE sio_bench_process_cpu_system_seconds_total counter
sio_bench_process_cpu_system_seconds_total 0.25
# HELP sio_bench_process_resident_memory_bytes Resident set size of the server process.
# TYPE sio_bench_process_resident_memory_bytes gauge
sio_bench_process_resident_memory_bytes 50000000
# HELP sio_bench_process_heap_used_bytes V8 heap in use.
# TYPE sio_bench_process_heap_used_bytes gauge
sio_bench_process_heap_used_bytes 10000000
# HELP sio_bench_process_heap_total_bytes V8 heap allocated.
# TYPE sio_bench_process_heap_total_bytes gauge
sio_bench_process_heap_total_bytes 20000000
`);
});
test('label values escape backslash, quote and newline', () => {
    assert.equal(escapeLabelValue('a\\b"c\nd'), 'a\\\\b\\"c\\nd');
});
test('special values are spelled as the format wants', () => {
    assert.deepEqual([NaN, Infinity, -Infinity, 0, 1e21, 0.1].map(renderValue), ['NaN', '+Inf', '-Inf', '0', '1e+21', '0.1']);
});
//# sourceMappingURL=prometheus-text.test.js.map