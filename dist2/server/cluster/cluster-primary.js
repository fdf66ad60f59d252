/**
 * The primary of `sio-bench serve --workers N`: forks N node:cluster workers (each re-runs the same serve
 * command line and becomes a cluster-worker.ts), relays the cluster adapter's messages between them
 * (@socket.io/cluster-adapter's setupPrimary), owns the listening socket and hands every connection to a worker
 * with @socket.io/sticky (so each long-polling session always reaches the worker that holds it), and answers
 * the metrics paths itself with every process's figures. It listens only once every worker is ready.
 */
import cluster from 'node:cluster';
import { createServer as createHttpServer } from 'node:http';
import { setupPrimary as setupClusterAdapterPrimary } from '@socket.io/cluster-adapter';
import { setupMaster as setupStickyPrimary } from '@socket.io/sticky';
import { usesRedis } from '../adapters/adapter-kind.js';
import { closeRedis, connectRedis } from '../adapters/redis-connection.js';
import { metricsJsonPath, metricsTextPath } from '../metrics/metrics-http.js';
import { ServerMetrics } from '../metrics/server-metrics.js';
import { resolveServerOptions } from '../server-options.js';
import { isWorkerToPrimaryMessage, WORKER_INDEX_ENV, workerName } from './cluster-messages.js';
import { ClusterMetricsCollector, handleClusterMetricsRequest } from './cluster-metrics.js';
import { createFrontDoor, routeByPath } from './front-door.js';
import { SessionRegistry } from './session-registry.js';
/** A worker ended before it was ready: its own error is on the shared stderr already. */
export class ClusterStartError extends Error {
    workerExitCode;
    constructor(message, 
    /** The worker's exit code (2: it found its input unusable), or null when it did not exit on its own. */
    workerExitCode) {
        super(message);
        this.workerExitCode = workerExitCode;
        this.name = 'ClusterStartError';
    }
}
/**
 * Starts the primary: validates the options (ServerOptionsError before anything is forked), checks that Redis
 * answers when a redis adapter is used (RedisConnectError, once, rather than one per worker), forks and waits
 * for the workers, then listens (rejecting with the listen error, e.g. EADDRINUSE, after stopping the workers).
 */
export async function startClusterPrimary(input, scaleOut, extras = {}) {
    if (!cluster.isPrimary)
        throw new Error('startClusterPrimary must run in the primary process');
    const options = resolveServerOptions(input);
    if (usesRedis(scaleOut.adapter) && scaleOut.redisUrl !== undefined)
        await closeRedis(await connectRedis({ url: scaleOut.redisUrl }));
    const startTimeoutMs = extras.startTimeoutMs ?? 30_000;
    const stopGraceMs = extras.stopGraceMs ?? 10_000;
    // Sticky relays request bytes as Buffers, which the default JSON serialization of the IPC channel would mangle.
    cluster.setupPrimary({ serialization: 'advanced' });
    if (scaleOut.adapter === 'cluster')
        setupClusterAdapterPrimary();
    // Sticky is given an http.Server that never listens: the front door emits 'connection' on it. A real
    // http.Server (not a bare emitter) because sticky relies on what its connection listener does to the socket
    // first: with a bare emitter, a websocket client's first frame was now and then lost during the handover.
    const toWorkers = createHttpServer();
    setupStickyPrimary(toWorkers, { loadBalancingMethod: 'least-connection' });
    // Registered after sticky's own listener of the same messages; the front door holds a request for a sid that
    // neither has seen yet (see session-registry.ts).
    const sessions = new SessionRegistry();
    const observeSessions = (_worker, message) => sessions.observe(message);
    cluster.on('message', observeSessions);
    const workers = new Map();
    const primaryMetrics = new ServerMetrics({ namespaces: () => [] });
    primaryMetrics.start();
    const collector = new ClusterMetricsCollector(() => [...workers.values()], primaryMetrics);
    const metricsServer = createHttpServer((req, res) => handleClusterMetricsRequest(() => collector.collect(), req, res));
    const frontDoor = createFrontDoor({ route: routeByPath([metricsTextPath, metricsJsonPath]), local: metricsServer, workers: toWorkers, sessions });
    let state = 'starting';
    let reportFailure = () => undefined;
    const failure = new Promise((resolve) => {
        reportFailure = resolve;
    });
    let startFailed = () => undefined;
    const exits = new Map();
    const readyWorkers = new Set();
    let allReady = () => undefined;
    const ready = new Promise((resolve, reject) => {
        allReady = resolve;
        startFailed = reject;
    });
    const onMessage = (worker, message) => {
        if (!isWorkerToPrimaryMessage(message))
            return;
        switch (message.type) {
            case 'sio-bench:worker-ready':
                readyWorkers.add(worker.id);
                if (readyWorkers.size === scaleOut.workers)
                    allReady();
                return;
            case 'sio-bench:metrics':
                collector.receive(worker.id, message);
                return;
            default:
                throw new RangeError(`unknown message ${JSON.stringify(message)}`);
        }
    };
    const onExit = (worker, code, signal) => {
        const known = workers.get(worker.id);
        if (known === undefined)
            return;
        const how = `${workerName(known.index)} (pid ${worker.process.pid}) ${signal !== null ? `was killed by ${signal}` : `exited with code ${code}`}`;
        if (state === 'starting')
            startFailed(new ClusterStartError(`${how} before it was ready`, code));
        else if (state === 'serving')
            reportFailure(`${how} while serving`);
    };
    cluster.on('message', onMessage);
    cluster.on('exit', onExit);
    for (let index = 1; index <= scaleOut.workers; index += 1) {
        const worker = cluster.fork({ [WORKER_INDEX_ENV]: String(index) });
        workers.set(worker.id, { index, worker });
        exits.set(worker.id, new Promise((resolve) => worker.once('exit', () => resolve())));
    }
    const stopWorkers = async () => {
        for (const { worker } of workers.values()) {
            if (worker.isConnected())
                worker.send({ type: 'sio-bench:shutdown' });
        }
        let graceTimer;
        const graceOver = new Promise((resolve) => {
            graceTimer = setTimeout(() => resolve('grace-over'), stopGraceMs);
        });
        const allExited = Promise.all(exits.values());
        if ((await Promise.race([allExited, graceOver])) === 'grace-over') {
            for (const { worker } of workers.values())
                if (worker.process.exitCode === null && worker.process.signalCode === null)
                    worker.process.kill('SIGKILL');
            await allExited;
        }
        clearTimeout(graceTimer);
    };
    let closing;
    const close = () => {
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
    let startTimer;
    try {
        await Promise.race([
            ready,
            new Promise((_resolve, reject) => {
                startTimer = setTimeout(() => reject(new ClusterStartError(`the workers were not ready within ${startTimeoutMs} ms`, null)), startTimeoutMs);
            }),
        ]);
        await new Promise((resolve, reject) => {
            frontDoor.server.once('error', reject);
            frontDoor.server.listen({ port: options.port, host: options.host, backlog: options.listenBacklog }, () => {
                frontDoor.server.off('error', reject);
                resolve();
            });
        });
    }
    catch (error) {
        await close();
        throw error;
    }
    finally {
        clearTimeout(startTimer);
    }
    state = 'serving';
    const { port } = frontDoor.server.address();
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
//# sourceMappingURL=cluster-primary.js.map