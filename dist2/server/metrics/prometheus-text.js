import { microsecondsToSeconds } from './units.js';
/** The Content-Type of the text format. */
export const prometheusContentType = 'text/plain; version=0.0.4; charset=utf-8';
/** The snapshot as Prometheus text, ending with a newline. Pure: the same snapshot gives the same text. */
export function renderPrometheusText(snapshot) {
    return describeMetrics(snapshot).map(renderFamily).join('');
}
/** The metric families of a snapshot, in a fixed order (a multi-process server merges them family by family). */
export function describeMetrics(s) {
    const single = (value) => [{ value }];
    const byLabel = (label, record) => Object.entries(record).map(([key, value]) => ({ labels: { [label]: key }, value }));
    return [
        { name: 'sio_bench_uptime_seconds', help: 'Seconds since the server started.', type: 'gauge', samples: single(s.uptimeSeconds) },
        {
            name: 'sio_bench_connected_clients',
            help: 'Clients connected, by namespace.',
            type: 'gauge',
            samples: s.namespaces.map((n) => ({ labels: { namespace: n.namespace }, value: n.connectedClients })),
        },
        {
            name: 'sio_bench_rooms',
            help: "Rooms, by namespace, not counting each client's personal room.",
            type: 'gauge',
            samples: s.namespaces.map((n) => ({ labels: { namespace: n.namespace }, value: n.rooms })),
        },
        {
            name: 'sio_bench_events_received_total',
            help: 'Events received from clients, by event name.',
            type: 'counter',
            samples: byLabel('event', s.eventsReceivedByEvent),
        },
        {
            name: 'sio_bench_events_emitted_total',
            help: 'Emit operations by the server (one per emit, whatever the number of recipients), by event name.',
            type: 'counter',
            samples: byLabel('event', s.eventsEmittedByEvent),
        },
        { name: 'sio_bench_packets_received_total', help: 'Engine.IO packets received.', type: 'counter', samples: single(s.packetsReceivedTotal) },
        { name: 'sio_bench_packets_sent_total', help: 'Engine.IO packets sent.', type: 'counter', samples: single(s.packetsSentTotal) },
        {
            name: 'sio_bench_received_bytes_total',
            help: 'Bytes of Engine.IO packets received, before decompression, without transport framing.',
            type: 'counter',
            samples: single(s.bytesReceivedTotal),
        },
        {
            name: 'sio_bench_sent_bytes_total',
            help: 'Bytes of Engine.IO packets sent, before compression, without transport framing.',
            type: 'counter',
            samples: single(s.bytesSentTotal),
        },
        { name: 'sio_bench_refused_total', help: 'Inputs refused or dropped, by kind.', type: 'counter', samples: byLabel('kind', s.refusedByKind) },
        {
            name: 'sio_bench_event_loop_delay_p50_seconds',
            help: 'Median event-loop delay over the last window.',
            type: 'gauge',
            samples: single(microsecondsToSeconds(s.eventLoopDelayP50Us)),
        },
        {
            name: 'sio_bench_event_loop_delay_p99_seconds',
            help: '99th percentile event-loop delay over the last window.',
            type: 'gauge',
            samples: single(microsecondsToSeconds(s.eventLoopDelayP99Us)),
        },
        {
            name: 'sio_bench_event_loop_delay_max_seconds',
            help: 'Largest event-loop delay over the last window.',
            type: 'gauge',
            samples: single(microsecondsToSeconds(s.eventLoopDelayMaxUs)),
        },
        {
            name: 'sio_bench_event_loop_utilization_ratio',
            help: 'Share of the last window in which the event loop was busy (0 to 1).',
            type: 'gauge',
            samples: single(s.eventLoopUtilizationRatio),
        },
        {
            name: 'sio_bench_process_cpu_seconds_total',
            help: 'CPU time of the server process, user and system.',
            type: 'counter',
            samples: single(s.cpuSecondsTotal),
        },
        { name: 'sio_bench_process_cpu_user_seconds_total', help: 'User CPU time of the server process.', type: 'counter', samples: single(s.cpuUserSecondsTotal) },
        {
            name: 'sio_bench_process_cpu_system_seconds_total',
            help: 'System CPU time of the server process.',
            type: 'counter',
            samples: single(s.cpuSystemSecondsTotal),
        },
        { name: 'sio_bench_process_resident_memory_bytes', help: 'Resident set size of the server process.', type: 'gauge', samples: single(s.rssBytes) },
        { name: 'sio_bench_process_heap_used_bytes', help: 'V8 heap in use.', type: 'gauge', samples: single(s.heapUsedBytes) },
        { name: 'sio_bench_process_heap_total_bytes', help: 'V8 heap allocated.', type: 'gauge', samples: single(s.heapTotalBytes) },
    ];
}
/** One family as text: HELP and TYPE lines, then one line per sample. */
export function renderFamily(family) {
    let text = `# HELP ${family.name} ${escapeHelp(family.help)}\n# TYPE ${family.name} ${family.type}\n`;
    for (const sample of family.samples) {
        text += `${family.name}${renderLabels(sample.labels)} ${renderValue(sample.value)}\n`;
    }
    return text;
}
function renderLabels(labels) {
    if (labels === undefined)
        return '';
    const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
    return `{${pairs.join(',')}}`;
}
/** Label values escape backslash, double quote and line feed (the format's rules). */
export function escapeLabelValue(value) {
    return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
/** HELP text escapes backslash and line feed only. */
function escapeHelp(text) {
    return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}
/** Numbers as the format spells them: NaN, +Inf, -Inf, otherwise JavaScript's shortest round-trip form. */
export function renderValue(value) {
    if (Number.isNaN(value))
        return 'NaN';
    if (value === Infinity)
        return '+Inf';
    if (value === -Infinity)
        return '-Inf';
    return String(value);
}
//# sourceMappingURL=prometheus-text.js.map