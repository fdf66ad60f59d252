/**
 * The http actions of a run: each runs autocannon during its active windows of phases (from the run plan),
 * in the coordinator's process, and records into the coordinator's own metrics: every response's latency into
 * the `http` HDR histograms (integer µs; corrected = uncorrected, autocannon's connections are closed loops),
 * every non-2xx response as error `http_status_<code>`, every failed request as `http_error`. So its latency,
 * throughput (the histogram's count over the run) and errors land in the same result, reports and thresholds
 * as the socket metrics.
 */
import type { Clock } from '../measure/clock.js';
import type { WorkerMetrics } from '../measure/worker-metrics.js';
import type { Action, HttpAction } from '../scenario/action-schema.js';
import { startAutocannon, type AutocannonOptions, type AutocannonRun, type HttpSampleSink } from './autocannon-driver.js';

/** The Engine.IO v4 handshake over long-polling on `path`: what a connection storm hits first. */
export function handshakePath(path: string): string {
  return `${path}?EIO=4&transport=polling`;
}

/** The URL an http action requests: its `url`, else its `path` (default: the handshake) on the target. */
export function httpActionUrl(action: HttpAction, targetUrl: string, scenarioPath: string): string {
  return action.url ?? new URL(action.path ?? handshakePath(scenarioPath), targetUrl).href;
}

/** The http actions among a scenario's actions. */
export function httpActions(actions: readonly Action[]): HttpAction[] {
  return actions.filter((action): action is HttpAction => action.kind === 'http');
}

/** What HttpLoad needs. */
export interface HttpLoadOptions {
  actions: readonly HttpAction[];
  /** Active windows of each action by name, ms since the run start (RunPlan.actionWindows). */
  windows: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>;
  targetUrl: string;
  /** The scenario's Engine.IO path, e.g. /socket.io/ */
  scenarioPath: string;
  /** The run's time zero on `clock`, µs. */
  runStartUs: number;
  clock: Clock;
  metrics: WorkerMetrics;
  /** Starts one autocannon run; injectable for tests. Default startAutocannon. */
  start?: (options: AutocannonOptions, sink: HttpSampleSink) => AutocannonRun;
}

/** Drives every http action of a run over its windows. */
export class HttpLoad {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<AutocannonRun>();
  private readonly finished: Array<Promise<void>> = [];
  private stopped = false;

  constructor(private readonly options: HttpLoadOptions) {}

  /** Arms a start (and an end) timer for every window of every action. */
  start(): void {
    const { options } = this;
    for (const action of options.actions) {
      for (const [startMs, endMs] of options.windows.get(action.name) ?? []) {
        const delayMs = Math.max(0, (options.runStartUs + startMs * 1000 - options.clock.nowUs()) / 1000);
        this.timers.push(setTimeout(() => this.runWindow(action, endMs - startMs), delayMs));
      }
    }
  }

  /** Cancels what has not started, stops what runs, and resolves when every autocannon run has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    for (const run of this.running) run.stop();
    await Promise.all(this.finished);
  }

  private runWindow(action: HttpAction, durationMs: number): void {
    if (this.stopped) return;
    const { metrics } = this.options;
    const url = httpActionUrl(action, this.options.targetUrl, this.options.scenarioPath);
    const sink: HttpSampleSink = {
      response: (statusCode, latencyUs) => {
        metrics.latency('http').record(latencyUs, latencyUs);
        if (statusCode < 200 || statusCode > 299) metrics.error(`http_status_${statusCode}`, `${action.name}: ${action.method} ${url} answered ${statusCode}`);
      },
      error: (message) => metrics.error('http_error', `${action.name}: ${action.method} ${url}: ${message}`),
    };
    let run: AutocannonRun;
    try {
      run = (this.options.start ?? startAutocannon)(
        {
          url,
          method: action.method,
          ...(action.headers ? { headers: action.headers } : {}),
          ...(action.body !== undefined ? { body: action.body } : {}),
          connections: action.connections,
          ...(action.ratePerSec !== undefined ? { ratePerSec: action.ratePerSec } : {}),
          ...(action.amount !== undefined ? { amount: action.amount } : {}),
          durationSec: durationMs / 1000,
          timeoutMs: action.timeoutMs,
        },
        sink,
      );
    } catch (error) {
      metrics.error('http_error', `${action.name}: autocannon refused to start: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.running.add(run);
    // The window bounds the run even when `amount` (which makes autocannon ignore its duration) is not reached.
    const endTimer = setTimeout(() => run.stop(), durationMs);
    this.timers.push(endTimer);
    this.finished.push(
      run.done.then(
        () => undefined,
        (error: unknown) => metrics.error('http_error', `${action.name}: autocannon failed: ${error instanceof Error ? error.message : String(error)}`),
      ).finally(() => {
        clearTimeout(endTimer);
        this.running.delete(run);
      }),
    );
  }
}

/**
 * Starts the http actions of a run, or returns undefined when it has none. In a sharded run only the first
 * slice runs them (at their full rate), so n slices together send what one run would.
 */
export function startHttpLoad(options: Omit<HttpLoadOptions, 'actions'> & { actions: readonly Action[]; shardIndex: number }): HttpLoad | undefined {
  const actions = httpActions(options.actions);
  if (actions.length === 0 || options.shardIndex !== 0) return undefined;
  const load = new HttpLoad({ ...options, actions });
  load.start();
  return load;
}
