/**
 * A benchmark's honest reading of what a run's clients cost the load generator: heap + external after a forced
 * GC in every thread of every load-generator process (each worker thread is an isolate of its own, which the
 * main thread's process.memoryUsage() does not see), over a baseline read the same way before the engine
 * allocated anything for the clients, with the RSS growth beside it. The kernel's socket memory (buffers,
 * socket structures) is in neither figure.
 *
 * The coordinator knows nothing of this: the hosts it starts (shard-layout.ts) are registered here while they
 * run, and a benchmark asks them. One run at a time per process.
 */
import type { WorkerHost } from './worker-host.js';
import {
  MEMORY_BASELINE_ENV, mainThreadMemoryBaseline, markMainThreadBaseline, readThreadMemoryAfterGc, type ProcessMemory, type ThreadMemory,
} from './thread-memory.js';

const liveHosts = new Set<WorkerHost>();

/** Keeps `host` reachable by measureLoadGeneratorMemory until its threads have ended. */
export function registerWorkerHost(host: WorkerHost): void {
  liveHosts.add(host);
  void host.ended.then(() => liveHosts.delete(host));
}

/**
 * Asks the next run in this process for no-client baselines: reads this main thread now (forced GC) and sets
 * MEMORY_BASELINE_ENV, which the run's load processes and worker threads inherit, so that each reads its own
 * before it allocates anything for its clients. Call right before runScenario; call the returned function once
 * the run has started its threads (or ended) to restore the environment.
 */
export function requestMemoryBaselines(): () => void {
  const previous = process.env[MEMORY_BASELINE_ENV];
  process.env[MEMORY_BASELINE_ENV] = '1';
  markMainThreadBaseline();
  return () => {
    if (previous === undefined) delete process.env[MEMORY_BASELINE_ENV];
    else process.env[MEMORY_BASELINE_ENV] = previous;
  };
}

/**
 * Every load-generator process of the running run, each thread read after a forced GC: this process (the
 * coordinator, and the worker threads when the run fits one process) first, then each load process. Rejects
 * when a thread or process does not answer within shard-host's MEMORY_REPLY_TIMEOUT_MS.
 */
export async function measureLoadGeneratorMemory(): Promise<ProcessMemory[]> {
  const processes = await Promise.all([...liveHosts].map((host) => host.measureMemory()));
  const own = processes.filter((memory) => memory.pid === process.pid);
  const children = processes.filter((memory) => memory.pid !== process.pid);
  if (own.length > 0) return [...own, ...children];
  return [{ pid: process.pid, mainThread: { baseline: mainThreadMemoryBaseline(), now: readThreadMemoryAfterGc() }, workers: [] }, ...children];
}

/** Growth of the load generator over its no-client baselines. */
export interface MemoryGrowth {
  /** heap + external now minus at the baseline, every thread of every process summed, bytes. */
  heapPlusExternalBytes: number;
  /** The same, worker threads only (where the clients and their slots live), bytes. */
  workerHeapPlusExternalBytes: number;
  /**
   * RSS now minus at the earliest baseline, processes summed, bytes: also counts native memory outside V8
   * (libuv handles, Node's stream wrappers), allocator slack and the worker threads' start-up, so it bounds the
   * heap figure from above.
   */
  rssBytes: number;
  processes: number;
  /** Main threads and worker threads together. */
  threads: number;
}

function heapPlusExternal(memory: ThreadMemory): number {
  return memory.heapUsedBytes + memory.externalBytes;
}

/** Sums the growth over every thread (pure). Throws when a thread has no baseline: its growth is unknown. */
export function memoryGrowth(processes: readonly ProcessMemory[]): MemoryGrowth {
  let heapPlusExternalBytes = 0;
  let workerHeapPlusExternalBytes = 0;
  let rssBytes = 0;
  let threads = 0;
  for (const memory of processes) {
    const mainBaseline = memory.mainThread.baseline;
    if (mainBaseline === undefined) throw new Error(`process ${memory.pid}: its main thread has no baseline (requestMemoryBaselines before the run)`);
    heapPlusExternalBytes += heapPlusExternal(memory.mainThread.now) - heapPlusExternal(mainBaseline);
    const baselines: ThreadMemory[] = [mainBaseline];
    for (const worker of memory.workers) {
      if (worker.baseline === undefined) throw new Error(`process ${memory.pid}: worker ${worker.workerId} has no baseline (requestMemoryBaselines before the run)`);
      const growth = heapPlusExternal(worker.now) - heapPlusExternal(worker.baseline);
      heapPlusExternalBytes += growth;
      workerHeapPlusExternalBytes += growth;
      baselines.push(worker.baseline);
    }
    // RSS is the process's, read in each thread at a different moment. Its baseline is the least of them (the
    // earliest: the main thread's, read before the workers started), so that every thread's heap growth, which
    // starts at its own later baseline, lies inside the RSS growth; the workers' start-up is then in the RSS
    // growth too, which only loosens the bound. Now: the most.
    const baselineRss = Math.min(...baselines.map((baseline) => baseline.rssBytes));
    const nowRss = Math.max(memory.mainThread.now.rssBytes, ...memory.workers.map((worker) => worker.now.rssBytes));
    rssBytes += nowRss - baselineRss;
    threads += 1 + memory.workers.length;
  }
  return { heapPlusExternalBytes, workerHeapPlusExternalBytes, rssBytes, processes: processes.length, threads };
}
