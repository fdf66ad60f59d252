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
import { createFrontDoor, routeByPath, type FrontDoor } from './front-door.js';
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
  const primary = new PrimaryProcess(options, scaleOut, extras.stopGraceMs ?? 10_000);
  const close = (): Promise<void> => primary.close();
  try {
    await primary.untilWorkersReady(extras.startTimeoutMs ?? 30_000);
    await primary.listen();
  } catch (error) {
    await close();
    throw error;
  }
  return { url: primary.url(), options, scaleOut, workerPids: primary.workerPids(), failure: primary.failure, close };
}

/**
 * The primary's moving parts: the forked workers, sticky's handover, the front door and the metrics it answers,
 * and where the cluster is in its life (starting, serving, closing), which decides what a worker's end means.
 */
class PrimaryProcess {
  readonly failure: Promise<string>;
  private reportFailure: (message: string) => void = () => undefined;
  private state: 'starting' | 'serving' | 'closing' = 'starting';
  private readonly workers = new Map<number, KnownWorker>();
  private readonly exits = new Map<number, Promise<void>>();
  private readonly readyWorkers = new Set<number>();
  private readonly ready: Promise<void>;
  private allReady: () => void = () => undefined;
  private startFailed: (error: ClusterStartError) => void = () => undefined;
  private readonly sessions = new SessionRegistry();
  private readonly primaryMetrics = new ServerMetrics({ namespaces: () => [] });
  private readonly collector: ClusterMetricsCollector;
  private readonly frontDoor: FrontDoor;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly options: ReferenceServerOptions,
    private readonly scaleOut: ScaleOutOptions,
    private readonly stopGraceMs: number,
  ) {
    this.failure = new Promise<string>((resolve) => (this.reportFailure = resolve));
    this.ready = new Promise<void>((resolve, reject) => {
      this.allReady = resolve;
      this.startFailed = reject;
    });
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
    cluster.on('message', this.observeSessions);
    this.primaryMetrics.start();
    this.collector = new ClusterMetricsCollector(() => [...this.workers.values()], this.primaryMetrics);
    const metricsServer = createHttpServer((req, res) => handleClusterMetricsRequest(() => this.collector.collect(), req, res));
    this.frontDoor = createFrontDoor({ route: routeByPath([metricsTextPath, metricsJsonPath]), local: metricsServer, workers: toWorkers, sessions: this.sessions });
    cluster.on('message', this.onMessage);
    cluster.on('exit', this.onExit);
    for (let index = 1; index <= scaleOut.workers; index += 1) {
      const worker = cluster.fork({ [WORKER_INDEX_ENV]: String(index) });
      this.workers.set(worker.id, { index, worker });
      this.exits.set(worker.id, new Promise((resolve) => worker.once('exit', () => resolve())));
      worker.on('error', (error: Error) => this.onWorkerError(worker, error));
    }
  }

  async untilWorkersReady(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.ready,
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new ClusterStartError(`the workers were not ready within ${timeoutMs} ms`, null)), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async listen(): Promise<void> {
    const server = this.frontDoor.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: this.options.port, host: this.options.host, backlog: this.options.listenBacklog }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.state = 'serving';
  }

  url(): string {
    const { port } = this.frontDoor.server.address() as AddressInfo;
    const host = this.options.host;
    return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  workerPids(): number[] {
    return [...this.workers.values()].sort((a, b) => a.index - b.index).map(({ worker }) => worker.process.pid ?? -1);
  }

  /** Stops listening, tells every worker to close (SIGKILL after the grace), resolves once all have exited. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.state = 'closing';
      this.frontDoor.server.close();
      await this.stopWorkers();
      // Connections whose requests sticky relays through the primary (long-polling bodies) end with their worker.
      this.frontDoor.destroyConnections();
      this.primaryMetrics.stop();
      cluster.off('message', this.onMessage);
      cluster.off('message', this.observeSessions);
      cluster.off('exit', this.onExit);
    })();
    return this.closing;
  }

  private readonly observeSessions = (_worker: Worker, message: unknown): void => this.sessions.observe(message);

  private readonly onMessage = (worker: Worker, message: unknown): void => {
    if (!isWorkerToPrimaryMessage(message)) return;
    switch (message.type) {
      case 'sio-bench:worker-ready':
        this.readyWorkers.add(worker.id);
        if (this.readyWorkers.size === this.scaleOut.workers) this.allReady();
        return;
      case 'sio-bench:metrics':
        this.collector.receive(worker.id, message);
        return;
      default:
        throw new RangeError(`unknown message ${JSON.stringify(message satisfies never)}`);
    }
  };

  private readonly onExit = (worker: Worker, code: number | null, signal: string | null): void => {
    const known = this.workers.get(worker.id);
    if (known === undefined) return;
    const how = `${workerName(known.index)} (pid ${worker.process.pid}) ${signal !== null ? `was killed by ${signal}` : `exited with code ${code}`}`;
    if (this.state === 'starting') this.startFailed(new ClusterStartError(`${how} before it was ready`, code));
    else if (this.state === 'serving') this.reportFailure(`${how} while serving`);
  };

  /**
   * A message to a worker could not be sent. A closed channel is a worker on its way out (sticky still tells it
   * of a relayed connection that closed after the worker released its channel, before it exited): its exit is
   * what counts, and onExit judges it. Anything else while serving is the cluster failing.
   */
  private onWorkerError(worker: Worker, error: Error): void {
    if ('code' in error && error.code === 'ERR_IPC_CHANNEL_CLOSED') return;
    const name = workerName(this.workers.get(worker.id)?.index ?? 0);
    if (this.state === 'serving') this.reportFailure(`the primary could not reach ${name}: ${error.message}`);
  }

  private async stopWorkers(): Promise<void> {
    for (const { worker } of this.workers.values()) {
      if (worker.isConnected()) worker.send({ type: 'sio-bench:shutdown' } satisfies PrimaryToWorkerMessage);
    }
    let graceTimer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'grace-over'>((resolve) => {
      graceTimer = setTimeout(() => resolve('grace-over'), this.stopGraceMs);
    });
    const allExited = Promise.all(this.exits.values());
    if ((await Promise.race([allExited, graceOver])) === 'grace-over') {
      for (const { worker } of this.workers.values()) if (worker.process.exitCode === null && worker.process.signalCode === null) worker.process.kill('SIGKILL');
      await allExited;
    }
    clearTimeout(graceTimer);
  }
}
