/**
 * The load generator's memory as a benchmark reads it (loadgen/engine/loadgen-memory.ts), against independent
 * oracles measured in this test's own thread: idle lean clients held by the engine in a worker thread must show
 * at least the heap + external the same number of bare lean clients need in isolation (a reading of the main
 * thread alone, which does not see the worker's isolate, shows next to nothing), and a population whose clients
 * have not connected yet must already show the slots the engine allocated for them (a baseline taken after the
 * slots existed would show none). Loopback only, a few hundred connections, a few seconds.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createClient } from '../../../loadgen/client/create-client.js';
import type { VirtualClient } from '../../../loadgen/client/virtual-client.js';
import { runScenario } from '../../../loadgen/engine/coordinator.js';
import { measureLoadGeneratorMemory, memoryGrowth, requestMemoryBaselines, type MemoryGrowth } from '../../../loadgen/engine/loadgen-memory.js';
import { createSimClient } from '../../../loadgen/engine/sim-client.js';
import { MEMORY_BASELINE_ENV, readThreadMemoryAfterGc, type ThreadMemory } from '../../../loadgen/engine/thread-memory.js';
import type { RunResult } from '../../../loadgen/run-result.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import { startBuiltinServer, type BuiltinServer } from '../../../loadgen/target/builtin-server.js';
import type { LiveReporter } from '../../../loadgen/live-state.js';

/** Idle lean clients, in the engine's worker and in the oracle. */
const CLIENTS = 300;
/** Clients connected and dropped before the oracle's baseline: module code, pools and JIT are then paid. */
const ORACLE_WARMUP_CLIENTS = 30;
/** Population of the slots test: none of it ever connects. */
const SLOT_CLIENTS = 20_000;

let server: BuiltinServer;

before(async () => {
  server = await startBuiltinServer({ transports: 'websocket' });
});

after(async () => {
  await server.stop();
});

function heapPlusExternal(memory: ThreadMemory): number {
  return memory.heapUsedBytes + memory.externalBytes;
}

/** Heap + external per bare lean client in this thread, connected and idle, after forced GC, bytes. */
async function bareLeanClientBytes(count: number): Promise<number> {
  const create = createClient('lean');
  const options = { url: server.url, path: '/socket.io/', namespace: '/', transport: 'websocket' as const, parser: 'default' as const, connectTimeoutMs: 10_000 };
  const connect = async (n: number): Promise<VirtualClient[]> => {
    const clients = Array.from({ length: n }, () => create(options, { onEvent: () => undefined, onDisconnect: () => undefined }));
    await Promise.all(clients.map((client) => client.connect()));
    return clients;
  };
  const warm = await connect(ORACLE_WARMUP_CLIENTS);
  const baseline = readThreadMemoryAfterGc();
  const clients = await connect(count);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const now = readThreadMemoryAfterGc();
  for (const client of [...warm, ...clients]) client.disconnect();
  return (heapPlusExternal(now) - heapPlusExternal(baseline)) / count;
}

/** Heap + external per engine slot (SimClient) of a client with no rooms and no direct peers (one shared empty list, as the engine's), bytes. */
function bareSlotBytes(count: number): number {
  const baseline = readThreadMemoryAfterGc();
  const none: readonly number[] = [];
  const slots = Array.from({ length: count }, (_, index) => createSimClient(index, none, none));
  const now = readThreadMemoryAfterGc();
  assert.equal(slots.length, count);
  return (heapPlusExternal(now) - heapPlusExternal(baseline)) / count;
}

/**
 * Runs `scenario` with one worker thread (in this process, or in each load process when a process may hold
 * fewer than the population: `clientsPerProcess`), reads the load generator's memory after second `atSec` is
 * merged, then stops the run.
 */
async function memoryDuringRun(scenario: string, atSec: number, clientsPerProcess = 100_000): Promise<{ growth: MemoryGrowth; open: number; result: RunResult }> {
  const stop = new AbortController();
  let reading: Promise<{ growth: MemoryGrowth; open: number }> | undefined;
  const reporter: LiveReporter = {
    update: (state) => {
      const point = state.latest;
      if (point === undefined || point.tSec !== atSec || reading !== undefined) return;
      const open = point.connections.open;
      reading = measureLoadGeneratorMemory().then((processes) => ({ growth: memoryGrowth(processes), open }));
      void reading.finally(() => stop.abort());
    },
    finish: async () => undefined,
    onStopRequest: () => undefined,
  };
  const restoreEnvironment = requestMemoryBaselines();
  let result: RunResult;
  try {
    result = await runScenario({ loaded: parseScenarioText(scenario, 'memory.yml'), reporter, workers: 1, clientsPerProcess, signal: stop.signal });
  } finally {
    restoreEnvironment();
  }
  assert.notEqual(reading, undefined, `second ${atSec} was never merged: ${result.failure?.message ?? 'no failure'}`);
  return { ...(await reading!), result };
}

/** CLIENTS lean clients connected in the first second, then held idle. */
function idleScenario(): string {
  return `
name: memory-idle
target: ${server.url}
client: lean
transport: websocket
population: {clients: ${CLIENTS}}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1s, connectRate: ${CLIENTS * 2}}
  - {name: hold, kind: hold, duration: 10s}
`;
}

/** Heap + external per bare lean client, measured once in this thread. */
let oracleBytes: number | undefined;

async function bareLeanClientOracle(): Promise<number> {
  oracleBytes ??= await bareLeanClientBytes(CLIENTS);
  // A lean client holds its socket, parser state and handlers: well over 500 bytes of heap. A smaller oracle
  // would mean the oracle itself measured nothing.
  assert.ok(oracleBytes > 500, `a bare lean client needs ${oracleBytes.toFixed(0)} B of heap + external`);
  return oracleBytes;
}

test('idle lean clients in a worker thread show at least the heap the same bare clients need in isolation', async () => {
  const oracleBytes = await bareLeanClientOracle();
  const { growth, open } = await memoryDuringRun(idleScenario(), 3);
  assert.equal(open, CLIENTS);
  assert.equal(growth.processes, 1);
  assert.equal(growth.threads, 2, 'this main thread and one worker thread');
  const workerBytes = growth.workerHeapPlusExternalBytes / open;
  assert.ok(
    workerBytes >= oracleBytes,
    `engine: ${workerBytes.toFixed(0)} B per client in its worker thread; the bare client alone needs ${oracleBytes.toFixed(0)} B`,
  );
  assert.ok(growth.heapPlusExternalBytes >= growth.workerHeapPlusExternalBytes - 256 * 1024, 'the total includes the worker threads');
  assert.equal(process.env[MEMORY_BASELINE_ENV], undefined, 'the switch is unset after the run');
});

test('every load process and each of its worker threads is read: two load processes of one worker each', async () => {
  const oracleBytes = await bareLeanClientOracle();
  const { growth, open } = await memoryDuringRun(idleScenario(), 3, CLIENTS / 2);
  assert.equal(open, CLIENTS);
  assert.equal(growth.processes, 3, 'this process and two load processes');
  assert.equal(growth.threads, 5, 'three main threads and two worker threads');
  const workerBytes = growth.workerHeapPlusExternalBytes / open;
  assert.ok(workerBytes >= oracleBytes, `engine: ${workerBytes.toFixed(0)} B per client in its worker threads; the bare client alone needs ${oracleBytes.toFixed(0)} B`);
});

test("the no-client baseline is read before the engine allocates the clients' slots", async () => {
  const slotBytes = bareSlotBytes(SLOT_CLIENTS);
  assert.ok(slotBytes > 50, `a slot needs ${slotBytes.toFixed(0)} B`);
  // The clients would connect only after a long idle phase; the reading is taken in the idle phase's second second.
  const { growth, open } = await memoryDuringRun(
    `
name: memory-slots
target: ${server.url}
client: lean
transport: websocket
population: {clients: ${SLOT_CLIENTS}}
phases:
  - {name: idle, kind: hold, duration: 30s}
  - {name: ramp-up, kind: ramp-up, duration: 20s, connectRate: 1000}
`,
    2,
  );
  assert.equal(open, 0);
  assert.ok(
    growth.workerHeapPlusExternalBytes >= SLOT_CLIENTS * slotBytes,
    `the worker grew ${growth.workerHeapPlusExternalBytes} B over its baseline with ${SLOT_CLIENTS} slots and no client; ` +
      `the slots alone need ${Math.round(SLOT_CLIENTS * slotBytes)} B`,
  );
});

test('memoryGrowth sums every thread over its own baseline; RSS from the least baseline to the most now', () => {
  const at = (heapUsedBytes: number, externalBytes: number, rssBytes: number): ThreadMemory => ({ heapUsedBytes, externalBytes, rssBytes });
  const growth = memoryGrowth([
    { pid: 1, mainThread: { baseline: at(100, 10, 1000), now: at(150, 10, 9000) }, workers: [] },
    {
      pid: 2,
      mainThread: { baseline: at(50, 5, 2000), now: at(60, 5, 7000) },
      workers: [
        { workerId: 0, baseline: at(200, 20, 3000), now: at(900, 120, 6000) },
        { workerId: 1, baseline: at(210, 20, 3500), now: at(700, 20, 6500) },
      ],
    },
  ]);
  // Heap + external: 50 (main 1) + 10 (main 2) + 800 (worker 0) + 490 (worker 1).
  // RSS: 9000 - 1000 (process 1), 7000 (worker 1's now) - 2000 (process 2's main thread, its earliest).
  assert.deepEqual(growth, { heapPlusExternalBytes: 1350, workerHeapPlusExternalBytes: 1290, rssBytes: 8000 + 5000, processes: 2, threads: 4 });
  assert.throws(
    () => memoryGrowth([{ pid: 3, mainThread: { baseline: at(1, 1, 1), now: at(1, 1, 1) }, workers: [{ workerId: 4, baseline: undefined, now: at(1, 1, 1) }] }]),
    /process 3: worker 4 has no baseline/,
  );
});
