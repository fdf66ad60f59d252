/**
 * A run against a plain Socket.IO server that only exposes prom-client's default metrics (no /metrics.json):
 * given `serverMetrics`, the result has the server figures, and they agree with what /proc says of that process.
 */
import assert from 'node:assert/strict';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { runScenario } from '../../../loadgen/engine/coordinator.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import { startChildServer, type ChildServer } from '../../helpers/child-server.js';
import { readProc } from '../../helpers/proc-reading.js';
import { recordingReporter } from '../../helpers/silent-reporter.js';

const SERVER_SCRIPT = fileURLToPath(new URL('./fixtures/prom-client-server.js', import.meta.url));

let server: ChildServer;

before(async () => {
  server = await startChildServer(process.execPath, [SERVER_SCRIPT], 'the prom-client Socket.IO server');
});

after(async () => {
  await server.stop();
});

test('server figures from prom-client default metrics: present, CPU within the cores, RSS and CPU time as /proc reads them', async () => {
  const text = `
name: prom-client-target
target: {url: ${server.url}, serverMetrics: ${server.url}/metrics}
client: lean
transport: websocket
population: {clients: 40}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1s}
  - {name: steady, kind: hold, duration: 5s}
actions:
  - {kind: echo, rate: {perClient: 20}, payload: {bytes: 256}}
drain: 1s
`;
  const pid = server.child.pid!;
  const before = readProc(pid);
  const result = await runScenario({ loaded: parseScenarioText(text, 'prom-client-target.yml'), reporter: recordingReporter(), workers: 1 });
  const afterRun = readProc(pid);
  assert.equal(result.status, 'completed', JSON.stringify(result.failure));
  assert.ok((result.totals.latency.echo?.corrected.count ?? 0) > 3000, 'echo measured');

  const samples = result.server.filter((s) => s.process === 'total');
  assert.ok(samples.length >= 5, `a sample about every second (${samples.length})`);
  const cores = os.availableParallelism();
  for (const sample of samples) {
    assert.ok(sample.cpuPercent >= 0 && sample.cpuPercent <= cores * 100 * 1.05, `CPU ${sample.cpuPercent}% within ${cores} cores`);
    assert.ok(sample.heapUsedBytes > 1e6 && sample.heapUsedBytes < sample.rssBytes, `heap ${sample.heapUsedBytes} below RSS ${sample.rssBytes}`);
    assert.ok(sample.eventLoopDelayP99Us >= sample.eventLoopDelayP50Us && sample.eventLoopDelayMaxUs >= sample.eventLoopDelayP99Us, 'delays ordered');
  }
  const busy = samples.filter((s) => s.tSec > 1.5 && s.tSec < 6);
  assert.ok(busy.every((s) => s.connectedClients === 40), `40 clients while steady: ${busy.map((s) => s.connectedClients).join(',')}`);
  assert.ok(busy.some((s) => s.cpuPercent > 1), 'the server did work under load');

  // RSS: the last sample against /proc right after the run (the server is idle then, so it barely moves).
  const last = samples[samples.length - 1]!;
  const rssRatio = last.rssBytes / afterRun.rssBytes;
  assert.ok(rssRatio > 0.8 && rssRatio < 1.25, `RSS scraped ${last.rssBytes} vs /proc ${afterRun.rssBytes}`);
  // CPU time: the samples' CPU over their seconds against /proc's CPU time over the whole run (which also
  // covers the connect before the first sample and the drain after the last one).
  const sampledCpuSeconds = samples.reduce((sum, s) => sum + s.cpuPercent / 100, 0);
  const procCpuSeconds = afterRun.cpuSeconds - before.cpuSeconds;
  assert.ok(sampledCpuSeconds <= procCpuSeconds + 0.2 && sampledCpuSeconds >= procCpuSeconds * 0.5, `CPU s sampled ${sampledCpuSeconds.toFixed(2)} vs /proc ${procCpuSeconds.toFixed(2)}`);
  process.stdout.write(`# figures: RSS scraped ${last.rssBytes} vs /proc ${afterRun.rssBytes}; CPU s sampled ${sampledCpuSeconds.toFixed(3)} vs /proc ${procCpuSeconds.toFixed(3)}; peak CPU ${Math.max(...samples.map((s) => s.cpuPercent)).toFixed(1)}% of ${cores} cores\n`);

  // prom-client serves no event-loop utilization, rooms or event counters: named, not silent.
  assert.ok(
    result.warnings.some((w) => w.includes('serves no eventLoopUtilization (nodejs_eventloop_utilization or nodejs_eventloop_utilization_ratio), rooms')),
    result.warnings.join('\n'),
  );
});
