/** `GET /metrics` and `GET /metrics.json` of a live server: format, and counts that match known traffic exactly. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ServerMetricsJson } from '../../../server/metrics/metrics-json.js';
import { clientTransports, connectClient, startServer, withTimeout } from '../support/socket-test-kit.js';

interface ParsedMetrics {
  types: Map<string, string>;
  samples: Map<string, number>;
}

/** A strict reader of the text format: HELP and TYPE before each family's samples, valid names, numeric values. */
function parsePrometheusText(text: string): ParsedMetrics {
  assert.ok(text.endsWith('\n'));
  const types = new Map<string, string>();
  const helps = new Set<string>();
  const samples = new Map<string, number>();
  for (const line of text.slice(0, -1).split('\n')) {
    // prom-client separates families with an empty line.
    if (line === '') continue;
    const comment = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/.exec(line);
    if (comment !== null) {
      const [, keyword, name, rest] = comment as unknown as [string, string, string, string];
      if (keyword === 'HELP') helps.add(name);
      else {
        assert.ok(['counter', 'gauge', 'histogram', 'summary'].includes(rest), `type of ${name}`);
        assert.ok(helps.has(name), `HELP before TYPE for ${name}`);
        types.set(name, rest);
      }
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-z_]+="(?:[^"\\]|\\.)*"(?:,[a-z_]+="(?:[^"\\]|\\.)*")*\})? (\S+)$/.exec(line);
    assert.ok(sample !== null, `not a sample line: ${line}`);
    const [, name, labels = '', value] = sample as unknown as [string, string, string | undefined, string];
    // A histogram's or summary's samples are named after its family with a suffix.
    const family = types.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '');
    assert.ok(types.has(family), `TYPE declared before ${name}`);
    if (types.get(family) === 'counter') assert.ok(name.endsWith('_total'), `counter ${name} ends with _total`);
    const number = Number(value);
    assert.ok(!Number.isNaN(number), `numeric value in ${line}`);
    samples.set(`${name}${labels}`, number);
  }
  return { types, samples };
}

async function fetchText(url: string): Promise<{ status: number; contentType: string | null; body: string }> {
  const response = await withTimeout(fetch(url), url);
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
}

for (const transport of clientTransports) {
  describe(`metrics over ${transport}`, { timeout: 30_000 }, () => {
    test('GET /metrics parses and counts a known exchange exactly', async (t) => {
      const server = await startServer(t);
      server.on('sync', () => undefined);
      const client = await connectClient(t, server, transport);
      await client.emitWithAck('sync'); // ack id 0: settles the handshake traffic
      server.enterRoom(client.id ?? '', 'room-a');
      const before = server.metrics.snapshot();
      for (let i = 0; i < 5; i += 1) client.emit('count-me', 'x');
      await client.emitWithAck('sync'); // ack id 1
      server.emit('pushed', 1, { to: 'room-a' });
      server.emit('pushed', 2, { to: 'nobody-room' });
      const after = server.metrics.snapshot();
      // Each 'count-me' is the Engine.IO packet '4' + '2["count-me","x"]' (18 bytes), the sync '4' + '21["sync"]' (11).
      assert.equal(after.bytesReceivedTotal - before.bytesReceivedTotal, 5 * 18 + 11);
      assert.equal(after.packetsReceivedTotal - before.packetsReceivedTotal, 6);
      // The ack '4' + '31[]' (5 bytes), then one 'pushed' to room-a: '4' + '2["pushed",1]' (14 bytes).
      assert.equal(after.bytesSentTotal - before.bytesSentTotal, 5 + 14);
      assert.equal(after.packetsSentTotal - before.packetsSentTotal, 2);

      const { status, contentType, body } = await fetchText(`${server.url}/metrics`);
      assert.equal(status, 200);
      assert.equal(contentType, 'text/plain; version=0.0.4; charset=utf-8');
      const { samples } = parsePrometheusText(body);
      assert.equal(samples.get('socket_io_events_received_total{event="count-me"}'), 5);
      assert.equal(samples.get('socket_io_events_received_total{event="sync"}'), 2);
      assert.equal(samples.get('socket_io_events_sent_total{event="pushed"}'), 2);
      assert.equal(samples.get('socket_io_connected{namespace="/"}'), 1);
      assert.equal(samples.get('socket_io_rooms{namespace="/"}'), 1);
      assert.equal(samples.get('engine_io_received_bytes_total'), after.bytesReceivedTotal);
      // prom-client's default metrics, under the names users chart, and the event-loop utilization beside them.
      for (const name of [
        'nodejs_eventloop_lag_p50_seconds',
        'nodejs_eventloop_lag_p99_seconds',
        'nodejs_eventloop_lag_max_seconds',
        'nodejs_eventloop_utilization',
        'process_cpu_seconds_total',
        'process_resident_memory_bytes',
        'nodejs_heap_size_used_bytes',
      ]) {
        const value = samples.get(name);
        assert.ok(value !== undefined && value >= 0, name);
      }
      assert.ok((samples.get('process_resident_memory_bytes') ?? 0) > 0);
    });

    test('GET /metrics.json has every field with its unit, consistent with the text', async (t) => {
      const server = await startServer(t);
      server.on('hello', () => 'hi', '/chat');
      const chat = await connectClient(t, server, transport, { namespace: '/chat' });
      assert.equal(await chat.emitWithAck('hello'), 'hi');
      const { status, contentType, body } = await fetchText(`${server.url}/metrics.json`);
      assert.equal(status, 200);
      assert.equal(contentType, 'application/json; charset=utf-8');
      const json = JSON.parse(body) as ServerMetricsJson;
      assert.deepEqual(Object.keys(json).sort(), Object.keys(server.metrics.snapshot()).sort());
      assert.equal(json.schemaVersion, 1);
      assert.deepEqual(json.namespaces, [
        { namespace: '/', connectedClients: 0, rooms: 0 },
        { namespace: '/chat', connectedClients: 1, rooms: 0 },
      ]);
      assert.equal(json.connectedClients, 1);
      assert.deepEqual(json.eventsReceivedByEvent, { hello: 1 });
      assert.equal(json.eventsReceivedTotal, 1);
      assert.equal(json.refusedTotal, 0);
      assert.ok(json.cpuSecondsTotal > 0 && json.cpuSecondsTotal === json.cpuUserSecondsTotal + json.cpuSystemSecondsTotal);
      assert.ok(json.rssBytes > 0 && json.heapUsedBytes > 0 && json.heapTotalBytes >= json.heapUsedBytes);
      assert.ok(json.eventLoopDelayMaxUs >= json.eventLoopDelayP99Us && json.eventLoopDelayP99Us >= json.eventLoopDelayP50Us);
      assert.ok(json.eventLoopUtilizationRatio >= 0 && json.eventLoopUtilizationRatio <= 1);
      assert.ok(Number.isInteger(json.eventLoopDelayP50Us) && Number.isInteger(json.timestampMs));
    });
  });
}

describe('metrics paths', { timeout: 30_000 }, () => {
  test('other paths are 404 and other methods 405', async (t) => {
    const server = await startServer(t);
    assert.equal((await fetchText(`${server.url}/nothing`)).status, 404);
    const post = await withTimeout(fetch(`${server.url}/metrics`, { method: 'POST' }), 'POST /metrics');
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
    await post.arrayBuffer();
  });
});
