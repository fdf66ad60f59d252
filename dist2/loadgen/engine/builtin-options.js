export function builtinServerOptions(scenario, drainMs = 0) {
    const options = {
        app: scenario.app,
        transports: scenario.transports,
        parser: scenario.parser,
        compression: { perMessageDeflate: scenario.perMessageDeflate, httpCompression: scenario.httpCompression },
    };
    if (scenario.pingIntervalMs !== undefined)
        options.pingIntervalMs = scenario.pingIntervalMs;
    if (scenario.pingTimeoutMs !== undefined)
        options.pingTimeoutMs = scenario.pingTimeoutMs;
    // The server's own count of what its drops cost needs the load generator's drain (server/faults/drop-ledger.ts).
    if (scenario.faults !== undefined)
        options.faults = { ...scenario.faults, clientDrainMs: scenario.faults.clientDrainMs ?? drainMs };
    if (scenario.workers !== undefined && scenario.workers !== 1)
        options.workers = scenario.workers;
    if (scenario.adapter !== undefined)
        options.adapter = scenario.adapter;
    if (scenario.redisUrl !== undefined)
        options.redisUrl = scenario.redisUrl;
    return options;
}
//# sourceMappingURL=builtin-options.js.map