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
/**
 * Environment switch that asks every thread to read its no-client baseline (a forced GC) before the engine
 * allocates anything for the clients: `SIO_BENCH_MEMORY_BASELINE=1`. Set by a benchmark for its run only (it
 * is inherited by load processes and worker threads); unset, the engine reads nothing and forces no GC.
 */
export const MEMORY_BASELINE_ENV = 'SIO_BENCH_MEMORY_BASELINE';
/** Whether this run's threads read a baseline before the clients' slots exist (MEMORY_BASELINE_ENV). */
export function memoryBaselineRequested() {
    return process.env[MEMORY_BASELINE_ENV] === '1';
}
let collectGarbage;
/**
 * V8's `gc` function for this thread's isolate, without `--expose-gc` on the command line: the flag, set at
 * run time, exposes `gc` in contexts created afterwards, and a new context of this isolate collects this
 * isolate's heap. The flag is cleared again so that no other context sees a `gc` global.
 */
function gcFunction() {
    if (collectGarbage === undefined) {
        v8.setFlagsFromString('--expose-gc');
        collectGarbage = vm.runInNewContext('gc');
        v8.setFlagsFromString('--no-expose-gc');
    }
    return collectGarbage;
}
/** Forces two full GCs in this thread (the second frees what the first's finalizers released), then reads it. */
export function readThreadMemoryAfterGc() {
    const gc = gcFunction();
    gc();
    gc();
    const usage = process.memoryUsage();
    return { heapUsedBytes: usage.heapUsed, externalBytes: usage.external, rssBytes: usage.rss };
}
/** This process's main-thread baseline, once marked (markMainThreadBaseline). */
let mainThreadBaseline;
/** Reads this process's main thread now (forced GC) and keeps it as its no-client baseline. */
export function markMainThreadBaseline() {
    mainThreadBaseline = readThreadMemoryAfterGc();
    return mainThreadBaseline;
}
/** This process's main-thread baseline, or undefined when none was marked. */
export function mainThreadMemoryBaseline() {
    return mainThreadBaseline;
}
//# sourceMappingURL=thread-memory.js.map