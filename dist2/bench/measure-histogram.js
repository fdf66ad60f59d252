/**
 * Cost of the measurement core, to back the choices in loadgen/measure/histogram-factory.ts and
 * delivery-ledger.ts: record() cost of JS vs WASM HDR histograms, encoded sizes of typical intervals, encode and
 * decode time, and the DeliveryLedger's expectedUpTo over 100k windows × 1M sends.
 *
 * Run alone: node dist/bench/measure-histogram.js  (or add `measureHistogramBench` to bench/run-all.ts).
 */
import { pathToFileURL } from 'node:url';
import hdr from 'hdr-histogram-js';
import { monotonicClock } from '../loadgen/measure/clock.js';
import { HISTOGRAM_HIGHEST_US, HISTOGRAM_LOWEST_US, addEncoded, createLatencyHistogram, encodeHistogram, histogramBackend, releaseHistogram, } from '../loadgen/measure/histogram-factory.js';
import { DeliveryLedger } from '../loadgen/measure/delivery-ledger.js';
import { mulberry32 } from '../loadgen/membership/prng.js';
/** Records per timed pass. */
const RECORDS = 1_000_000;
/** Latencies log-uniform between 100 µs and 100 ms, deterministic. */
function latencySamples(count, seed) {
    const random = mulberry32(seed);
    const samples = new Float64Array(count);
    for (let i = 0; i < count; i++)
        samples[i] = Math.round(100 * Math.pow(1000, random()));
    return samples;
}
function nsPerRecord(histogram, samples, rounds) {
    for (let i = 0; i < 100_000; i++)
        histogram.recordValue(samples[i]);
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
        histogram.reset();
        const startUs = monotonicClock.nowUs();
        for (let i = 0; i < samples.length; i++)
            histogram.recordValue(samples[i]);
        best = Math.min(best, ((monotonicClock.nowUs() - startUs) * 1000) / samples.length);
    }
    return best;
}
function timeUs(run) {
    const startUs = monotonicClock.nowUs();
    run();
    return monotonicClock.nowUs() - startUs;
}
function runBench(settings) {
    const lines = ['measure-histogram (best of rounds; lower is better)', ''];
    const samples = latencySamples(RECORDS, 1);
    const rounds = Math.max(1, settings.rounds);
    const range = { lowestDiscernibleValue: HISTOGRAM_LOWEST_US, highestTrackableValue: HISTOGRAM_HIGHEST_US, numberOfSignificantValueDigits: 3, autoResize: false };
    const js64 = hdr.build({ ...range, bitBucketSize: 64, useWebAssembly: false });
    const wasm = createLatencyHistogram();
    lines.push(`histogram backend used: ${JSON.stringify(histogramBackend())}`);
    lines.push(`record(): JS 64-bit ${nsPerRecord(js64, samples, rounds).toFixed(1)} ns, WASM 64-bit ${nsPerRecord(wasm, samples, rounds).toFixed(1)} ns`);
    lines.push(`footprint: JS 64-bit ${js64.estimatedFootprintInBytes} B, WASM ${wasm.estimatedFootprintInBytes} B`);
    releaseHistogram(wasm);
    const repeats = 50;
    for (const count of [0, 1, 1_000, 100_000]) {
        const h = createLatencyHistogram();
        const part = latencySamples(count, 2);
        for (let i = 0; i < count; i++)
            h.recordValue(part[i]);
        const encoded = encodeHistogram(h);
        const target = createLatencyHistogram();
        addEncoded(target, encoded);
        // Steady state: the first calls include JIT and WASM memory growth.
        const encodeUs = timeUs(() => {
            for (let i = 0; i < repeats; i++)
                encodeHistogram(h);
        }) / repeats;
        const addUs = timeUs(() => {
            for (let i = 0; i < repeats; i++)
                addEncoded(target, encoded);
        }) / repeats;
        lines.push(`interval of ${count} samples: encoded ${encoded.length} chars, encode ${encodeUs.toFixed(0)} µs, decode+add ${addUs.toFixed(0)} µs`);
        releaseHistogram(h);
        releaseHistogram(target);
    }
    const windows = 100_000;
    const sends = 1_000_000;
    const rooms = 1_000;
    const ledger = new DeliveryLedger(() => false);
    const random = mulberry32(3);
    const perRoom = sends / rooms;
    const addUs = timeUs(() => {
        for (let room = 0; room < rooms; room++) {
            // 100 senders per room, each with its own increasing times: the per-channel array needs one sort.
            for (let sender = 0; sender < 100; sender++) {
                const times = new Float64Array(perRoom / 100);
                for (let i = 0; i < times.length; i++)
                    times[i] = i * 1_000_000 + Math.floor(random() * 1_000_000);
                ledger.addSends(room, room * 100 + sender, times);
            }
        }
        for (let w = 0; w < windows; w++)
            ledger.openWindow(w % rooms, w, w, Math.floor(random() * 5_000_000));
    });
    const firstUs = timeUs(() => ledger.account(10_000_000));
    let againUs = Infinity;
    for (let r = 0; r < rounds + 2; r++)
        againUs = Math.min(againUs, timeUs(() => ledger.account(10_000_000)));
    lines.push(`ledger: ${windows} windows × ${sends} sends: add ${(addUs / 1000).toFixed(0)} ms, account first ${(firstUs / 1000).toFixed(0)} ms (sorts, JIT), then best ${(againUs / 1000).toFixed(0)} ms`);
    return lines.join('\n');
}
/** The measurement-core benchmark for bench/run-all.ts. */
export const measureHistogramBench = {
    name: 'measure-histogram',
    description: 'HDR histogram record/encode cost (JS vs WASM) and DeliveryLedger scale',
    run: async (settings) => runBench(settings),
};
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
    process.stdout.write(`${runBench({ measureMs: 0, warmupMs: 0, rounds: 3, clients: 0 })}\n`);
}
//# sourceMappingURL=measure-histogram.js.map