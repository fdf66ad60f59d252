/**
 * Both ends of the Prometheus names meet: the reference server, measured as a URL target through its prom-client
 * /metrics (not /metrics.json), gives every server figure (nothing named missing), in one process and as a
 * cluster of two workers (their `process` labels summed).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runScenario } from '../../../loadgen/engine/coordinator.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import { startBuiltinServer } from '../../../loadgen/target/builtin-server.js';
import { recordingReporter } from '../../helpers/silent-reporter.js';

const scenario = (url: string): string => `
name: reference-through-prometheus
target: {url: ${url}, serverMetrics: ${url}/metrics}
client: lean
transport: websocket
population: {clients: 30}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1s}
  - {name: steady, kind: hold, duration: 4s}
actions:
  - {kind: echo, rate: {perClient: 10}}
drain: 1s
`;

describe('the reference server through its prom-client /metrics', () => {
  for (const workers of [1, 2]) {
    it(`${workers} server process(es): every figure present, clients and events as the run sent them`, { timeout: 60_000 }, async () => {
      const server = await startBuiltinServer({ transports: 'websocket', workers });
      try {
        const result = await runScenario({ loaded: parseScenarioText(scenario(server.url), 'reference-through-prometheus.yml'), reporter: recordingReporter(), workers: 1 });
        assert.equal(result.status, 'completed', JSON.stringify(result.failure));
        assert.deepEqual(result.warnings.filter((w) => w.startsWith('server metrics')), [], 'nothing missing');
        const steady = result.server.filter((s) => s.process === 'total' && s.tSec > 1.5 && s.tSec < 5);
        assert.ok(steady.length >= 2, `steady samples (${steady.length})`);
        for (const sample of steady) {
          assert.equal(sample.connectedClients, 30);
          // 30 clients × 10 echoes a second, and the server counts each one it receives.
          assert.ok(sample.eventsReceivedPerSec > 200 && sample.eventsReceivedPerSec < 400, `events received ${sample.eventsReceivedPerSec}/s`);
          assert.ok(sample.eventLoopUtilization > 0 && sample.eventLoopUtilization <= 1, `ELU ${sample.eventLoopUtilization}`);
          assert.ok(sample.rssBytes > sample.heapUsedBytes && sample.heapUsedBytes > 0);
        }
      } finally {
        await server.stop();
      }
    });
  }
});
