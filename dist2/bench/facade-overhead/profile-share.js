/**
 * How much of a process's busy CPU time a V8 CPU profile puts in one body of code (its self time): the share
 * of the facade's own functions in the reference server, a figure that the machine's noise barely moves,
 * unlike throughput. Pure: takes the profile object that the inspector's `Profiler.stop` returns.
 */
/** Sums self time per sample; '(idle)' samples count as not busy; frames under `urlPrefix` count as matched. */
export function selfTimeShare(profile, urlPrefix) {
    const kindById = new Map();
    for (const node of profile.nodes) {
        const { functionName, url } = node.callFrame;
        kindById.set(node.id, functionName === '(idle)' ? 'idle' : url.startsWith(urlPrefix) ? 'matched' : 'other');
    }
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    let busyUs = 0;
    let matchedUs = 0;
    for (let i = 0; i < samples.length; i += 1) {
        const kind = kindById.get(samples[i] ?? -1);
        const deltaUs = deltas[i] ?? 0;
        if (kind === undefined || kind === 'idle')
            continue;
        busyUs += deltaUs;
        if (kind === 'matched')
            matchedUs += deltaUs;
    }
    return { busyUs, matchedUs, share: busyUs > 0 ? matchedUs / busyUs : 0 };
}
//# sourceMappingURL=profile-share.js.map