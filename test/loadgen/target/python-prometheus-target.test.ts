/**
 * A second target no one here wrote: python-socketio with prometheus_client's default collectors. Given its
 * /metrics, a run gets the Python process's CPU, RSS and clients, checked against /proc; the Node.js-only figures
 * (heap, event-loop delay) are named as missing in the warnings.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { runScenario } from '../../../loadgen/engine/coordinator.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import { startChildServer, type ChildServer } from '../../helpers/child-server.js';
import { readProc } from '../../helpers/proc-reading.js';
import { skipUnlessAvailable } from '../../helpers/require-service.js';
import { recordingReporter } from '../../helpers/silent-reporter.js';

const PYTHON = '/usr/bin/python3';
const SERVER_SCRIPT = fileURLToPath(new URL('../../../../test/loadgen/target/python/prometheus_server.py', import.meta.url));

const pythonReady = spawnSync(PYTHON, ['-c', 'import socketio, eventlet, prometheus_client'], { stdio: 'ignore' }).status === 0;
const skip = skipUnlessAvailable(pythonReady, 'python-socketio with eventlet and prometheus_client', 'apt-get install -y python3-socketio python3-eventlet python3-prometheus-client');

let server: ChildServer | undefined;

before(async () => {
  if (!skip) server = await startChildServer(PYTHON, [SERVER_SCRIPT], 'the python-socketio server');
});

after(async () => {
  await server?.stop();
});

test('server figures from python-socketio with prometheus_client: CPU within the cores, RSS as /proc reads it, clients counted', { skip }, async () => {
  const url = server!.url;
  const text = `
name: python-prometheus-target
target: {url: ${url}, serverMetrics: [${url}/metrics]}
client: lean
transport: websocket
population: {clients: 30}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1s}
  - {name: steady, kind: hold, duration: 5s}
actions:
  - {kind: echo, rate: {perClient: 5}}
drain: 1s
`;
  const pid = server!.child.pid!;
  const before = readProc(pid);
  const result = await runScenario({ loaded: parseScenarioText(text, 'python-prometheus-target.yml'), reporter: recordingReporter(), workers: 1 });
  const afterRun = readProc(pid);
  assert.equal(result.status, 'completed', JSON.stringify(result.failure));
  assert.ok((result.totals.latency.echo?.corrected.count ?? 0) > 500, 'echo measured');

  const samples = result.server.filter((s) => s.process === 'total');
  assert.ok(samples.length >= 5, `a sample about every second (${samples.length})`);
  const cores = os.availableParallelism();
  for (const sample of samples) assert.ok(sample.cpuPercent >= 0 && sample.cpuPercent <= cores * 100 * 1.05, `CPU ${sample.cpuPercent}% within ${cores} cores`);
  const steady = samples.filter((s) => s.tSec > 1.5 && s.tSec < 6);
  assert.ok(steady.length >= 3 && steady.every((s) => s.connectedClients === 30), `30 clients while steady: ${steady.map((s) => s.connectedClients).join(',')}`);
  assert.ok(steady.some((s) => s.cpuPercent > 1), 'the server did work under load');
  const last = samples[samples.length - 1]!;
  const rssRatio = last.rssBytes / afterRun.rssBytes;
  assert.ok(rssRatio > 0.8 && rssRatio < 1.25, `RSS scraped ${last.rssBytes} vs /proc ${afterRun.rssBytes}`);
  const sampledCpuSeconds = samples.reduce((sum, s) => sum + s.cpuPercent / 100, 0);
  const procCpuSeconds = afterRun.cpuSeconds - before.cpuSeconds;
  // prometheus_client reads CPU in clock ticks (10 ms), so each sample may be a tick off.
  assert.ok(sampledCpuSeconds <= procCpuSeconds + 0.2 && sampledCpuSeconds >= procCpuSeconds * 0.5, `CPU s sampled ${sampledCpuSeconds.toFixed(2)} vs /proc ${procCpuSeconds.toFixed(2)}`);
  process.stdout.write(`# figures: RSS scraped ${last.rssBytes} vs /proc ${afterRun.rssBytes}; CPU s sampled ${sampledCpuSeconds.toFixed(3)} vs /proc ${procCpuSeconds.toFixed(3)}; peak CPU ${Math.max(...samples.map((s) => s.cpuPercent)).toFixed(1)}% of ${cores} cores\n`);
  assert.ok(
    result.warnings.some((w) => w.includes(`${url}/metrics serves no heapUsed (nodejs_heap_size_used_bytes), eventLoopDelayP50`)),
    result.warnings.join('\n'),
  );
});
