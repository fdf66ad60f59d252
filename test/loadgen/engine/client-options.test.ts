/** The options a client connects with: source address, ports and CONNECT payload chosen by hand. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SourcePortPool } from '../../../loadgen/client/source-ports.js';
import { ClientConnectOptions } from '../../../loadgen/engine/client-options.js';
import type { WorkerTask } from '../../../loadgen/engine/messages.js';
import { manualClock } from '../../../loadgen/measure/clock.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';

function task(extra: string, action: string, sourceAddresses: string[] = [], population = '{clients: 8, rooms: 2}'): WorkerTask {
  const { scenario } = parseScenarioText(
    `
name: options
target: builtin
population: ${population}
phases:
  - {name: hold, kind: hold, duration: 1s}
actions:
  - ${action}
${extra}
`,
    'options.yml',
  );
  return { workerId: 0, workerCount: 1, scenario, targetUrl: 'http://127.0.0.1:4000', sourceAddresses, intervalMs: 1000 };
}

test('client i takes source address i mod n and that address pool; without addresses the kernel chooses', () => {
  const pools = [{ address: '127.0.0.2' }, { address: '127.0.0.3' }] as unknown as SourcePortPool[];
  const options = new ClientConnectOptions(task('', '{kind: custom, event: x}', ['127.0.0.2', '127.0.0.3']), pools, manualClock()).of(3);
  assert.equal(options.url, 'http://127.0.0.1:4000');
  assert.equal(options.localAddress, '127.0.0.3');
  assert.equal(options.localPorts, pools[1]);
  assert.equal(options.connectTimeoutMs, 10_000);
  const bare = new ClientConnectOptions(task('', '{kind: custom, event: x}'), [], manualClock()).of(3);
  assert.equal(bare.localAddress, undefined);
  assert.equal(bare.localPorts, undefined);
});

test('without auth and bench actions there is no CONNECT payload; with bench actions it is the client index', () => {
  assert.equal(new ClientConnectOptions(task('', '{kind: custom, event: x}'), [], manualClock()).of(5).auth, undefined);
  assert.deepEqual(new ClientConnectOptions(task('', '{kind: join}'), [], manualClock()).of(5).auth, { clientIndex: 5 });
});

test('the scenario auth is templated for the client, and the bench index is added beside it', () => {
  const auth = "auth: {user: '{{index}}', at: '{{sentUs}}', token: abc}";
  const custom = new ClientConnectOptions(task(auth, '{kind: custom, event: x}'), [], manualClock(2_500));
  assert.deepEqual(custom.of(6).auth, { user: 6, at: 2_500, token: 'abc' });
  const bench = new ClientConnectOptions(task(auth, '{kind: join}'), [], manualClock(2_500));
  assert.deepEqual(bench.of(6).auth, { user: 6, at: 2_500, token: 'abc', clientIndex: 6 });
});

test('clients without a CONNECT payload share one options object per source address; with one, each has its own', () => {
  const pools = [{ address: '127.0.0.2' }, { address: '127.0.0.3' }] as unknown as SourcePortPool[];
  const shared = new ClientConnectOptions(task('', '{kind: custom, event: x}', ['127.0.0.2', '127.0.0.3']), pools, manualClock());
  assert.equal(shared.of(1), shared.of(3));
  assert.equal(shared.of(0), shared.of(4));
  assert.notEqual(shared.of(0), shared.of(1));
  assert.equal(shared.of(5).localAddress, '127.0.0.3');
  assert.equal(shared.of(5).localPorts, pools[1]);
  assert.equal(shared.of(6).localPorts, pools[0]);
  const own = new ClientConnectOptions(task('', '{kind: join}', ['127.0.0.2', '127.0.0.3']), pools, manualClock());
  assert.notEqual(own.of(1), own.of(3));
  assert.deepEqual(own.of(3).auth, { clientIndex: 3 });
});

test("the engine's own first address, 127.0.0.1, is left to the kernel; a scenario's 127.0.0.1 is bound like its others", () => {
  const pools = [{ address: '127.0.0.1' }, { address: '127.0.0.2' }] as unknown as SourcePortPool[];
  const chosen = new ClientConnectOptions(task('', '{kind: custom, event: x}', ['127.0.0.1', '127.0.0.2']), pools, manualClock());
  assert.equal(chosen.of(4).localAddress, undefined);
  assert.equal(chosen.of(4).localPorts, undefined);
  assert.equal(chosen.of(5).localAddress, '127.0.0.2');
  assert.equal(chosen.of(5).localPorts, pools[1]);
  const listed = task('', '{kind: custom, event: x}', ['127.0.0.1', '127.0.0.2'], '{clients: 8, rooms: 2, sourceAddresses: [127.0.0.1, 127.0.0.2]}');
  const given = new ClientConnectOptions(listed, pools, manualClock());
  assert.equal(given.of(4).localAddress, '127.0.0.1');
  assert.equal(given.of(4).localPorts, pools[0]);
});
