/** The median of a non-empty list (the mean of the two middle values for an even count). */
export function median(values) {
    if (values.length === 0)
        throw new RangeError('median of an empty list');
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const upper = sorted[middle] ?? Number.NaN;
    return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}
/** Totals of a list of windows: throughput over the summed time, CPU over the summed acks. */
export function serverFigures(windows) {
    let acks = 0;
    let elapsedMs = 0;
    let cpuUs = 0;
    for (const window of windows) {
        acks += window.acks;
        elapsedMs += window.elapsedMs;
        cpuUs += window.serverCpuUs;
    }
    return {
        acks,
        acksPerSec: elapsedMs > 0 ? (acks * 1000) / elapsedMs : 0,
        cpuUsPerMessage: acks > 0 ? cpuUs / acks : 0,
    };
}
/** Compares the reference server's windows with the bare server's, round by round (same index, same round). */
export function overheadFigures(reference, bare) {
    if (reference.length !== bare.length || reference.length === 0) {
        throw new RangeError(`need the same non-zero number of rounds for both servers (got ${reference.length} and ${bare.length})`);
    }
    const ref = serverFigures(reference);
    const base = serverFigures(bare);
    const throughputRatioByRound = [];
    const cpuPerMessageRatioByRound = [];
    for (let round = 0; round < reference.length; round += 1) {
        const refRound = serverFigures(reference.slice(round, round + 1));
        const bareRound = serverFigures(bare.slice(round, round + 1));
        throughputRatioByRound.push(refRound.acksPerSec / bareRound.acksPerSec);
        cpuPerMessageRatioByRound.push(refRound.cpuUsPerMessage / bareRound.cpuUsPerMessage);
    }
    return {
        reference: ref,
        bare: base,
        throughputRatio: ref.acksPerSec / base.acksPerSec,
        cpuPerMessageRatio: ref.cpuUsPerMessage / base.cpuUsPerMessage,
        throughputRatioByRound,
        cpuPerMessageRatioByRound,
        throughputRatioMedian: median(throughputRatioByRound),
        cpuPerMessageRatioMedian: median(cpuPerMessageRatioByRound),
    };
}
/** The facade's cost in percent from a ratio where 1 means equal: throughput 0.97 → 3.1 % (bare/ref − 1). */
export function costPercentFromThroughputRatio(ratio) {
    return (1 / ratio - 1) * 100;
}
/** The facade's cost in percent from a CPU-per-message ratio: 1.04 → 4 %. */
export function costPercentFromCpuRatio(ratio) {
    return (ratio - 1) * 100;
}
//# sourceMappingURL=overhead-figures.js.map