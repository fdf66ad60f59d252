/**
 * The target of a run: the built-in server started for it (and watched for an exit during the run), or a URL
 * target probed until it answers Engine.IO; then the sampler of its server metrics (/metrics.json, or the
 * Prometheus endpoints that `target.serverMetrics` lists), whose samples count from the run's time zero.
 */
import type { Clock } from '../measure/clock.js';
import type { ServerSample } from '../run-result.js';
import type { Scenario } from '../scenario/schema.js';
import { midRunTailSuffix, startBuiltinServer, type BuiltinServer } from '../target/builtin-server.js';
import { metricsUrlFor, startMetricsSampler, type MetricsSampler } from '../target/metrics-sampler.js';
import { startPrometheusSampler } from '../target/prometheus-sampler.js';
import { formatElapsedUs } from '../units.js';
import { builtinServerOptions } from './builtin-options.js';
import { probeTarget } from './probe-target.js';

export interface RunTargetDeps {
  scenario: Scenario;
  clock: Clock;
  /** The launcher of the built-in server's process (tests); default the CLI's `serve`. */
  serverLauncherPath?: string;
  /** A start-up step, told as it happens. */
  startup(step: string): void;
  notice(line: string): void;
  /** The built-in server exited while the run was going on (its code, signal and stderr tail in `message`). */
  onServerExit(message: string): void;
  /** The run's time zero (monotonic µs), 0 before it is known: samples before it are not kept. */
  runStartUs(): number;
  onSample(sample: ServerSample): void;
}

export interface RunTarget {
  url: string;
  /** The built-in server, for a builtin target. */
  server: BuiltinServer | undefined;
  sampler: MetricsSampler;
}

/** Starts or probes the scenario's target and starts sampling its server metrics. Rejects when it cannot be used. */
export async function startRunTarget(deps: RunTargetDeps): Promise<RunTarget> {
  const { target } = deps.scenario;
  const startedUs = deps.clock.nowUs();
  if (target.kind === 'builtin') {
    deps.startup(`starting the built-in server (${target.server.app} app)`);
    const options = builtinServerOptions(target.server, deps.scenario.drainMs);
    if (deps.serverLauncherPath !== undefined) options.launcherPath = deps.serverLauncherPath;
    const server = await startBuiltinServer(options);
    deps.startup(`built-in server listening at ${server.url} (pid ${server.pid}, ${formatElapsedUs(deps.clock.nowUs() - startedUs)})`);
    void server.exited.then((exit) => {
      deps.onServerExit(`the built-in server (pid ${server.pid}) exited during the run (code ${exit.code}, signal ${exit.signal})${midRunTailSuffix(server.stderrTail())}`);
    });
    return { url: server.url, server, sampler: startSampler(deps, server.metricsUrl) };
  }
  deps.startup(`probing the target ${target.url}`);
  await probeTarget(target.url, deps.scenario.path);
  deps.startup(`target ${target.url} answers Engine.IO (${formatElapsedUs(deps.clock.nowUs() - startedUs)}; probe session closed)`);
  return { url: target.url, server: undefined, sampler: startSampler(deps, target.serverMetrics ?? target.metricsUrl ?? metricsUrlFor(target.url)) };
}

function startSampler(deps: RunTargetDeps, source: string | string[]): MetricsSampler {
  const common = {
    clock: () => (deps.runStartUs() === 0 ? 0 : (deps.clock.nowUs() - deps.runStartUs()) / 1000),
    onSample: (sample: ServerSample) => {
      if (deps.runStartUs() !== 0 && deps.clock.nowUs() >= deps.runStartUs()) deps.onSample(sample);
    },
    onNotice: (message: string) => deps.notice(message),
  };
  return typeof source === 'string' ? startMetricsSampler({ ...common, url: source }) : startPrometheusSampler({ ...common, urls: source });
}
