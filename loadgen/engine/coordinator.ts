/**
 * The coordinator: starts the target (or checks it), splits the population into shards over worker threads
 * (and over load processes when one process cannot hold the connections), starts them on one clock, merges
 * their interval snapshots second by second, keeps the exact delivery ledger, feeds the live view, and builds the
 * RunResult. It never draws anything itself and never throws for a failed run: a run that breaks still
 * produces a result, marked failed or interrupted, with what was measured until then.
 *
 * One class, though over 300 lines: what is left here is the run's lifecycle (its time zero, stopping,
 * interrupted, the first failure), which every handler reads and sets. Each thing it computes is a file of its
 * own: run-target.ts, worker-launch.ts, second-merger.ts, run-delivery.ts, worker-watchdog.ts,
 * target-watchdog.ts, threshold-judge.ts, build-live-state.ts and build-run-result.ts.
 */
import type { Scenario } from '../scenario/schema.js';
import { MachineConditionsSampler } from '../machine-conditions.js';
import { captureEnvironment } from '../environment.js';
import { monotonicClock, type Clock } from '../measure/clock.js';
import { RunAccumulator } from '../measure/run-accumulator.js';
import { WorkerMetrics } from '../measure/worker-metrics.js';
import type { RunResult, SeriesPoint, ServerSample } from '../run-result.js';
import type { BuiltinServer } from '../target/builtin-server.js';
import type { MetricsSampler } from '../target/metrics-sampler.js';
import { ThresholdJudge } from '../thresholds/threshold-judge.js';
import type { LiveState } from '../live-state.js';
import { SaturationTally } from './saturation-tally.js';
import { SecondMerger } from './second-merger.js';
import { RunDelivery } from './run-delivery.js';
import { TARGET_GONE_SEC, TargetWatchdog } from './target-watchdog.js';
import { channelsOf } from '../measure/delivery-channels.js';
import type { CoordinatorToWorker, LedgerDelta, WorkerToCoordinator } from './messages.js';
import type { RunScenarioOptions } from './run-scenario-options.js';
import { measureEpochOffsetUs, shiftedClock } from '../shard/epoch-clock.js';
import { plannedRunStart } from '../shard/planned-start.js';
import { startHttpLoad, type HttpLoad } from '../http/http-load.js';
import { planRun, type RunPlan } from './run-plan.js';
import { type WorkerHost } from './worker-host.js';
import { describeWorker, startWorkerHosts } from './worker-layout.js';
import { planWorkerLaunch, ReadyWorkers } from './worker-launch.js';
import { WorkerWatchdog } from './worker-watchdog.js';
import { startRunTarget } from './run-target.js';
import { buildLiveState } from './build-live-state.js';
import { buildRunResult, targetInfo } from './build-run-result.js';
import { formatElapsedUs } from '../units.js';

/** Longest wait for every worker to be ready, ms. */
const READY_TIMEOUT_MS = 30_000;
/** Lead time between 'start' and the run's time zero, so every worker starts on the same tick, ms. */
const START_LEAD_MS = 300;
/** Runs a scenario to its end (or until stopped) and returns the result. Rejects only for bugs. */
export async function runScenario(options: RunScenarioOptions): Promise<RunResult> {
  const run = new Coordinator(options);
  return run.execute();
}

class Coordinator {
  private readonly scenario: Scenario;
  private readonly plan: RunPlan;
  private readonly clock: Clock;
  /** Epoch offset of a sharded run's clock, µs (0: plain monotonic). */
  private readonly clockOffsetUs: number;
  private readonly accumulator = new RunAccumulator();
  private readonly ownMetrics = new WorkerMetrics();
  private readonly delivery: RunDelivery;
  private readonly merger: SecondMerger;
  private readonly saturation = new SaturationTally();
  private readonly serverSamples: ServerSample[] = [];
  private readonly warnings: string[] = [];
  private readonly activeWorkers = new Set<number>();
  private readonly thresholds: ThresholdJudge;
  private hosts: WorkerHost[] = [];
  private server: BuiltinServer | undefined;
  private sampler: MetricsSampler | undefined;
  /** The http actions' autocannon runs (loadgen/http/), when the scenario has any. */
  private httpLoad: HttpLoad | undefined;
  private runStartUs = 0;
  private runStartEpochMs = 0;
  private failure: RunResult['failure'];
  /** The latest notice, also shown by the live view. */
  private lastNotice: string | undefined;
  private interrupted = false;
  private stopping = false;
  /** Workers in total, once they are laid out. */
  private workerCount = 0;
  private readonly workerWatchdog = new WorkerWatchdog();
  private watchdogTimer: NodeJS.Timeout | undefined;
  /** Whether any client has been connected yet, and since which second none is (URL targets). */
  private readonly targetWatchdog: TargetWatchdog;
  private allDone!: () => void;
  private readonly done = new Promise<void>((resolve) => {
    this.allDone = resolve;
  });

  constructor(private readonly options: RunScenarioOptions) {
    this.scenario = options.loaded.scenario;
    this.plan = planRun(this.scenario);
    this.clockOffsetUs = options.shard && !options.clock ? measureEpochOffsetUs() : 0;
    this.clock = options.clock ?? shiftedClock(monotonicClock, this.clockOffsetUs);
    this.delivery = new RunDelivery(channelsOf(this.scenario, this.plan.totalClients), (metric) => this.ownMetrics.latency(metric));
    this.merger = new SecondMerger({
      accumulator: this.accumulator,
      ownMetrics: this.ownMetrics,
      plan: this.plan,
      clock: this.clock,
      beforeClose: (nowUs) => this.delivery.settle(nowUs),
    });
    this.thresholds = new ThresholdJudge(this.scenario.thresholds);
    this.targetWatchdog = new TargetWatchdog(TARGET_GONE_SEC, this.scenario.reconnect !== undefined);
  }

  async execute(): Promise<RunResult> {
    const startedAt = new Date();
    const environment = await captureEnvironment();
    // Calibrated before the target starts and after it stops: the machine's own speed, not the run's load.
    const conditions = new MachineConditionsSampler();
    await conditions.begin();
    // How the overrides were bent (a ramp-up kept at its floor) is part of what the run is: said now and kept.
    for (const note of this.options.loaded.notes) {
      this.notice(note);
      this.warnings.push(note);
    }
    // A URL target is known before it answers: a result that failed to reach it still names it.
    let targetUrl = this.scenario.target.kind === 'url' ? this.scenario.target.url : '';
    try {
      targetUrl = await this.startTarget();
      if (this.server === undefined) delete environment.serverVersion;
      await this.runShards(targetUrl);
    } catch (error) {
      this.failure ??= { kind: 'run_failed', message: error instanceof Error ? error.message : String(error) };
    } finally {
      await this.teardown();
    }
    const result = this.buildResult(startedAt, environment, targetUrl);
    result.conditions = await conditions.end(this.saturation.seconds);
    return result;
  }

  private async startTarget(): Promise<string> {
    const target = await startRunTarget({
      scenario: this.scenario,
      clock: this.clock,
      ...(this.options.serverLauncherPath !== undefined ? { serverLauncherPath: this.options.serverLauncherPath } : {}),
      startup: (step) => this.startup(step),
      notice: (line) => this.notice(line),
      onServerExit: (message) => {
        if (!this.stopping) this.fail('server_died', message);
      },
      runStartUs: () => this.runStartUs,
      onSample: (sample) => this.serverSamples.push(sample),
    });
    this.server = target.server;
    this.sampler = target.sampler;
    return target.url;
  }

  private async runShards(targetUrl: string): Promise<void> {
    const { clients, layout, base } = planWorkerLaunch({
      scenario: this.scenario,
      totalClients: this.plan.totalClients,
      targetUrl,
      clockOffsetUs: this.clockOffsetUs,
      ...(this.options.shard ? { shard: this.options.shard } : {}),
      ...(this.options.workers !== undefined ? { threads: this.options.workers } : {}),
      ...(this.options.clientsPerProcess !== undefined ? { clientsPerProcess: this.options.clientsPerProcess } : {}),
    });
    if (layout.processes > 1) this.notice(`spreading ${this.plan.totalClients} clients over ${layout.processes} load processes × ${layout.threadsPerProcess} threads`);
    const hostsStartedUs = this.clock.nowUs();
    this.startup(`starting ${layout.workerCount} worker thread${layout.workerCount === 1 ? '' : 's'} in ${layout.processes} load process${layout.processes === 1 ? '' : 'es'} for ${clients} clients`);
    const ready = new ReadyWorkers(layout.workerCount);
    this.workerCount = layout.workerCount;
    this.hosts = startWorkerHosts(layout, base, (message) => (message.type === 'ready' ? ready.add(message.workerId) : this.onWorkerMessage(message)));
    for (let id = 0; id < layout.workerCount; id += 1) this.activeWorkers.add(id);
    const readyTimeout = setTimeout(() => this.fail('workers_not_ready', `only ${ready.size} of ${layout.workerCount} workers were ready after ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
    await Promise.race([ready.all, this.done]);
    clearTimeout(readyTimeout);
    if (this.activeWorkers.size === 0 || this.failure) return;
    this.startup(`workers ready (${ready.size} of ${layout.workerCount}, ${formatElapsedUs(this.clock.nowUs() - hostsStartedUs)}): the run starts`);

    const start = plannedRunStart({ nowUs: this.clock.nowUs(), nowEpochMs: Date.now(), epochClock: this.clockOffsetUs !== 0, leadMs: START_LEAD_MS, startAtEpochMs: this.options.startAtEpochMs });
    if (start.lateMs > 0) this.notice(`starting ${start.lateMs} ms after --start-at: the workers were not ready in time`);
    this.runStartUs = start.runStartUs;
    this.runStartEpochMs = start.runStartEpochMs;
    this.broadcast({ type: 'start', runStartUs: this.runStartUs });
    this.httpLoad = startHttpLoad({
      actions: this.scenario.actions,
      shardIndex: this.options.shard?.index ?? 0,
      windows: this.plan.actionWindows,
      targetUrl,
      scenarioPath: this.scenario.path,
      runStartUs: this.runStartUs,
      clock: this.clock,
      metrics: this.ownMetrics,
    });
    for (const id of this.activeWorkers) this.workerWatchdog.heard(id, this.runStartUs);
    this.watchdogTimer = setInterval(() => this.checkWorkersAlive(), 1000);
    const onAbort = (): void => this.interrupt();
    this.options.signal?.addEventListener('abort', onAbort, { once: true });
    this.options.reporter.onStopRequest(onAbort);
    if (this.options.signal?.aborted) this.interrupt();
    await this.done;
    this.options.signal?.removeEventListener('abort', onAbort);
    this.flushSeconds(Number.POSITIVE_INFINITY);
  }

  private broadcast(message: CoordinatorToWorker): void {
    for (const host of this.hosts) host.broadcast(message);
  }

  private interrupt(): void {
    if (this.stopping) return;
    this.interrupted = true;
    this.stopping = true;
    this.notice('stopping: ending the phases and writing the result');
    this.broadcast({ type: 'stop', reason: 'interrupted' });
  }

  private fail(kind: string, message: string): void {
    this.failure ??= { kind, message };
    if (this.stopping) return;
    this.stopping = true;
    this.notice(`run failed: ${message}`);
    this.broadcast({ type: 'stop', reason: 'failed' });
    if (this.activeWorkers.size === 0 || this.runStartUs === 0) this.allDone();
  }

  private onWorkerMessage(message: WorkerToCoordinator): void {
    switch (message.type) {
      case 'ready':
        return;
      // A benchmark's memory reading: the shard host answers it before the coordinator would see it.
      case 'memory':
        return;
      case 'interval': {
        this.workerWatchdog.heard(message.snapshot.workerId, this.clock.nowUs());
        this.applyLedger(message.ledger);
        const sec = this.merger.add(message.snapshot);
        if (this.merger.isComplete(sec, this.activeWorkers)) this.flushSeconds(sec);
        return;
      }
      case 'done':
        this.workerEnded(message.workerId);
        return;
      case 'fatal':
        // A worker that already said 'done' has delivered everything; what happens to its thread after is moot.
        if (!this.activeWorkers.has(message.workerId)) return;
        this.fail('worker_failed', `${describeWorker(message.workerId, this.workerCount, this.plan.totalClients)} failed: ${message.message}`);
        this.workerEnded(message.workerId);
        return;
    }
  }

  /** Ends the run when a worker has gone silent (worker-watchdog.ts). */
  private checkWorkersAlive(): void {
    for (const { workerId, silentMs } of this.workerWatchdog.silent(this.activeWorkers, this.clock.nowUs())) {
      const worker = describeWorker(workerId, this.workerCount, this.plan.totalClients);
      // Already ending (interrupt, failure): do not wait for it, and do not turn an interrupted run into a failed one.
      if (this.stopping) this.warnings.push(`${worker} sent nothing for ${Math.round(silentMs / 1000)} s while the run was ending; its last second is missing`);
      else this.fail('worker_hung', `${worker} sent no interval for ${Math.round(silentMs / 1000)} s: its thread hangs or its event loop is blocked; the result holds the other workers' data`);
      this.workerEnded(workerId);
    }
  }

  /** Ends a run against a URL when no client has been connected for a while: the target is gone (target-watchdog.ts). */
  private watchTarget(point: SeriesPoint): void {
    if (this.scenario.target.kind === 'builtin' || this.stopping) return;
    const sinceSec = this.targetWatchdog.observe(point);
    if (sinceSec === undefined) return;
    this.fail('target_gone', this.targetWatchdog.goneMessage(this.scenario.target.url, sinceSec, this.accumulator.totals({ histograms: false })));
  }

  private workerEnded(workerId: number): void {
    this.activeWorkers.delete(workerId);
    if (this.activeWorkers.size === 0) this.allDone();
  }

  private applyLedger(delta: LedgerDelta): void {
    this.options.onLedger?.(delta);
    this.delivery.apply(delta);
  }

  /** Merges every pending second up to `untilSec` into the series, in order, and updates the live view. */
  private flushSeconds(untilSec: number): void {
    this.merger.flush(untilSec, this.runStartEpochMs, (point, nowUs) => {
      const saturated = this.saturation.observe(point);
      if (saturated !== undefined) this.notice(saturated);
      this.watchTarget(point);
      this.options.reporter.update(this.liveState(point, nowUs));
    });
  }

  private liveState(point: SeriesPoint, nowUs: number): LiveState {
    const elapsedMs = (nowUs - this.runStartUs) / 1000;
    const totals = this.accumulator.totals({ histograms: false });
    return buildLiveState({
      scenario: this.scenario,
      target: targetInfo(this.scenario.target, this.server?.url ?? ''),
      phases: this.plan.phases,
      totalMs: this.plan.endMs,
      elapsedMs,
      point,
      series: this.merger.series,
      totals,
      delivery: this.delivery.liveAt(nowUs, this.runStartUs, this.merger.series),
      server: this.serverSamples[this.serverSamples.length - 1],
      thresholds: this.thresholds.judge(totals, elapsedMs, true),
      stopping: this.stopping,
      interrupted: this.interrupted,
      notice: this.lastNotice,
    });
  }

  private startup(step: string): void {
    this.options.onStartup?.(step);
  }

  /** Tells the user something now (stderr or the live view) and keeps it for the live view. */
  private notice(line: string): void {
    this.lastNotice = line;
    this.options.notice?.(line);
  }

  private async teardown(): Promise<void> {
    this.stopping = true;
    if (this.watchdogTimer) clearInterval(this.watchdogTimer);
    await this.httpLoad?.stop();
    await Promise.all(this.hosts.map((host) => host.close()));
    await this.sampler?.stop().catch((error: unknown) => this.warnings.push(`server metrics sampler: ${String(error)}`));
    this.warnings.push(...(this.sampler?.warnings() ?? []));
    await this.server?.stop();
  }

  /** Settles the books, folds the final figures into the totals and series, and builds the result. */
  private buildResult(startedAt: Date, environment: RunResult['environment'], targetUrl: string): RunResult {
    this.delivery.settleAll();
    // The fan-out completions recorded by the final settle belong to the last second.
    this.merger.foldFinalOwnMetrics();
    this.delivery.fold(this.accumulator, this.merger.series, this.runStartUs, this.merger.lastClosedSec);
    const totals = this.accumulator.totals();
    const endedAt = new Date();
    const durationMs = this.runStartUs === 0 ? 0 : Math.max(0, (this.clock.nowUs() - this.runStartUs) / 1000);
    const result = buildRunResult({
      loaded: this.options.loaded,
      target: targetInfo(this.scenario.target, targetUrl),
      environment,
      startedAt,
      endedAt,
      durationMs,
      phases: this.plan.phases,
      lastClosedSec: this.merger.lastClosedSec,
      totals,
      series: this.merger.series,
      server: this.serverSamples,
      thresholds: this.thresholds.judge(totals, durationMs, false),
      warnings: this.warnings,
      fanoutJudgements: this.delivery.fanoutJudgements(),
      saturationWarning: this.saturation.warning(this.merger.series.length),
      failure: this.failure,
      interrupted: this.interrupted,
    });
    this.accumulator.destroy();
    return result;
  }
}
