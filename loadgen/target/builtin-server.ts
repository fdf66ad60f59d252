/**
 * `target: builtin`: the reference server in a child process (never in the load generator's own event loop, whose
 * timers would otherwise compete with the server's work and bend the latencies measured). The child is
 * `sio-bench serve --port 0`; its first stdout line `listening http://HOST:PORT` says where it is.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ExitCode } from '../../bin/exit-codes.js';
import { badInput, runFailed } from '../user-error.js';
import { metricsJsonPath } from '../../server/metrics/metrics-http.js';
import type { ReferenceServerOptionsInput } from '../../server/server-options.js';
import type { AdapterKind } from '../../server/adapters/adapter-kind.js';

/** What the built-in server is started with: the reference server's options plus how to run the child. */
export type BuiltinServerOptions = ReferenceServerOptionsInput & {
  /** Server processes (cluster mode, passed as `--workers`). Default 1 (no flag). */
  workers?: number;
  /** Adapter between server processes (`--adapter`). Default: serve's (cluster with workers > 1, else memory). */
  adapter?: AdapterKind;
  /** Redis for the redis adapters (`--redis-url`). */
  redisUrl?: string;
  /** The `sio-bench` launcher the child runs: another checkout's bin/sio-bench.js. Default SIO_BENCH_LAUNCHER_PATH. */
  launcherPath?: string;
  /** Longest wait for the child to listen, ms. Default 15000 (a cold start on a busy 2-core machine), 10000 more per extra worker. */
  startTimeoutMs?: number;
  /** stop(): time between SIGTERM and SIGKILL, ms. Default 5000. */
  stopGraceMs?: number;
};

/** How the child ended: its exit code, or the signal that ended it. */
export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running built-in server. */
export interface BuiltinServer {
  /** Where clients connect, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** The server's metrics document, `url` + '/metrics.json'. */
  metricsUrl: string;
  pid: number;
  /** The effective configuration line the server printed (`app=bench transports=... faults=off`). */
  config: string;
  /** SIGTERM, then SIGKILL after the grace period; resolves once the child has exited. Safe to call twice. */
  stop(): Promise<void>;
  /**
   * Resolves when the child has exited, for whatever reason, and its last output has arrived (so stderrTail() is
   * complete): a death mid-run is noticed here. Never rejects.
   */
  exited: Promise<ServerExit>;
  /** The last lines the child wrote to stderr (up to 4 KiB), to explain a death. */
  stderrTail(): string;
}

/** Longest wait, after the child exited, for its last output to arrive, ms. */
const PIPE_DRAIN_WAIT_MS = 1000;

/** How much of the child's stderr is kept to explain a failure, characters. */
const STDERR_TAIL_CHARS = 4096;

/** The launcher of the CLI, as installed: <package>/bin/sio-bench.js (this file runs from <package>/dist/loadgen/target/). */
export const SIO_BENCH_LAUNCHER_PATH = fileURLToPath(new URL('../../../bin/sio-bench.js', import.meta.url));

/**
 * The `sio-bench serve` flags for `options` (absent options keep serve's defaults, except host and port: the
 * built-in server binds 127.0.0.1 on a free port unless told otherwise). Values use `--flag=value` so that none
 * can be mistaken for a flag.
 */
export function serveFlagsFor(options: BuiltinServerOptions): string[] {
  const flags = [`--host=${options.host ?? '127.0.0.1'}`, `--port=${options.port ?? 0}`];
  const add = (flag: string, value: string | number | undefined): void => {
    if (value !== undefined) flags.push(`${flag}=${value}`);
  };
  const toggle = (on: string, off: string, value: boolean | undefined): void => {
    if (value !== undefined) flags.push(value ? on : off);
  };
  add('--path', options.path);
  add('--app', options.app);
  add('--transports', options.transports);
  add('--parser', options.parser);
  toggle('--per-message-deflate', '--no-per-message-deflate', options.compression?.perMessageDeflate);
  toggle('--http-compression', '--no-http-compression', options.compression?.httpCompression);
  add('--compression-threshold-bytes', options.compression?.thresholdBytes);
  if (options.cors !== undefined) {
    const origin = options.cors.origin ?? '*';
    add('--cors', origin === '*' ? '*' : origin.join(','));
    if (options.cors.credentials === true) flags.push('--cors-credentials');
    add('--cors-methods', options.cors.methods?.join(','));
  }
  add('--ping-interval-ms', options.pingIntervalMs);
  add('--ping-timeout-ms', options.pingTimeoutMs);
  add('--connect-timeout-ms', options.connectTimeoutMs);
  add('--max-http-buffer-size-bytes', options.maxHttpBufferSizeBytes);
  const faults = options.faults;
  if (faults !== undefined) {
    add('--fault-reply-delay-fraction', faults.replyDelayFraction);
    const delay = faults.replyDelayMs;
    add('--fault-reply-delay-ms', typeof delay === 'object' ? `${delay.minMs}-${delay.maxMs}` : delay);
    add('--fault-stall-every-ms', faults.stallEveryMs);
    add('--fault-stall-for-ms', faults.stallForMs);
    add('--fault-drop-fraction', faults.dropBroadcastFraction);
    add('--fault-disconnect-fraction', faults.disconnectFraction);
    add('--fault-disconnect-at-ms', faults.disconnectAtMs);
    add('--fault-disconnect-every-ms', faults.disconnectEveryMs);
    add('--fault-client-drain-ms', faults.clientDrainMs);
    add('--fault-seed', faults.seed);
  }
  if (options.workers !== undefined && options.workers !== 1) add('--workers', options.workers);
  add('--adapter', options.adapter);
  add('--redis-url', options.redisUrl);
  return flags;
}

/**
 * Starts the reference server in a child process and resolves once it listens. Rejects (and leaves no child
 * behind) when the child exits first (with its stderr tail: exit code 2 of serve, bad options, becomes a
 * UserError with exit code 2, anything else exit code 3) or does not listen within `startTimeoutMs`.
 */
export function startBuiltinServer(options: BuiltinServerOptions = {}): Promise<BuiltinServer> {
  const startTimeoutMs = options.startTimeoutMs ?? 15_000 + 10_000 * Math.max(0, (options.workers ?? 1) - 1);
  const stopGraceMs = options.stopGraceMs ?? 5000;
  const child = spawn(process.execPath, [options.launcherPath ?? SIO_BENCH_LAUNCHER_PATH, 'serve', ...serveFlagsFor(options)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Same process group on purpose: Ctrl-C in a terminal (or a CI job's group kill) also ends the server, so an
    // interrupted sio-bench never leaves one behind. A caller that is interrupting should ignore `exited`.
    windowsHide: true,
  });

  let stderrText = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderrText = (stderrText + chunk).slice(-STDERR_TAIL_CHARS);
  });
  const stderrTail = (): string => stderrText.trimEnd();

  // A parent that ends through process.exit or an uncaught error takes the server with it.
  const killOnParentExit = (): void => {
    child.kill('SIGKILL');
  };
  process.on('exit', killOnParentExit);

  // 'close' comes after 'exit' once the child's pipes are drained: waiting for it makes the stderr tail complete
  // when `exited` resolves. Bounded, because a process the child forked could hold the pipes open after it died.
  const closed = new Promise<void>((resolve) => {
    child.once('close', () => resolve());
  });
  const exited = new Promise<ServerExit>((resolve) => {
    child.once('exit', (code, signal) => {
      process.off('exit', killOnParentExit);
      const drainTimer = setTimeout(() => resolve({ code, signal }), PIPE_DRAIN_WAIT_MS);
      void closed.then(() => {
        clearTimeout(drainTimer);
        resolve({ code, signal });
      });
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      // No pid: the spawn itself failed, so there is no process to stop (and no 'exit' event will come).
      if (child.pid === undefined) return;
      if (child.exitCode !== null || child.signalCode !== null) {
        await exited;
        return;
      }
      child.kill('SIGTERM');
      let graceTimer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'grace-over'>((resolve) => {
        graceTimer = setTimeout(() => resolve('grace-over'), stopGraceMs);
      });
      const first = await Promise.race([exited, graceOver]);
      clearTimeout(graceTimer);
      if (first === 'grace-over') {
        child.kill('SIGKILL');
        await exited;
      }
    })();
    return stopping;
  };

  return new Promise<BuiltinServer>((resolve, reject) => {
    let stdoutBuffer = '';
    let url: string | undefined;
    let settled = false;
    const settle = (outcome: { server: BuiltinServer } | { error: Error }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(startTimer);
      if ('server' in outcome) {
        resolve(outcome.server);
        return;
      }
      // A server that failed to start must not outlive the attempt.
      void stop().then(() => reject(outcome.error), reject);
    };
    const startTimer = setTimeout(() => {
      settle({ error: runFailed(`the built-in server did not listen within ${startTimeoutMs} ms${tailSuffix(stderrTail())}`) });
    }, startTimeoutMs);

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      // After start-up the output is only drained (an unread pipe would fill and block the server).
      if (settled) return;
      stdoutBuffer += chunk;
      for (let newline = stdoutBuffer.indexOf('\n'); newline >= 0 && !settled; newline = stdoutBuffer.indexOf('\n')) {
        const line = stdoutBuffer.slice(0, newline).trim();
        stdoutBuffer = stdoutBuffer.slice(newline + 1);
        if (url === undefined) {
          const listening = /^listening (https?:\/\/\S+)$/.exec(line);
          if (listening?.[1] !== undefined) url = listening[1].replace(/\/+$/, '');
        } else if (line.startsWith('config ')) {
          // The config line comes right after the address; waiting for it costs nothing and tells what runs.
          settle({ server: { url, metricsUrl: url + metricsJsonPath, pid: child.pid ?? -1, config: line.slice('config '.length), stop, exited, stderrTail } });
        }
      }
    });
    child.once('error', (error) => {
      settle({ error: runFailed(`cannot start the built-in server (${process.execPath} ${SIO_BENCH_LAUNCHER_PATH}): ${error.message}`) });
    });
    void exited.then(({ code, signal }) => {
      const how = signal !== null ? `was killed by ${signal}` : `exited with code ${code}`;
      const message = `the built-in server ${how} before it listened${tailSuffix(stderrTail())}`;
      // serve exits 2 for options it cannot use: the scenario's server options are bad input, not a failed run.
      settle({ error: code === ExitCode.badInput ? badInput(message) : runFailed(message) });
    });
  });
}

/** A start-up failure's explanation: the child's whole stderr tail, on lines of its own. */
function tailSuffix(tail: string): string {
  return tail.length > 0 ? `; its stderr ends with:\n${tail}` : ' (no stderr output)';
}

/** Lines of the child's stderr that explain a death during the run: few, as it ends a one-line failure message. */
const MID_RUN_TAIL_LINES = 5;

/**
 * A death mid-run's explanation, for the end of the run's one-line failure message: the last lines of the
 * child's stderr tail (stderrTail()) joined by ' | ', or nothing when it wrote none.
 */
export function midRunTailSuffix(tail: string | undefined): string {
  const trimmed = tail?.trim();
  return trimmed ? `; its stderr ends with: ${trimmed.split('\n').slice(-MID_RUN_TAIL_LINES).join(' | ')}` : '';
}
