/**
 * `sio-bench serve`'s scale-out flags (`--workers`, `--adapter`, `--redis-url`) turned into ScaleOutOptions,
 * every problem named by its flag. Kept beside the adapters rather than in cli-options.ts because these flags
 * decide how processes are arranged, not how one reference server behaves.
 */
import { adapterKinds, scaleOutProblems } from './adapter-kind.js';
/** Parses the scale-out flags; absent flags mean one process with the in-memory adapter. */
export function parseScaleOutFlags(flags) {
    const problems = [];
    let workers = 1;
    if (flags.workers !== undefined) {
        const parsed = /^\s*\d+\s*$/.test(flags.workers) ? Number(flags.workers) : Number.NaN;
        if (Number.isSafeInteger(parsed) && parsed >= 1 && parsed <= 256)
            workers = parsed;
        else
            problems.push(`--workers must be an integer from 1 to 256 (got ${JSON.stringify(flags.workers)})`);
    }
    let adapter = workers > 1 ? 'cluster' : 'memory';
    if (flags.adapter !== undefined) {
        const found = adapterKinds.find((kind) => kind === flags.adapter);
        if (found === undefined)
            problems.push(`--adapter must be one of ${adapterKinds.join(', ')} (got ${JSON.stringify(flags.adapter)})`);
        else
            adapter = found;
    }
    const options = { workers, adapter, redisUrl: flags.redisUrl };
    // Combinations are checked only once each flag is valid on its own, so one mistake gives one message.
    if (problems.length === 0)
        problems.push(...scaleOutProblems(options));
    return problems.length > 0 ? { ok: false, problems } : { ok: true, options };
}
//# sourceMappingURL=scale-out-flags.js.map