/**
 * The primary of `sio-bench serve --workers N`: forks N node:cluster workers (each re-runs the same serve
 * command line and becomes a cluster-worker.ts), relays the cluster adapter's messages between them
 * (@socket.io/cluster-adapter's setupPrimary), owns the listening socket and hands every connection to a worker
 * with @socket.io/sticky (so each long-polling session always reaches the worker that holds it), and answers
 * the metrics paths itself with every process's figures. It listens only once every worker is ready.
 */
import cluster, { type Worker } from 'node:cluster';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupPrimary as setupClusterAdapterPrimary } from '@socket.io/cluster-adapter';
import { setupMaster as setupStickyPrimary } from '@socket.io/sticky';
import { usesRedis, type ScaleOutOptions } from '../adapters/adapter-kind.js';
import { closeRedis, connectRedis } from '../adapters/redis-connection.js';
import { metricsJsonPath, metricsTextPath } from '../metrics/metrics-http.js';
import { ServerMetrics } from '../metrics/server-metrics.js';
import { resolveServerOptions, type ReferenceServerOptionsInput } from '../server-options.js';
import type { ReferenceServerOptions } from '../types.js';
import { isWorkerToPrimaryMessage, WORKER_INDEX_ENV, workerName, type PrimaryToWorkerMessage } from './cluster-messages.js';
import { ClusterMetricsCollector, handleClusterMetricsRequest, type KnownWorker } from './cluster-metrics.js';
import { createFrontDoor, routeByPath } from './front-door.js';
import { SessionRegistry } from './session-registry.js';

/** A running multi-process server, as the primary sees it. */
export interface ClusterPrimary {
  /** Where clients connect, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** The effective options every worker runs with. */
  options: ReferenceServerOptions;
  scaleOut: ScaleOutOptions;
  /** The workers' process ids, in index order. */
  workerPids: number[];
  /** Resolves with a sentence when a worker dies while serving (never after close() began). Never rejects. */
  failure: Promise<string>;
  /** Stops listening, tells every worker to close (SIGKILL after `stopGraceMs`), resolves once all have exited. */
  close(): Promise<void>;
}

export interface ClusterPrimaryExtras {
  /** Longest wait for every worker to be ready, ms. Default 30000 (N cold starts on a busy machine). */
  startTimeoutMs?: number;
  /** close(): time between the shutdown message and SIGKILL, ms. Default 10000. */
  stopGraceMs?: number;
}

/** A worker ended before it was ready: its own error is on the shared stderr already. */
export class ClusterStartError extends Error {
  constructor(
    message: string,
    /** The worker's exit code (2: it found its input unusable), or null when it did not exit on its own. */
    readonly workerExitCode: number | null,
  ) {
    super(message);
    this.name = 'ClusterStartError';
  }
}

/**
 * Starts the primary: validates the options (ServerOptionsError before anything is forked), checks that Redis
 * answers when a redis adapter is used (RedisConnectError, once, rather than one per worker), forks and waits
 * for the workers, then listens (rejecting with the listen error, e.g. EADDRINUSE, after stopping the workers).
 */
export async function startClusterPrimary(
  input: ReferenceServerOptionsInput,
  scaleOut: ScaleOutOptions,
  extras: ClusterPrimaryExtras = {},
): Promise<ClusterPrimary> {
  if (!cluster.isPrimary) throw new Error('startClusterPrimary must run in the primary process');
  const options = resolveServerOptions(input);
  if (usesRedis(scaleOut.adapter) && scaleOut.redisUrl !== undefined) await closeRedis(await connectRedis({ url: scaleOut.redisUrl }));
  const startTimeoutMs = extras.startTimeoutMs ?? 30_000;
  const stopGraceMs = extras.stopGraceMs ?? 10_000;

  // Sticky relays request bytes as Buffers, which the default JSON serialization of the IPC channel would mangle.
  cluster.setupPrimary({ serialization: 'advanced' });
  if (scaleOut.adapter === 'cluster') setupClusterAdapterPrimary();
  // Sticky is given an http.Server that never listens: the front door emits 'connection' on it. A real
  // http.Server (not a bare emitter) because sticky relies on what its connection listener does to the socket
  // first: with a bare emitter, a websocket client's first frame was now and then lost during the handover.
  const toWorkers = createHttpServer();
  setupStickyPrimary(toWorkers, { loadBalancingMethod: 'least-connection' });
  // Registered after sticky's own listener of the same messages; the front door holds a request for a sid that
  // neither has seen yet (see session-registry.ts).
  const sessions = new SessionRegistry();
  const observeSessions = (_worker: Worker, message: unknown): void => sessions.observe(message);
  cluster.on('message', observeSessions);

  const workers = new Map<number, KnownWorker>();
  const primaryMetrics = new ServerMetrics({ namespaces: () => [] });
  primaryMetrics.start();
  const collector = new ClusterMetricsCollector(() => [...workers.values()], primaryMetrics);
  const metricsServer = createHttpServer((req, res) => handleClusterMetricsRequest(() => collector.collect(), req, res));
  const frontDoor = createFrontDoor({ route: routeByPath([metricsTextPath, metricsJsonPath]), local: metricsServer, workers: toWorkers, sessions });

  let state: 'starting' | 'serving' | 'closing' = 'starting';
  let reportFailure: (message: string) => void = () => undefined;
  const failure = new Promise<string>((resolve) => {
    reportFailure = resolve;
  });
  let startFailed: (error: ClusterStartError) => void = () => undefined;
  const exits = new Map<number, Promise<void>>();
  const readyWorkers = new Set<number>();
  let allReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    allReady = resolve;
    startFailed = reject;
  });


  const onMessage = (worker: Worker, message: unknown): void => {
    if (!isWorkerToPrimaryMessage(message)) return;
    switch (message.type) {
      case 'sio-bench:worker-ready':
        readyWorkers.add(worker.id);
        if (readyWorkers.size === scaleOut.workers) allReady();
        return;
      case 'sio-bench:metrics':
        collector.receive(worker.id, message);
        return;
      default:
        throw new RangeError(`unknown message ${JSON.stringify(message satisfies never)}`);
    }
  };
  const onExit = (worker: Worker, code: number | null, signal: string | null): void => {
    const known = workers.get(worker.id);
    if (known === undefined) return;
    const how = `${workerName(known.index)} (pid ${worker.process.pid}) ${signal !== null ? `was killed by ${signal}` : `exited with code ${code}`}`;
    if (state === 'starting') startFailed(new ClusterStartError(`${how} before it was ready`, code));
    else if (state === 'serving') reportFailure(`${how} while serving`);
  };
  cluster.on('message', onMessage);
  cluster.on('exit', onExit);

  for (let index = 1; index <= scaleOut.workers; index += 1) {
    const worker = cluster.fork({ [WORKER_INDEX_ENV]: String(index) });
    workers.set(worker.id, { index, worker });
    exits.set(worker.id, new Promise((resolve) => worker.once('exit', () => resolve())));
  }

  const stopWorkers = async (): Promise<void> => {
    for (const { worker } of workers.values()) {
      if (worker.isConnected()) worker.send({ type: 'sio-bench:shutdown' } satisfies PrimaryToWorkerMessage);
    }
    let graceTimer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'grace-over'>((resolve) => {
      graceTimer = setTimeout(() => resolve('grace-over'), stopGraceMs);
    });
    const allExited = Promise.all(exits.values());
    if ((await Promise.race([allExited, graceOver])) === 'grace-over') {
      for (const { worker } of workers.values()) if (worker.process.exitCode === null && worker.process.signalCode === null) worker.process.kill('SIGKILL');
      await allExited;
    }
    clearTimeout(graceTimer);
  };

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      state = 'closing';
      frontDoor.server.close();
      await stopWorkers();
      // Connections whose requests sticky relays through the primary (long-polling bodies) end with their worker.
      frontDoor.destroyConnections();
      primaryMetrics.stop();
      cluster.off('message', onMessage);
      cluster.off('message', observeSessions);
      cluster.off('exit', onExit);
    })();
    return closing;
  };

  let startTimer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ready,
      new Promise<never>((_resolve, reject) => {
        startTimer = setTimeout(() => reject(new ClusterStartError(`the workers were not ready within ${startTimeoutMs} ms`, null)), startTimeoutMs);
      }),
    ]);
    await new Promise<void>((resolve, reject) => {
      frontDoor.server.once('error', reject);
      frontDoor.server.listen({ port: options.port, host: options.host, backlog: options.listenBacklog }, () => {
        frontDoor.server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await close();
    throw error;
  } finally {
    clearTimeout(startTimer);
  }
  state = 'serving';
  const { port } = frontDoor.server.address() as AddressInfo;
  const host = options.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    options,
    scaleOut,
    workerPids: [...workers.values()].sort((a, b) => a.index - b.index).map(({ worker }) => worker.process.pid ?? -1),
    failure,
    close,
  };
}
