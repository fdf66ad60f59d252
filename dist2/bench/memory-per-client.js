/**
 * Load-generator memory per connected client as the benchmarks report it: heap + external after a forced GC in
 * every thread of every load-generator process, over no-client baselines read before the engine allocated the
 * clients' slots (loadgen/engine/loadgen-memory.ts), with the RSS growth beside it as an upper bound.
 */
import { measureLoadGeneratorMemory, memoryGrowth } from '../loadgen/engine/loadgen-memory.js';
/** Reads every thread now and turns the readings into growth; never rejects (a failure is an outcome). */
export async function readMemoryOutcome(tSec, openClients) {
    try {
        return { type: 'measured', tSec, openClients, growth: memoryGrowth(await measureLoadGeneratorMemory()) };
    }
    catch (error) {
        return { type: 'failed', tSec, message: error instanceof Error ? error.message : String(error) };
    }
}
/** The sentence every report with these figures carries. */
export const MEMORY_NOTE = 'Memory per client: heap + external after a forced GC in every thread (each worker thread is a V8 isolate of its own) of every ' +
    'load-generator process, over a baseline read the same way before the engine allocated anything for the clients; ' +
    "RSS growth beside it is an upper bound (it adds native memory outside V8, allocator slack and the worker threads' start-up). " +
    "The kernel's socket memory (socket buffers and structures) is outside both.";
/** One figure of an outcome per open client, bytes; undefined when it was not measured. */
export function bytesPerClient(outcome, read) {
    return outcome.type === 'measured' ? read(outcome.growth) / Math.max(1, outcome.openClients) : undefined;
}
/** One figure of an outcome, per open client, KiB: 'n/a' with the reason when it was not measured. */
function perClient(outcome, read) {
    switch (outcome.type) {
        case 'measured':
            return ((bytesPerClient(outcome, read) ?? 0) / 1024).toFixed(2);
        case 'failed':
            return `n/a (${outcome.message})`;
        case 'not-reached':
            return 'n/a (not reached)';
    }
}
/** The table rows: label and how to read it from an outcome. */
export const MEMORY_ROWS = [
    ['**load-generator heap+external per connected client, KiB** (forced GC, every thread of every load process, over a no-client baseline)', (o) => perClient(o, (g) => g.heapPlusExternalBytes)],
    ['  of which in the worker threads (the clients and their slots), KiB', (o) => perClient(o, (g) => g.workerHeapPlusExternalBytes)],
    ["load-generator RSS growth per connected client, KiB (upper bound; from each process's earliest baseline)", (o) => perClient(o, (g) => g.rssBytes)],
    ['load-generator processes / threads read', (o) => (o.type === 'measured' ? `${o.growth.processes} / ${o.growth.threads}` : 'n/a')],
];
//# sourceMappingURL=memory-per-client.js.map