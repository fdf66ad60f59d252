/**
 * What one thread's V8 isolate holds after a forced full GC: its heap and the external memory (Buffers,
 * ArrayBuffers, other native memory bound to its objects) that V8 attributes to it. Every worker thread has an
 * isolate of its own, and process.memoryUsage() in a thread reports only that thread's isolate (its `rss` is
 * the whole process's), so a load generator's memory is the sum of one reading per thread.
 *
 * Read only on request (a benchmark's), never in a normal run: a forced GC stops the thread for a few ms per
 * tens of MiB of heap.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** One thread's memory after a forced GC. */
export interface ThreadMemory {
  /** V8 heap in use by this thread's isolate, bytes. */
  heapUsedBytes: number;
  /** Memory outside the heap that V8 attributes to this isolate (Buffers and ArrayBuffers included), bytes. */
  externalBytes: number;
  /** Resident memory of the whole process at the same moment, bytes (shared by its threads). */
  rssBytes: number;
}

/**
 * Environment switch that asks every thread to read its no-client baseline (a forced GC) before the engine
 * allocates anything for the clients: `SIO_BENCH_MEMORY_BASELINE=1`. Set by a benchmark for its run only (it
 * is inherited by load processes and worker threads); unset, the engine reads nothing and forces no GC.
 */
export const MEMORY_BASELINE_ENV = 'SIO_BENCH_MEMORY_BASELINE';

/** Whether this run's threads read a baseline before the clients' slots exist (MEMORY_BASELINE_ENV). */
export function memoryBaselineRequested(): boolean {
  return process.env[MEMORY_BASELINE_ENV] === '1';
}

let collectGarbage: (() => void) | undefined;

/**
 * V8's `gc` function for this thread's isolate, without `--expose-gc` on the command line: the flag, set at
 * run time, exposes `gc` in contexts created afterwards, and a new context of this isolate collects this
 * isolate's heap. The flag is cleared again so that no other context sees a `gc` global.
 */
function gcFunction(): () => void {
  if (collectGarbage === undefined) {
    v8.setFlagsFromString('--expose-gc');
    collectGarbage = vm.runInNewContext('gc') as () => void;
    v8.setFlagsFromString('--no-expose-gc');
  }
  return collectGarbage;
}

/** Forces two full GCs in this thread (the second frees what the first's finalizers released), then reads it. */
export function readThreadMemoryAfterGc(): ThreadMemory {
  const gc = gcFunction();
  gc();
  gc();
  const usage = process.memoryUsage();
  return { heapUsedBytes: usage.heapUsed, externalBytes: usage.external, rssBytes: usage.rss };
}

/** This process's main-thread baseline, once marked (markMainThreadBaseline). */
let mainThreadBaseline: ThreadMemory | undefined;

/** Reads this process's main thread now (forced GC) and keeps it as its no-client baseline. */
export function markMainThreadBaseline(): ThreadMemory {
  mainThreadBaseline = readThreadMemoryAfterGc();
  return mainThreadBaseline;
}

/** This process's main-thread baseline, or undefined when none was marked. */
export function mainThreadMemoryBaseline(): ThreadMemory | undefined {
  return mainThreadBaseline;
}

/** One thread's baseline (undefined when none was requested) and its reading now. */
export interface ThreadMemoryReading {
  baseline: ThreadMemory | undefined;
  now: ThreadMemory;
}

/** One load-generator process: its main thread and each of its worker threads. */
export interface ProcessMemory {
  pid: number;
  mainThread: ThreadMemoryReading;
  workers: Array<ThreadMemoryReading & { workerId: number }>;
}
