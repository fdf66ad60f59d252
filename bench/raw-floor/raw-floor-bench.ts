/**
 * raw-floor: what the cheapest possible Node.js client costs on this machine, beside the load generator, each
 * against one reference server (`sio-bench serve`, websocket only, bench app, warmed up first) in its own child
 * process:
 *
 * - connect: a storm of raw connections (raw-connection.ts: fixed handshake strings, nothing decoded) at a rate
 *   both sides keep up with, then the engine's lean clients at the same rate: CPU per connect of each client side
 *   and of the server, and the connect rate these costs allow on this machine's cores;
 * - delivery: one room of raw receivers that only count event frames, one of them broadcasting, then the engine
 *   (lean clients, full delivery accounting) on the same load: CPU per delivered broadcast of each side beside
 *   the server's for the same messages, with the kernel's (system) share where it is known.
 *
 * The raw client is a floor, not a product: whatever a real client adds (decoding, accounting, timers) comes on
 * top. If even the floor spends more than a goal allows, no client of this runtime meets it on this machine.
 * Run alone: node dist/bench/run-all.js raw-floor [--quick]
 * One file, though over 300 lines: both measurements and the table that sets them side by side are one
 * experiment, run in this order; the raw client itself is raw-connection.ts.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { runScenario } from '../../loadgen/engine/coordinator.js';
import { parseScenarioText } from '../../loadgen/scenario/load-scenario.js';
import { startBuiltinServer, type BuiltinServer, type BuiltinServerOptions } from '../../loadgen/target/builtin-server.js';
import type { SeriesPoint } from '../../loadgen/run-result.js';
import type { BenchModule, BenchSettings } from '../bench-module.js';
import { readProcessCpuSplit } from '../loadgen-process-tree.js';
import { measureWindow, phaseSeconds, ResourceProbe, type WindowFigures } from '../loadgen-probe.js';
import { isFromRawChildMessage, type CpuSplit, type FromRawChildMessage, type ToRawChildMessage } from './messages.js';

/** The loads of both measurements. */
export interface RawFloorLoad {
  /** Clients of the connect storm, and the rate offered (issue 3's goal: at least 3,000 per second). */
  stormClients: number;
  stormRatePerSec: number;
  /** Members of the one room; one of them broadcasts, the others receive. */
  receivers: number;
  broadcastsPerSec: number;
  payloadBytes: number;
  /** Measured broadcasting time, s. */
  receiveSec: number;
}

export const DEFAULT_RAW_FLOOR_LOAD: RawFloorLoad = {
  stormClients: 12_000,
  stormRatePerSec: 3000,
  receivers: 2000,
  broadcastsPerSec: 10,
  payloadBytes: 100,
  receiveSec: 10,
};

/** The server both client sides are measured against: what `target: {builtin: {transports: websocket}}` starts. */
const SERVER_OPTIONS: BuiltinServerOptions = {
  app: 'bench',
  transports: 'websocket',
  compression: { perMessageDeflate: false, httpCompression: true },
};

const STEP_TIMEOUT_MS = 120_000;
/** Connects of the unmeasured warm-up storm. */
const WARMUP_CLIENTS = 2000;
const WARMUP_RATE_PER_SEC = 1000;

/** CPU figures per unit of work (one connect, or one delivered message), µs. */
export interface CostPerUnit {
  clientUs: number;
  /** The client side's kernel (system) time. */
  clientSystemUs: number;
  serverUs: number;
  serverSystemUs: number;
}

export interface ConnectFloor {
  side: 'raw' | 'engine';
  clients: number;
  connected: number;
  failed: number;
  latencyP50Ms: number | undefined;
  latencyP99Ms: number | undefined;
  /**
   * Clients / (last scheduled connect + worst connect latency): a lower bound of the rate achieved, the same
   * formula for both sides (loadgen-hold's); undefined unless every client connected.
   */
  achievedPerSec: number | undefined;
  cost: CostPerUnit;
}

/** The achieved-rate lower bound of ConnectFloor from the storm's shape and its worst latency. */
export function achievedConnectRate(clients: number, ratePerSec: number, connected: number, latencyMaxMs: number): number | undefined {
  if (connected !== clients) return undefined;
  const lastScheduledMs = ((clients - 1) * 1000) / ratePerSec;
  return (clients * 1000) / (lastScheduledMs + latencyMaxMs);
}

export interface DeliveryFloor {
  side: 'raw' | 'engine';
  deliveries: number;
  perSec: number;
  cost: CostPerUnit;
}

function cpuBetween(before: { userUs: number; systemUs: number }, after: { userUs: number; systemUs: number }): CpuSplit {
  return { userUs: after.userUs - before.userUs, systemUs: after.systemUs - before.systemUs };
}

/** Both sides' CPU, each split in user and system time, per one of `units` (connects or deliveries). */
function costPer(units: number, client: CpuSplit, server: CpuSplit): CostPerUnit {
  return {
    clientUs: (client.userUs + client.systemUs) / units,
    clientSystemUs: client.systemUs / units,
    serverUs: (server.userUs + server.systemUs) / units,
    serverSystemUs: server.systemUs / units,
  };
}

function nextMessage<K extends FromRawChildMessage['type']>(child: ChildProcess, type: K): Promise<Extract<FromRawChildMessage, { type: K }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`raw-floor: timed out waiting for '${type}' from the raw clients`)), STEP_TIMEOUT_MS);
    const onMessage = (message: unknown): void => {
      if (!isFromRawChildMessage(message)) return;
      if (message.type === 'failed') return finish(new Error(`raw-floor: ${message.message}`));
      if (message.type === type) finish(undefined, message as Extract<FromRawChildMessage, { type: K }>);
    };
    const onExit = (code: number | null): void => finish(new Error(`raw-floor: the raw clients exited (${code}) before '${type}'`));
    function finish(error: Error | undefined, message?: Extract<FromRawChildMessage, { type: K }>): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error !== undefined) reject(error);
      else resolve(message!);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Runs `body` with a raw-client child of `server` started with `args`; stops the child afterwards. */
async function withRawClients<T>(server: BuiltinServer, args: string[], body: (child: ChildProcess) => Promise<T>): Promise<T> {
  const { hostname, port } = new URL(server.url);
  const child = fork(fileURLToPath(new URL('./raw-client-child.js', import.meta.url)), [args[0]!, hostname, port, ...args.slice(1)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    return await body(child);
  } finally {
    if (child.connected) child.send({ type: 'stop' } satisfies ToRawChildMessage);
    await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(5000)]);
    child.kill();
    // Let the server close the connections the child left before the next measurement starts.
    await sleep(2000);
  }
}

/** The raw storm: `stormClients` raw connections at `stormRatePerSec`. */
export async function measureRawConnect(server: BuiltinServer, clients: number, ratePerSec: number): Promise<ConnectFloor> {
  return withRawClients(server, ['storm', String(clients), String(ratePerSec)], async (child) => {
    await nextMessage(child, 'ready');
    const before = readProcessCpuSplit(server.pid);
    const done = nextMessage(child, 'storm-done');
    child.send({ type: 'go' } satisfies ToRawChildMessage);
    const storm = await done;
    const serverCpu = cpuBetween(before, readProcessCpuSplit(server.pid));
    const connects = Math.max(1, storm.connected);
    return {
      side: 'raw',
      clients,
      connected: storm.connected,
      failed: storm.failed,
      latencyP50Ms: storm.latencyP50Ms,
      latencyP99Ms: storm.latencyP99Ms,
      achievedPerSec: achievedConnectRate(clients, ratePerSec, storm.connected, storm.latencyMaxMs),
      cost: costPer(connects, storm.cpu, serverCpu),
    };
  });
}

/** The raw room: `receivers` raw clients in one room, one broadcasting; CPU over `receiveSec` of broadcasts. */
export async function measureRawDelivery(server: BuiltinServer, load: RawFloorLoad): Promise<DeliveryFloor> {
  const args = ['receive', String(load.receivers), String(load.broadcastsPerSec), String(load.payloadBytes)];
  return withRawClients(server, args, async (child) => {
    await nextMessage(child, 'ready');
    // Let the joins' and handshakes' leftovers (timers, GC) pass before measuring.
    await sleep(1000);
    const before = readProcessCpuSplit(server.pid);
    child.send({ type: 'go' } satisfies ToRawChildMessage);
    await sleep(load.receiveSec * 1000);
    const reply = nextMessage(child, 'received');
    child.send({ type: 'read' } satisfies ToRawChildMessage);
    const received = await reply;
    const serverCpu = cpuBetween(before, readProcessCpuSplit(server.pid));
    const deliveries = Math.max(1, received.events);
    return {
      side: 'raw',
      deliveries: received.events,
      perSec: received.events / load.receiveSec,
      cost: costPer(deliveries, received.cpu, serverCpu),
    };
  });
}

/**
 * The end of the engine's connect window: the first second at or after `fromSec` whose point has every one of
 * `clients` open or failed (as the raw storm ends when its last connect is answered), at the latest `toSec`.
 */
export function stormSettledSec(series: readonly SeriesPoint[], fromSec: number, toSec: number, clients: number): number {
  const settled = series.find((point) => point.tSec > fromSec && point.tSec <= toSec && point.connections.open + point.connections.failed >= clients);
  return settled?.tSec ?? toSec;
}

/**
 * The engine's lean clients, same storm: CPU of every load-generator process and the server from the ramp's
 * start to the end of the second in which the last connect was answered (the raw storm's CPU is read from its
 * start to its last answer too; the seconds of holding idle connections after it are no connect cost).
 */
export async function measureEngineConnect(server: BuiltinServer, load: RawFloorLoad): Promise<ConnectFloor> {
  const idleSec = 2;
  const rampSec = Math.ceil(load.stormClients / load.stormRatePerSec) + 4;
  const text = `
name: raw-floor-engine-connect
target: ${server.url}
client: lean
transport: websocket
population: {clients: ${load.stormClients}}
phases:
  - {name: idle, kind: hold, duration: ${idleSec}s}
  - {name: ramp-up, kind: ramp-up, duration: ${rampSec}s, connectRate: ${load.stormRatePerSec}}
  - {name: hold, kind: hold, duration: 4s}
  - {name: ramp-down, kind: ramp-down, duration: 1s}
`;
  const probe = new ResourceProbe('raw-floor engine connect');
  const loaded = parseScenarioText(text, 'raw-floor-engine-connect.yml');
  const result = await runScenario({ loaded, reporter: probe, notice: (line) => process.stderr.write(`  raw-floor: ${line}\n`) });
  // Connects that the server was slow to answer may finish in the hold.
  const fromSec = phaseSeconds(loaded.scenario, 'ramp-up').startSec;
  const toSec = stormSettledSec(result.series, fromSec, phaseSeconds(loaded.scenario, 'hold').endSec, load.stormClients);
  const window = measureWindow(probe, result.series, fromSec, toSec);
  if (window === undefined || window.serverCpuUs === undefined) throw new Error(`raw-floor: the engine's storm ended early (${result.status}: ${result.failure?.message ?? 'no reading'})`);
  const connect = result.totals.latency.connect?.corrected;
  const connected = result.totals.counters.connectSuccesses;
  const perConnect = Math.max(1, connected);
  return {
    side: 'engine',
    clients: load.stormClients,
    connected,
    failed: result.totals.counters.connectFailures,
    latencyP50Ms: connect && connect.p50Us / 1000,
    latencyP99Ms: connect && connect.p99Us / 1000,
    achievedPerSec: connect && achievedConnectRate(load.stormClients, load.stormRatePerSec, connect.count, connect.maxUs / 1000),
    cost: engineCost(window, perConnect),
  };
}

/** The engine side's CPU per unit from a probe window: every load-generator process, and the server, each with its kernel share. */
function engineCost(window: WindowFigures, units: number): CostPerUnit {
  return {
    clientUs: window.loadgenCpuUs / units,
    clientSystemUs: window.loadgenSystemUs / units,
    serverUs: (window.serverCpuUs ?? Number.NaN) / units,
    serverSystemUs: (window.serverSystemUs ?? Number.NaN) / units,
  };
}

/** The engine's lean clients, same room and broadcasts, with its full delivery accounting. */
export async function measureEngineDelivery(server: BuiltinServer, load: RawFloorLoad): Promise<DeliveryFloor> {
  const rampSec = Math.ceil(load.receivers / 500) + 2;
  const text = `
name: raw-floor-engine-delivery
target: ${server.url}
client: lean
transport: websocket
population: {clients: ${load.receivers}, rooms: 1, roomsPerClient: 1, seed: 1}
phases:
  - {name: ramp-up, kind: ramp-up, duration: ${rampSec}s, connectRate: 500, actions: []}
  - {name: settle, kind: hold, duration: 2s, actions: []}
  - {name: steady, kind: hold, duration: ${load.receiveSec + 1}s, actions: [broadcast]}
  - {name: ramp-down, kind: ramp-down, duration: 1s, actions: []}
actions:
  - kind: join
  - kind: broadcast
    rate: {total: ${load.broadcastsPerSec}}
    payload: {bytes: ${load.payloadBytes}, kind: text}
drain: 2s
`;
  const probe = new ResourceProbe('raw-floor engine delivery');
  const loaded = parseScenarioText(text, 'raw-floor-engine-delivery.yml');
  const result = await runScenario({ loaded, reporter: probe, notice: (line) => process.stderr.write(`  raw-floor: ${line}\n`) });
  const steady = phaseSeconds(loaded.scenario, 'steady');
  const window = measureWindow(probe, result.series, steady.startSec + 1, steady.endSec);
  if (window === undefined || window.serverCpuUs === undefined) throw new Error(`raw-floor: the engine's broadcast run ended early (${result.status}: ${result.failure?.message ?? 'no reading'})`);
  const deliveries = Math.max(1, window.broadcastDeliveries);
  return {
    side: 'engine',
    deliveries: window.broadcastDeliveries,
    perSec: window.broadcastDeliveries / (window.toSec - window.fromSec),
    cost: engineCost(window, deliveries),
  };
}

function us(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(value >= 100 ? 0 : 1);
}

function int(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** The report: both measurements, raw beside engine. */
export function formatRawFloor(load: RawFloorLoad, cores: number, connect: readonly ConnectFloor[], delivery: readonly DeliveryFloor[]): string {
  const lines = [
    `### raw-floor: the cheapest Node.js client beside the engine (lean), each against one reference-server process`,
    '',
    `Connect: ${int(load.stormClients)} clients offered at ${int(load.stormRatePerSec)}/s (latency from each connect's scheduled time), ${cores} cores.`,
    '',
    '| client side | connected / failed | achieved connects/s (at least) | p50 / p99 ms | client CPU µs/connect (kernel) | server CPU µs/connect (kernel) |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const f of connect) {
    lines.push(
      `| ${f.side} | ${int(f.connected)} / ${int(f.failed)} | ${f.achievedPerSec === undefined ? 'n/a' : int(f.achievedPerSec)} | ` +
        `${us(f.latencyP50Ms)} / ${us(f.latencyP99Ms)} | ${us(f.cost.clientUs)} (${us(f.cost.clientSystemUs)}) | ` +
        `${us(f.cost.serverUs)} (${us(f.cost.serverSystemUs)}) |`,
    );
  }
  lines.push(
    '',
    `Delivery: one room of ${int(load.receivers)}, ${load.broadcastsPerSec} broadcasts/s of ${load.payloadBytes} B (each to ${int(load.receivers - 1)} members), ${load.receiveSec} s measured.`,
    '',
    '| client side | deliveries | per second | client CPU µs/delivery (kernel) | server CPU µs/delivery (kernel) | client / server |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const f of delivery) {
    lines.push(
      `| ${f.side} | ${int(f.deliveries)} | ${int(f.perSec)} | ${us(f.cost.clientUs)} (${us(f.cost.clientSystemUs)}) | ` +
        `${us(f.cost.serverUs)} (${us(f.cost.serverSystemUs)}) | ${(f.cost.clientUs / f.cost.serverUs).toFixed(2)} |`,
    );
  }
  lines.push(
    '',
    'raw: raw-connection.ts, one process, frame headers only; engine: sio-bench run with lean clients (coordinator, worker threads,',
    'delivery accounting, every load-generator process). Kernel: the system part of each side\'s CPU time.',
  );
  return lines.join('\n');
}

export async function runRawFloor(load: RawFloorLoad): Promise<string> {
  const cores = os.availableParallelism();
  // One server for all four measurements, warmed up first (JIT, pools), so that both client sides meet the same one.
  const server = await startBuiltinServer(SERVER_OPTIONS);
  try {
    process.stderr.write(`raw-floor: warm-up storm, then connect storms, raw then engine (${load.stormClients} at ${load.stormRatePerSec}/s)\n`);
    await measureRawConnect(server, WARMUP_CLIENTS, WARMUP_RATE_PER_SEC);
    const connect = [await measureRawConnect(server, load.stormClients, load.stormRatePerSec), await measureEngineConnect(server, load)];
    process.stderr.write(`raw-floor: one room of ${load.receivers}, raw then engine\n`);
    const delivery = [await measureRawDelivery(server, load), await measureEngineDelivery(server, load)];
    return formatRawFloor(load, cores, connect, delivery);
  } finally {
    await server.stop();
  }
}

export const rawFloorBench: BenchModule = {
  name: 'raw-floor',
  description: 'the cheapest Node.js client beside the engine: CPU per connect and per delivery of each, against the server',
  run: (settings: BenchSettings) => runRawFloor({ ...DEFAULT_RAW_FLOOR_LOAD, receiveSec: settings.quick ? 5 : DEFAULT_RAW_FLOOR_LOAD.receiveSec }),
};
