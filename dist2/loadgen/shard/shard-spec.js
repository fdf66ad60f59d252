/** Parses `i/n` (1 <= i <= n, integers). Throws RangeError with a message meant for the user. */
export function parseShardSpec(text) {
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
    if (!match)
        throw new RangeError(`--shard must be i/n with 1 <= i <= n, e.g. 1/4 (got ${JSON.stringify(text)})`);
    const position = Number(match[1]);
    const count = Number(match[2]);
    if (count < 1 || position < 1 || position > count || !Number.isSafeInteger(count)) {
        throw new RangeError(`--shard must be i/n with 1 <= i <= n, e.g. 1/4 (got ${JSON.stringify(text)}): the index is 1-based`);
    }
    return { index: position - 1, count };
}
/** `slice` as the command line writes it, e.g. `2/4` for { index: 1, count: 4 }. */
export function formatShardSpec(slice) {
    return `${slice.index + 1}/${slice.count}`;
}
/** How many of clients 0 .. totalClients-1 belong to `slice` (c mod count = index). */
export function clientsInShard(totalClients, slice) {
    if (slice.index >= totalClients)
        return 0;
    return Math.floor((totalClients - 1 - slice.index) / slice.count) + 1;
}
/** Whether client `clientIndex` belongs to `slice`. */
export function isInShard(clientIndex, slice) {
    return clientIndex % slice.count === slice.index;
}
//# sourceMappingURL=shard-spec.js.map