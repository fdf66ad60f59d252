import cluster from 'node:cluster';
import type { Command } from 'commander';
import { ExitCode } from '../exit-codes.js';
import { badInput, runFailed } from '../../loadgen/user-error.js';
import type { RegisterCommand } from './register-command.js';
import {
  COMPRESSION_CHOICES,
  describeServeConfig,
  messageWithFlagName,
  parseServeFlags,
  SERVE_APP_CHOICES,
  SERVE_DEFAULT_PORT,
  type ServeFlags,
} from '../../server/cli-options.js';
import { startEngineEchoServer, type EngineEchoServer } from '../../server/engine-echo-server.js';
import { ServerOptionsError, type ReferenceServerOptionsInput } from '../../server/server-options.js';
import { parseLimitFlags, type LimitFlags } from '../../server/limits/limit-flags.js';
import { adapterKinds, describeScaleOut } from '../../server/adapters/adapter-kind.js';
import { RedisConnectError } from '../../server/adapters/redis-connection.js';
import { parseScaleOutFlags, type ScaleOutFlags } from '../../server/adapters/scale-out-flags.js';
import { ClusterStartError } from '../../server/cluster/cluster-primary.js';
import { runClusterWorker } from '../../server/cluster/cluster-worker.js';
import { startScaledServer } from '../../server/cluster/scaled-server.js';

/**
 * `sio-bench serve`: runs the reference server until SIGINT or SIGTERM, then disconnects every client and exits 0.
 * The first stdout line is machine-readable (`listening http://HOST:PORT`) so that a parent process started it
 * with `--port 0` can find it; the second is the effective configuration on one line.
 */
export const registerServe: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('serve')
    .description('run the reference server (bench or seed-chat app, or --app engine-echo) until stopped')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', `port to bind; 0 picks a free one (default: ${SERVE_DEFAULT_PORT})`)
    .option('--path <path>', 'Engine.IO path (default: /socket.io/, /engine.io/ with --app engine-echo)')
    .option('--app <app>', `app to serve: ${SERVE_APP_CHOICES.join(' | ')} (engine-echo: a raw Engine.IO echo server; default: bench)`)
    .option('--transports <mode>', 'transports: polling-upgrade | polling | websocket (default: polling-upgrade)')
    .option('--parser <kind>', 'Socket.IO parser: default | msgpack (default: default)')
    .option('--compression <which>', `compressions to turn on: ${COMPRESSION_CHOICES.join(' | ')} (default: http, as socket.io)`)
    .option('--per-message-deflate', 'per-message deflate on websocket frames (overrides --compression)')
    .option('--no-per-message-deflate', 'no per-message deflate')
    .option('--http-compression', 'gzip/deflate of polling responses (overrides --compression)')
    .option('--no-http-compression', 'no HTTP compression')
    .option('--compression-threshold-bytes <bytes>', 'smaller messages are not compressed (default: 1024)')
    .option('--cors <origins>', "allow CORS from these comma-separated origins, or '*' (default: no CORS)")
    .option('--cors-credentials', 'allow credentials (needs explicit origins)')
    .option('--cors-methods <methods>', 'comma-separated HTTP methods (default: GET,POST)')
    .option('--ping-interval-ms <ms>', 'Engine.IO heartbeat interval (default: 25000)')
    .option('--ping-timeout-ms <ms>', 'Engine.IO heartbeat timeout (default: 20000)')
    .option('--connect-timeout-ms <ms>', 'time to join a namespace after the handshake (default: 45000)')
    .option('--max-http-buffer-size-bytes <bytes>', 'largest message accepted (default: 1000000)')
    .option('--listen-backlog <connections>', 'pending connections the listening socket queues; the kernel caps it at net.core.somaxconn (default: 4096)')
    .option('--fault-reply-delay-fraction <0..1>', 'fault: delay this fraction of bench replies (default: 0)')
    .option('--fault-reply-delay-ms <ms|min-max>', 'fault: the delay, fixed or drawn uniformly from MIN-MAX (default: 0)')
    .option('--fault-stall-every-ms <ms>', 'fault: block the event loop every MS (default: 0 = off)')
    .option('--fault-stall-for-ms <ms>', 'fault: for this long each time (default: 0)')
    .option('--fault-drop-fraction <0..1>', 'fault: drop this fraction of forwarded broadcasts and directs (default: 0)')
    .option('--fault-disconnect-fraction <0..1>', "fault: disconnect this fraction of the bench app's clients (socket.disconnect(true); default: 0 = off)")
    .option('--fault-disconnect-at-ms <ms>', "fault: first disconnect MS after the bench namespace's first connection (default: 0)")
    .option('--fault-disconnect-every-ms <ms>', 'fault: then again every MS (default: 0 = only once)')
    .option('--fault-client-drain-ms <ms>', "fault: the load generator's drain (its scenario's drain), for the drop fault's exact count of lost deliveries (default: 0)")
    .option('--fault-seed <n>', 'fault: seed of the fault PRNG, so runs repeat (default: 1)')
    .option('--max-rooms-per-client <n>', 'limit: rooms one client may join; beyond, join gets an ErrorAck (default: 1000)')
    .option('--max-connections-per-sec-per-ip <n>', 'limit: new connections per second from one IP; beyond, HTTP 429 (default: 0 = no limit)')
    .option('--connection-burst-per-ip <n>', 'limit: connections one IP may open at once before the rate applies (default: 100)')
    .option('--auth-token <token>', "clients must send auth {token}; others get CONNECT_ERROR 'unauthorized' (default: none)")
    .option('--workers <n>', 'server processes (node:cluster workers behind one port; default: 1, in this process)')
    .option('--adapter <kind>', `adapter between server processes: ${adapterKinds.join(' | ')} (default: cluster with --workers > 1, else memory)`)
    .option('--redis-url <url>', 'Redis for --adapter redis | redis-streams, e.g. redis://127.0.0.1:6379')
    .action(async (flags: ServeFlags & ScaleOutFlags & LimitFlags) => {
      await serve(flags);
      setExitCode(ExitCode.ok);
    });
};

async function serve(flags: ServeFlags & ScaleOutFlags & LimitFlags): Promise<void> {
  const parsed = parseServeFlags(flags);
  const limits = parseLimitFlags(flags);
  if (!limits.ok) throw badInput(limits.problems.join('\n'));
  if (parsed.ok) Object.assign(parsed.input, limits.input);
  const scaleOut = parseScaleOutFlags(flags);
  if (!parsed.ok || !scaleOut.ok) throw badInput([...(parsed.ok ? [] : parsed.problems), ...(scaleOut.ok ? [] : scaleOut.problems)].join('\n'));
  if (parsed.engineEcho) return serveEngineEcho(parsed.input, flags);
  // A node:cluster worker re-runs this command line: it serves the connections its primary hands over.
  if (cluster.isWorker) return runClusterWorker(parsed.input, scaleOut.options);
  // Listen for the signals before starting, so that one arriving during start-up still ends in an orderly close.
  const stopSignal = untilSignal(['SIGINT', 'SIGTERM']);
  let server;
  try {
    server = await startScaledServer(parsed.input, scaleOut.options);
  } catch (error) {
    if (error instanceof ServerOptionsError) throw badInput(error.issues.map(messageWithFlagName).join('\n'));
    if (error instanceof RedisConnectError) throw runFailed(`--redis-url: ${error.message}`);
    if (error instanceof ClusterStartError) throw error.workerExitCode === ExitCode.badInput ? badInput(error.message) : runFailed(error.message);
    if (isListenError(error)) throw badInput(`--host/--port: cannot listen on ${flags.host ?? '127.0.0.1'}:${parsed.input.port}: ${error.code}`);
    throw error;
  }
  process.stdout.write(`listening ${server.url}\n`);
  process.stdout.write(`config ${describeServeConfig(server.options)}${describeScaleOut(server.scaleOut)}\n`);
  const outcome = await Promise.race([stopSignal, server.failure.then((message) => ({ failed: message }))]);
  if (typeof outcome === 'object') {
    await server.close();
    throw runFailed(`server process died: ${outcome.failed}`);
  }
  process.stderr.write(`sio-bench serve: ${outcome}, disconnecting clients\n`);
  await server.close();
}

/** `serve --app engine-echo`: the raw Engine.IO echo server, in this process only. */
async function serveEngineEcho(input: ReferenceServerOptionsInput, flags: ServeFlags & ScaleOutFlags & LimitFlags): Promise<void> {
  const unused = (['workers', 'adapter', 'redisUrl', 'maxRoomsPerClient', 'maxConnectionsPerSecPerIp', 'connectionBurstPerIp', 'authToken'] as const).filter(
    (key) => flags[key] !== undefined,
  );
  if (unused.length > 0) {
    const names = unused.map((key) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    throw badInput(names.map((name) => `${name} has no meaning with --app engine-echo (a raw Engine.IO server)`).join('\n'));
  }
  const stopSignal = untilSignal(['SIGINT', 'SIGTERM']);
  let server: EngineEchoServer;
  try {
    server = await startEngineEchoServer(input);
  } catch (error) {
    if (error instanceof ServerOptionsError) throw badInput(error.issues.map(messageWithFlagName).join('\n'));
    if (isListenError(error)) throw badInput(`--host/--port: cannot listen on ${flags.host ?? '127.0.0.1'}:${input.port}: ${error.code}`);
    throw error;
  }
  const { options } = server;
  process.stdout.write(`listening ${server.url}\n`);
  process.stdout.write(
    `config app=engine-echo transports=${options.transports} path=${options.path} pingIntervalMs=${options.pingIntervalMs} ` +
      `pingTimeoutMs=${options.pingTimeoutMs} maxHttpBufferSizeBytes=${options.maxHttpBufferSizeBytes}\n`,
  );
  const signal = await stopSignal;
  process.stderr.write(`sio-bench serve: ${signal}, closing Engine.IO sessions\n`);
  await server.close();
}

function isListenError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && 'code' in error && (error.code === 'EADDRINUSE' || error.code === 'EADDRNOTAVAIL' || error.code === 'EACCES' || error.code === 'ENOTFOUND');
}

/** Resolves with the first of `signals` that the process receives, then stops listening for the others. */
function untilSignal(signals: readonly NodeJS.Signals[]): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const handlers = signals.map((signal) => {
      const handler = (): void => {
        for (const [other, otherHandler] of handlers) process.off(other, otherHandler);
        resolve(signal);
      };
      process.on(signal, handler);
      return [signal, handler] as const;
    });
  });
}
