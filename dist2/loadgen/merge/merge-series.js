/**
 * Merges the time series of several slices of one run on wall-clock seconds. Slices start within a few hundred
 * ms of one another (or further apart when an orchestrator starts them late); each slice's point ending at
 * epoch E goes into the merged second round((E - earliest start) / 1000), so one slice's consecutive seconds
 * stay consecutive. Within a merged second histograms are added (exact), counters and delivery tallies summed,
 * connection gauges summed over each slice's latest, and the load generator's health is the worst slice's.
 */
import { worstHealth } from '../engine/loadgen-health.js';
import { RunAccumulator } from '../measure/run-accumulator.js';
/**
 * The merged series. `dropMetrics` are left out of every point (fan-out completion: a slice's per-second figure
 * is partial and cannot be combined). Points count from the earliest slice start.
 */
export function mergeSeries(slices, dropMetrics) {
    if (slices.length === 0)
        return [];
    const startEpochMs = Math.min(...slices.map((slice) => slice.runStartEpochMs));
    const buckets = new Map();
    slices.forEach((slice, index) => {
        for (const point of slice.series) {
            const sec = Math.max(0, Math.round((point.epochMs - startEpochMs) / 1000));
            let bucket = buckets.get(sec);
            if (bucket === undefined) {
                bucket = [];
                buckets.set(sec, bucket);
            }
            bucket.push({ slice: index, point });
        }
    });
    const accumulator = new RunAccumulator();
    const merged = [];
    try {
        for (const sec of [...buckets.keys()].sort((a, b) => a - b)) {
            const entries = buckets.get(sec);
            for (const { slice, point } of entries)
                accumulator.add(toSnapshot(point, slice, dropMetrics));
            const phase = entries[0].point.phase;
            const out = accumulator.closeSecond(sec, startEpochMs + sec * 1000, phase);
            const health = worstHealth(entries.flatMap(({ point }) => (point.loadgen ? [point.loadgen] : [])));
            if (health)
                out.loadgen = health;
            merged.push(out);
        }
    }
    finally {
        accumulator.destroy();
    }
    return merged;
}
/** A series point as the snapshot of a pseudo-worker (the slice), so RunAccumulator can merge it. */
function toSnapshot(point, slice, dropMetrics) {
    const histograms = { ...point.histograms };
    for (const metric of dropMetrics)
        delete histograms[metric];
    return {
        workerId: slice,
        startMs: (point.tSec - 1) * 1000,
        endMs: point.tSec * 1000,
        histograms,
        counters: point.counters,
        delivery: point.delivery,
        connections: point.connections,
        errors: {},
        disconnectReasons: {},
    };
}
//# sourceMappingURL=merge-series.js.map